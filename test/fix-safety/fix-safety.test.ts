import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import type { Finding } from '../../src/core/types.js'
import { isCodeLike } from '../../src/fix-safety/code-like.js'
import { fixPost } from '../../src/fix-safety/fix-post.js'
import { quotedSpans } from '../../src/fix-safety/quotations.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

const { linter } = createLinter({ assets, config: DEFAULT_CONFIG })
const lint = (source: string): Finding[] => {
  const result = linter.lint('post.md', source)
  return result.kind === 'linted' ? result.findings : []
}
const fix = (text: string): string => fixPost(`${text}\n`, lint).text.trimEnd()

describe('code-like tokens', () => {
  it('are paths, dotted identifiers, format directives, snake_case, flags and scheme-less URLs', () => {
    for (const token of ['C:\\Users\\me', 'gin.Context', 'Node.js', '%a', '%s,', '_', 'my_var', 'example.com/docs', './run.sh', '/etc/hosts', '--verbose', 'getUser', 'os.path.join()', '(org.apache.Flink)']) {
      expect(isCodeLike(token), token).toBe(true)
    }
  })

  it('are not words, abbreviations, percentages or pairs written with a slash', () => {
    for (const token of ['Flink', 'e.g.,', 'i.e.', 'U.S.', '50%', 'Pub/Sub', 'and/or', 'end.', '“quoted”', 'andUpcoming', 'address.This', 'restarts.Then', '/']) {
      expect(isCodeLike(token), token).toBe(false)
    }
  })
})

describe('quotations', () => {
  it('are spans in curly or paired straight quotes, not apostrophes', () => {
    const text = 'He said “we utilize it” and "in order to", but it’s the team’s ‘call’.'
    expect(quotedSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['“we utilize it”', '"in order to"', '‘call’'])
    expect(quotedSpans('An "unclosed quote here.')).toEqual([])
  })
})

describe('fix', () => {
  it('never rewrites code an author left unformatted', () => {
    expect(fix('The framework has its own type gin.Context which gets passed.')).toBe('The framework has its own type gin.Context which gets passed.')
    expect(fix('Open C:\\Users\\the the\\notes.txt and use %a in the format.')).toBe('Open C:\\Users\\the the\\notes.txt and use %a in the format.')
  })

  it('recases a whole word a name list spells otherwise, never a word glued to a path or a dotted name', () => {
    expect(fix('Call the endpoint with cURL, then with cURL.')).toBe('Call the endpoint with curl, then with curl.')
    expect(fix('Run /usr/bin/cURL and lib.cURL.init first.')).toBe('Run /usr/bin/cURL and lib.cURL.init first.')
    expect(fix('Call getUser twice.')).toBe('Call getUser twice.')
  })

  it('never rewrites quotations, and never touches a template comment', () => {
    expect(fix('He said "we utilize the the Github" on stage.')).toBe('He said "we utilize the the Github" on stage.')
    expect(fix('> “In order to win, utilize the the team.”\n>\n> — Jane Doe')).toBe('> “In order to win, utilize the the team.”\n>\n> — Jane Doe')
    const comment = '{{< comment >}}\nTODO: utilize this\n{{< /comment >}}'
    expect(fix(comment)).toBe(comment)
    expect(lint(`${comment}\n`).filter((f) => f.ruleId === 'draft-notes')).toEqual([])
  })

  it('reports nothing in a log line quoted as printed, and still reads the prose after it', () => {
    const log = '> 15:45:51,460 INFO  org.apache.flink.TypeExtractor  - Class cannot be used as a POJO type.\n\nThe job  restarts.'
    expect(lint(log).map((f) => `${f.ruleId}:${f.span.start.line}`)).toEqual(['doubled-spaces:3'])
    expect(fix(log)).toBe('> 15:45:51,460 INFO  org.apache.flink.TypeExtractor  - Class cannot be used as a POJO type.\n\nThe job restarts.')
  })

  it('drops a fix that makes a new error, keeping its message', () => {
    expect(fix('These tools help facilitate the work.')).not.toContain('help help')
    expect(fix('For e.g., the job runs.')).not.toContain('For for')
    expect(fix('It shows a a way to do it.')).toBe('It shows a way to do it.')
  })

  it('keeps the other fixes on a line where one fix is dropped', () => {
    expect(fix('These tools help facilitate the the work.')).toBe('These tools help facilitate the work.')
  })

  it('runs to a text that a second fix leaves alone', () => {
    const once = fixPost('We utilize NodeJS and the the Node runtime in order to scale.\n', lint)
    expect(fixPost(once.text, lint).passes).toBe(0)
  })
})
