import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findValeConfig, parseValeConfig, settingsFor } from '../../src/vale/config.js'
import { IniError } from '../../src/vale/ini.js'

describe('.vale.ini', () => {
  const ini = [
    'StylesPath = styles',
    'MinAlertLevel = warning',
    'Vocab = Blog, Team',
    'Packages = Google, https://example.com/Microsoft.zip',
    '',
    '[*]',
    'BasedOnStyles = Vale',
    '',
    '[*.{md,mdx}]',
    'BasedOnStyles = Google, write-good',
    'Google.Will = NO',
    'Google.WordList = error',
    'TokenIgnores = (\\$+[^\\n$]+\\$+), (\\{\\{[^}]*\\}\\})',
    '',
    '[docs/legal/*.md]',
    'write-good = NO',
  ].join('\n')
  const config = parseValeConfig(ini, '/repo/.vale.ini', '/repo')

  it('reads the global keys', () => {
    expect(config.stylesPath).toBe('/repo/styles')
    expect(config.minAlertLevel).toBe('warning')
    expect(config.vocab).toEqual(['Blog', 'Team'])
    expect(config.packages).toEqual(['Google', 'https://example.com/Microsoft.zip'])
  })

  it('merges every matching section, later ones winning', () => {
    const post = settingsFor(config, 'blog/post.md')
    expect(post.styles).toEqual(['Vale', 'Google', 'write-good'])
    expect(post.switches.get('Google.Will')).toBe(false)
    expect(post.switches.get('Google.WordList')).toBe('error')
    expect(post.tokenIgnores).toEqual(['(\\$+[^\\n$]+\\$+)', '(\\{\\{[^}]*\\}\\})'])
    expect(settingsFor(config, 'page.mdx').styles).toContain('Google')
    expect(settingsFor(config, 'notes.txt').styles).toEqual(['Vale'])
    expect(settingsFor(config, 'docs/legal/terms.md').switches.get('write-good')).toBe(false)
  })

  it('names file and line of a bad value', () => {
    expect(() => parseValeConfig('MinAlertLevel = loud', '/x/.vale.ini', '/x')).toThrow(IniError)
    expect(() => parseValeConfig('MinAlertLevel = loud', '/x/.vale.ini', '/x')).toThrow('/x/.vale.ini:1:')
    expect(() => parseValeConfig('[*.md]\nGoogle.Will = sometimes', '/x/.vale.ini', '/x')).toThrow('/x/.vale.ini:2:')
  })

  it('is found as Vale finds it: the folder, then its parents', () => {
    const root = mkdtempSync(join(tmpdir(), 'vale-find-'))
    mkdirSync(join(root, 'a', 'b'), { recursive: true })
    writeFileSync(join(root, '.vale.ini'), 'StylesPath = s\n')
    expect(findValeConfig(join(root, 'a', 'b'))).toBe(join(root, '.vale.ini'))
    writeFileSync(join(root, 'a', '_vale.ini'), 'StylesPath = s\n')
    expect(findValeConfig(join(root, 'a', 'b'))).toBe(join(root, 'a', '_vale.ini'))
    expect(findValeConfig(join(root, 'a', 'b'), join(root, 'a', 'b'))).toBeUndefined()
  })
})
