import { describe, expect, it } from 'vitest'
import { lowerCaseProductNames, productNames } from '../../src/spelling/product-names.js'

const words = new Set(['swift', 'serverless', 'chart'])
const sources = (titles: string[], existing: string[] = []) => ({
  titles,
  isWord: (w: string) => words.has(w),
  frequency: (w: string) => (w === 'alfred' ? 500 : 0),
  existing,
})

describe('product names from a brand list', () => {
  it('keeps names with a capital inside, correcting their lower-case and one-capital forms', () => {
    expect(productNames(sources(['HashiCorp', 'macOS', 'cPanel']))).toEqual([
      { term: 'cPanel', variants: ['cpanel', 'Cpanel'] },
      { term: 'HashiCorp', variants: ['hashicorp', 'Hashicorp'] },
      { term: 'macOS', variants: ['macos', 'Macos'] },
    ])
  })

  it('leaves out names whose lower case is a command or whose capitals are a house style', () => {
    expect(productNames(sources(['Linkerd', 'JIRA', 'NGINX', 'curl', 'ROS']))).toEqual([])
  })

  it('leaves out words, common names, odd shapes and names another list spells', () => {
    expect(productNames(sources(['SwiFT', 'ServerLess', 'AlfRed', 'Chart.js', 'Go', 'Booking.com', 'Notepad++', 'GitHub'], ['GitHub']))).toEqual([])
  })

  it('keeps neither of two brands that differ only in case', () => {
    expect(productNames(sources(['HoNo', 'HoNO']))).toEqual([])
  })

  it('keeps a .js library whose stem is no word', () => {
    expect(productNames(sources(['VueJs.js']))).toEqual([{ term: 'VueJs.js', variants: ['vuejs.js', 'Vuejs.js'] }])
  })

  it('lists the names written in lower case only, for the rule that corrects a capital inside them', () => {
    expect(lowerCaseProductNames({ titles: ['curl', 'containerd', 'GitHub', 'uv', 'reveal.js', 'Hono', 'hono', 'go'], existing: ['Containerd'] })).toEqual(['curl', 'reveal.js'])
  })
})
