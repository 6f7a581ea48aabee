import { describe, expect, it } from 'vitest'
import { writeValeProject } from './write-project.js'

// Vale semantics that widely used styles (Microsoft, Red Hat, the readability styles) rely on,
// as Vale's source and documentation give them; each case is a rule written in their manner.
const project = (rules: Record<string, string>, ini = '') =>
  writeValeProject({
    '.vale.ini': `StylesPath = styles\nMinAlertLevel = suggestion\n${ini}[*.md]\nBasedOnStyles = T\n`,
    ...Object.fromEntries(Object.entries(rules).map(([name, text]) => [`styles/T/${name}.yml`, text])),
  })

describe('messages, as Vale formats them', () => {
  it('fills every %s in turn from what the rule gives, round again when it gives fewer', () => {
    const p = project({ Twice: "extends: existence\nmessage: \"'%s' here, '%s' there.\"\ntokens:\n  - foobar\n" })
    expect(p.lint('A foobar here.\n')).toEqual(["post.md:1:3:T.Twice:'foobar' here, 'foobar' there."])
  })

  it('substitution with action replace quotes the replacements and drops the quotes around the first %s only', () => {
    const p = project({
      Lead: "extends: substitution\nmessage: Use %s rather than '%s'.\nignorecase: true\naction:\n  name: replace\nswap:\n  master: leader\n",
      Both: "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\naction:\n  name: replace\nswap:\n  utilize: use\n",
      One: "extends: substitution\nmessage: Did you mean '%s'?\naction:\n  name: replace\nswap:\n  'cancelation': cancellation|cancel\n",
    })
    expect(p.lint('The master will utilize a cancelation.\n').sort()).toEqual([
      "post.md:1:17:T.Both:Use 'use' instead of 'utilize'.",
      "post.md:1:27:T.One:Did you mean 'cancellation' or 'cancel'?",
      "post.md:1:5:T.Lead:Use 'leader' rather than 'master'.",
    ])
  })

  it('substitution without action replace prints the replacement as the rule wrote it', () => {
    const p = project({ Raw: "extends: substitution\nmessage: Use '%s' instead of '%s'.\nswap:\n  mobile phone: phone|cell phone\n" })
    expect(p.lint('Call my mobile phone.\n')).toEqual(["post.md:1:9:T.Raw:Use 'phone|cell phone' instead of 'mobile phone'."])
  })
})

describe('positions, as Vale finds them', () => {
  it('a substitution whose key takes the space before a word reports from that space, as existence does; the fix keeps the space', () => {
    const p = project({ Or: "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nnonword: true\naction:\n  name: replace\nswap:\n  '\\sand/or': ' or'\n" })
    expect(p.lint('Cats and/or dogs.\n')).toEqual(["post.md:1:5:T.Or:Use ' or' instead of ' and/or'."])
    const [finding] = p.findings('Cats and/or dogs.\n')
    expect(finding?.edits).toEqual([expect.objectContaining({ text: ' or' })])
  })
})

describe('metric', () => {
  it('names heading counts as Vale hands them to the formula (heading_h2)', () => {
    const p = project({ H2: 'extends: metric\nmessage: "%s second-level headings."\nformula: heading_h2\ncondition: "> 1"\n' })
    expect(p.lint('# One\n\n## Two\n\nText.\n\n## Three\n\nMore text.\n')).toEqual(['post.md:1:1:T.H2:2.00 second-level headings.'])
    expect(p.problems).toEqual([])
  })

  it('refuses a variable Vale does not count, with file and line, and runs the other rules', () => {
    const p = project({
      Bad: 'extends: metric\nmessage: "%s"\nformula: wordz / sentences\ncondition: "> 1"\n',
      Todo: "extends: existence\nmessage: \"'%s' left\"\ntokens:\n  - TODO\n",
    })
    expect(p.lint('A TODO here.\n')).toEqual(["post.md:1:3:T.Todo:'TODO' left"])
    expect(p.problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining("unknown variable 'wordz'") as string })])
  })
})

describe('raw HTML in a Markdown post', () => {
  const rules = {
    Caption: "extends: existence\nmessage: \"'%s' left in text\"\nscope:\n  - table.cell\n  - table.caption\ntokens:\n  - TODO\n",
    Any: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens:\n  - simply\n",
  }

  it('is linted as Vale lints it, each element with its scope, and its alerts carry no fix', () => {
    const p = project(rules)
    const post = '# Title\n\n<table>\n  <caption>TODO</caption>\n  <tr><th>TODO</th><td>simply TODO</td></tr>\n</table>\n\n<p align="center">It <b>simply</b> works.</p>\n'
    expect(p.lint(post).sort()).toEqual([
      "post.md:4:12:T.Caption:'TODO' left in text",
      "post.md:5:24:T.Any:Avoid 'simply'.",
      "post.md:5:31:T.Caption:'TODO' left in text",
      "post.md:8:25:T.Any:Avoid 'simply'.",
    ])
    expect(p.findings(post).every((f) => f.edits.length === 0)).toBe(true)
  })

  it('leaves comments, scripts, code and fenced examples alone', () => {
    const p = project(rules)
    const post = '<!-- simply a comment -->\n\n<script>simply()</script>\n\n<div><code>simply</code></div>\n\n```html\n<p>simply</p>\n```\n'
    expect(p.lint(post)).toEqual([])
  })
})

describe('readability counts', () => {
  it('counts syllables as the counter Vale ports does (every: 2, readability: 5)', () => {
    const p = project({ Syl: 'extends: metric\nmessage: "%s syllables."\nformula: syllables\ncondition: "> 0"\n' })
    expect(p.lint('Every readability test.\n')).toEqual(['post.md:1:1:T.Syl:8.00 syllables.'])
  })
})

describe('a rule that cannot work is named with file and line; the others run', () => {
  it('refuses an unknown $ case name and a swap that is not a mapping', () => {
    const p = project({
      Cap: "extends: capitalization\nmessage: \"'%s'\"\nmatch: $camel\n",
      Swap: "extends: substitution\nmessage: \"'%s'\"\nswap:\n  - foo: bar\n",
      Todo: "extends: existence\nmessage: \"'%s' left\"\ntokens:\n  - TODO\n",
    })
    expect(p.lint('# A TODO here\n')).toEqual(["post.md:1:5:T.Todo:'TODO' left"])
    expect(p.problems.map((x) => [x.line, x.message.split(':')[0]]).sort()).toEqual([
      [3, 'T.Cap'],
      [3, 'T.Swap'],
    ])
  })
})
