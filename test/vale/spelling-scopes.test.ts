import { describe, expect, it } from 'vitest'
import { writeValeProject as project } from './write-project.js'

// A two-word Hunspell dictionary with one suffix rule: "florp" and "florps", "quibnet".
const DICTIONARY = {
  'styles/config/dictionaries/shop.aff': 'SET UTF-8\n\nSFX S Y 1\nSFX S 0 s .\n',
  'styles/config/dictionaries/shop.dic': '2\nflorp/S\nquibnet\n',
}

describe('Vale spelling with the dictionaries a style ships', () => {
  it('reads a named dictionary with its affixes; append: false leaves out the bundled one', () => {
    const p = project({
      ...DICTIONARY,
      '.vale.ini': 'StylesPath = styles\n\n[*.md]\nShop.Only = YES\n',
      'styles/Shop/Only.yml': "extends: spelling\nmessage: \"'%s' is a typo!\"\nappend: false\ndictionaries:\n  - shop\n",
    })
    expect(p.problems).toEqual([])
    expect(p.lint('Florps florp quibnet house.\n')).toEqual(["post.md:1:22:Shop.Only:'house' is a typo!"])
  })

  it('adds a named dictionary to the bundled one by default, and refuses one that is not there by name', () => {
    const p = project({
      ...DICTIONARY,
      '.vale.ini': 'StylesPath = styles\n\n[*.md]\nShop.Both = YES\nShop.Missing = YES\n',
      'styles/Shop/Both.yml': "extends: spelling\nmessage: \"'%s' is a typo!\"\ndictionaries:\n  - shop\n",
      'styles/Shop/Missing.yml': "extends: spelling\nmessage: \"'%s' is a typo!\"\ndictionaries:\n  - en_medical\n",
    })
    expect(p.lint('The quibnets florps work; the quibnet house.\n')).toEqual(["post.md:1:5:Shop.Both:'quibnets' is a typo!"])
    expect(p.problems.map((x) => x.message)).toEqual([expect.stringMatching(/Shop\.Missing: dictionary 'en_medical' not found/)])
  })

  it('custom: true checks hyphenated compounds and mixed case whole; the default filters skip them', () => {
    const p = project({
      '.vale.ini': 'StylesPath = styles\n\n[*.md]\nShop.Custom = YES\nVale.Spelling = YES\n',
      'styles/Shop/Custom.yml': "extends: spelling\nmessage: \"'%s' is a typo!\"\ncustom: true\n",
    })
    expect(p.lint('A human-friendly HTTPie tool.\n')).toEqual(["post.md:1:3:Shop.Custom:'human-friendly' is a typo!", "post.md:1:18:Shop.Custom:'HTTPie' is a typo!"])
  })

  it('Vale.Spelling reads every dictionary in config/dictionaries and every list in config/ignore', () => {
    const p = project({
      ...DICTIONARY,
      'styles/config/ignore/tools/names.txt': 'qwzx\n',
      '.vale.ini': 'StylesPath = styles\n\n[*.md]\nBasedOnStyles = Vale\n',
    })
    expect(p.lint('The florps and qwzx work, but not zzyzx.\n')).toEqual(["post.md:1:35:Vale.Spelling:Did you really mean 'zzyzx'?"])
  })
})

describe('IgnoredScopes and IgnoredClasses', () => {
  const style = { 'styles/Notes/Todo.yml': "extends: existence\nmessage: \"'%s' left in text\"\ntokens:\n  - TODO\n" }
  it('leaves out link text and bold text when listed', () => {
    const p = project({ ...style, '.vale.ini': 'StylesPath = styles\nIgnoredScopes = code, link, strong\n\n[*.md]\nNotes.Todo = YES\n' })
    expect(p.lint('A [TODO](https://example.com) and **TODO** but TODO.\n')).toEqual(["post.md:1:48:Notes.Todo:'TODO' left in text"])
  })

  it('lints them otherwise', () => {
    const p = project({ ...style, '.vale.ini': 'StylesPath = styles\n\n[*.md]\nNotes.Todo = YES\n' })
    expect(p.lint('A [TODO](https://example.com) and **TODO**.\n')).toHaveLength(2)
  })

  it('leaves out emphasis when `em` or `i` is listed, and lints it otherwise', () => {
    const text = 'An *TODO* and _TODO_ and ***TODO*** but TODO.\n'
    for (const scope of ['em', 'i']) {
      const p = project({ ...style, '.vale.ini': `StylesPath = styles\nIgnoredScopes = code, ${scope}\n\n[*.md]\nNotes.Todo = YES\n` })
      expect(p.lint(text)).toEqual(["post.md:1:41:Notes.Todo:'TODO' left in text"])
    }
    const p = project({ ...style, '.vale.ini': 'StylesPath = styles\nIgnoredScopes = code, strong\n\n[*.md]\nNotes.Todo = YES\n' })
    expect(p.lint(text).map((l) => l.split(':').slice(1, 3).join(':'))).toEqual(['1:5', '1:16', '1:41'])
  })

  it('leaves out inline HTML elements whose class is listed', () => {
    const p = project({ ...style, '.vale.ini': 'StylesPath = styles\nIgnoredClasses = nop\n\n[*.md]\nNotes.Todo = YES\n' })
    expect(p.lint('<span class="nop bar">TODO</span> and <span class="x">TODO</span>\n')).toEqual(["post.md:1:55:Notes.Todo:'TODO' left in text"])
  })
})
