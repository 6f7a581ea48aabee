import { describe, expect, it } from 'vitest'
import { explain } from '../../scripts/vale-evidence.js'
import type { ValeFiles } from '../../src/vale/vale-files.js'

const style: Record<string, string> = {
  '/styles/Demo/Swear.yml': "extends: existence\nmessage: \"Don't use '%s'.\"\nignorecase: true\ntokens:\n  - heck\n  - darn\n",
  '/styles/Demo/Abbr.yml': "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\nnonword: true\nswap:\n  '\\bocd\\b|o\\.c\\.d\\.': obsessive\n",
}
const files: ValeFiles = {
  read: (path) => style[path],
  list: (path) => (path === '/styles/Demo' ? ['Swear.yml', 'Abbr.yml'] : undefined),
}

describe("a style's feature file against its own rule files", () => {
  it('an expected alert of a rule file the style no longer ships, or with another message, is explained by name', () => {
    const [gone, reworded, same] = explain(
      [
        { line: "t.md:1:5:Demo.Profanity:Careful with 'heck'.", kind: 'missing' },
        { line: "t.md:1:5:Demo.Swear:Careful with 'heck'.", kind: 'missing' },
        { line: "t.md:1:5:Demo.Swear:Don't use 'heck'.", kind: 'missing' },
      ],
      '/styles',
      files,
    )
    expect(gone?.because).toBe('no Demo/Profanity.yml under StylesPath; Demo ships Abbr.yml, Swear.yml')
    expect(reworded?.because).toBe(`Demo/Swear.yml says "Don't use '%s'.", not this message`)
    // The shipped rule says just this: the feature file is not the one to blame.
    expect(same?.because).toBeUndefined()
  })

  it('an extra alert is explained only by an entry of the rule file that matches the words whole', () => {
    const [token, swap, unlisted, partial] = explain(
      [
        { line: "t.md:2:1:Demo.Swear:Don't use 'DARN'.", kind: 'extra', matched: 'DARN' },
        { line: "t.md:3:1:Demo.Abbr:Use 'obsessive' instead of 'O.C.D.'.", kind: 'extra', matched: 'O.C.D.' },
        { line: "t.md:4:1:Demo.Swear:Don't use 'gosh'.", kind: 'extra', matched: 'gosh' },
        { line: "t.md:5:1:Demo.Swear:Don't use 'hecks'.", kind: 'extra', matched: 'hecks' },
      ],
      '/styles',
      files,
    )
    expect(token?.because).toBe("Demo/Swear.yml:6 lists `darn` (ignorecase: true), which matches 'DARN'")
    expect(swap?.because).toBe("Demo/Abbr.yml:6 lists `\\bocd\\b|o\\.c\\.d\\.` (ignorecase: true), which matches 'O.C.D.'")
    expect(unlisted?.because).toBeUndefined()
    expect(partial?.because).toBeUndefined()
  })
})
