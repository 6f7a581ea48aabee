import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import type { Finding } from '../../src/core/types.js'
import { createLinter } from '../../src/lint/linter.js'
import { parseMarkdown } from '../../src/markdown/parse.js'
import type { ProseRange } from '../../src/markdown/prose-doc.js'
import { collectProse } from '../../src/markdown/prose-ranges.js'
import { PatternFacts } from '../../src/rules/match/pattern-facts.js'
import { PhraseIndex } from '../../src/rules/match/phrase-index.js'
import { wordsOf } from '../../src/rules/match/text-tools.js'
import { readPostNames, type NameEvidence } from '../../src/rules/names/post-names.js'
import { assets } from '../support/lint-assets.js'

/** The evidence for one word of a post ("Word" or "Word#2" for its second occurrence). */
function evidenceOf(source: string, word: string, terms: readonly string[] = []): NameEvidence | undefined {
  const ranges = collectProse(parseMarkdown(source), source)
  const index = new PhraseIndex(new PatternFacts())
  const find = terms.length > 0 ? index.add(terms, { ignoreCase: false }) : undefined
  const names = readPostNames(ranges, find, assets.dictionary.checker)
  const [text, nth] = word.split('#') as [string, string | undefined]
  let seen = 0
  for (const range of ranges) {
    const at = wordsOf(range).findIndex((w) => w.word === text && ++seen === Number(nth ?? 1))
    if (at !== -1) return names.keepsCapital(range as ProseRange, at)
  }
  throw new Error(`${word} is not in the post`)
}

describe('one notion of a proper name', () => {
  it('keeps the terms of the rule set, as written', () => {
    expect(evidenceOf('We run the OpenTelemetry Collector here.\n', 'Collector', ['OpenTelemetry Collector'])).toBe('term')
  })

  it('keeps CamelCase, acronyms and names glued by dots, slashes or hyphens', () => {
    expect(evidenceOf('Use the DataStream runner.\n', 'DataStream')).toBe('code-like')
    expect(evidenceOf('Read the JSON file.\n', 'JSON')).toBe('code-like')
    expect(evidenceOf('It needs Node.js to run.\n', 'Node')).toBe('code-like')
    expect(evidenceOf('The Table/SQL Sources are new.\n', 'Table')).toBe('code-like')
  })

  it('keeps bold UI paths and Title Case labels, not a bold phrase in sentence case', () => {
    expect(evidenceOf('Open **Library > Options** to see it.\n', 'Library')).toBe('ui-label')
    expect(evidenceOf('Click **Save Changes** when done.\n', 'Changes')).toBe('ui-label')
    expect(evidenceOf('This is **really the Pipeline** we want, not a pipeline.\n', 'Pipeline')).toBeUndefined()
  })

  it('keeps the first word of a sentence, after a colon and after a list number', () => {
    expect(evidenceOf('It ran. Pipelines are fast.\n', 'Pipelines')).toBe('sentence-start')
    expect(evidenceOf('One thing matters: Pipelines are fast.\n', 'Pipelines')).toBe('sentence-start')
    expect(evidenceOf('## Steps\n\n### 1. Think carefully\n', 'Think')).toBe('sentence-start')
  })

  it('keeps quoted and numbered words', () => {
    expect(evidenceOf('Set the "Primary Key" option.\n', 'Key')).toBe('quoted')
    expect(evidenceOf('Then Service 1 calls the other.\n', 'Service')).toBe('numbered')
  })

  it('keeps a word the post capitalises mid-sentence elsewhere more often than not, in prose and in headings', () => {
    const post = '## Scale the Deployment\n\nCreate a Deployment first. Each Deployment owns pods.\n\nThe adaptive Scheduler runs jobs.\n'
    expect(evidenceOf(post, 'Deployment')).toBe('post-name')
    expect(evidenceOf(post, 'Deployment#3')).toBe('post-name')
    // One capitalised word is not its own evidence: a slip to correct.
    expect(evidenceOf(post, 'Scheduler')).toBeUndefined()
    // A heading and the prose are each other's evidence, so both keep the word or neither does.
    const both = '## Tune the Scheduler\n\nThe adaptive Scheduler runs jobs.\n'
    expect([evidenceOf(both, 'Scheduler'), evidenceOf(both, 'Scheduler#2')]).toEqual(['post-name', 'post-name'])
    const lowered = '## Tune the Scheduler\n\nThe adaptive Scheduler runs jobs; the scheduler is new.\n'
    expect([evidenceOf(lowered, 'Scheduler'), evidenceOf(lowered, 'Scheduler#2')]).toEqual([undefined, undefined])
    // Written in lower case as often as capitalised: not a name.
    expect(evidenceOf('Use a Pipeline here and a pipeline there, or a Pipeline and a pipeline.\n', 'Pipeline')).toBeUndefined()
  })

  it('keeps pairs the post writes more than once and words before an acronym', () => {
    expect(evidenceOf('The Linkerd Hero award goes to a hero. Another Linkerd Hero won, a hero too.\n', 'Hero')).toBe('name-pair')
    expect(evidenceOf('Run it on the Google Compute Cloud, as the Google and Compute teams say; the cloud is not a name.\n', 'Cloud')).toBe('name-pair')
    expect(evidenceOf('We added the Table API today; the table is new.\n', 'Table')).toBe('name-pair')
  })

  it('keeps words the dictionary does not know as ordinary words', () => {
    expect(evidenceOf('## Why we use Linkerd\n', 'Linkerd')).toBe('not-a-common-word')
    expect(evidenceOf('I saw the Pipeline today, and the pipeline saw me.\n', 'Pipeline')).toBeUndefined()
    // Unless the post writes it in lower case as a word of its own more often.
    expect(evidenceOf('## Adoption & Enablement\n\nWe track adoption & enablement.\n', 'Enablement')).toBeUndefined()
    // A lower-case identifier or a quoted name is no such evidence.
    expect(evidenceOf('## Add Linkerd to the Nodevoto app\n\nInstall Nodevoto. It runs nodevoto-web in the “nodevoto” namespace.\n', 'Nodevoto')).toBe('not-a-common-word')
  })

  it('keeps the words an acronym in parentheses spells', () => {
    expect(evidenceOf('## Understanding the OpenTelemetry Certified Associate (OTCA) exam\n', 'Certified')).toBe('expanded-acronym')
    expect(evidenceOf('### Net Promoter Score (NPS)\n', 'Score')).toBe('expanded-acronym')
    expect(evidenceOf('## Join a Special Interest Group (SIGs)\n', 'Special')).toBe('expanded-acronym')
    expect(evidenceOf('## The Final Score (NPS)\n', 'Final')).toBeUndefined()
    expect(evidenceOf('## Tips for Hosting Special Interest Group (SIG) meetings\n', 'Hosting')).toBeUndefined()
    expect(evidenceOf('## Lessons from Running Service Level Objectives (SLOs) at scale\n', 'Running')).toBeUndefined()
  })

  it('reads a preposition before a year as no numbered name', () => {
    expect(evidenceOf('## Service Meshes Since 2021\n', 'Since')).toBeUndefined()
    expect(evidenceOf('## Run Service 2 first\n', 'Service')).toBe('numbered')
  })
})

describe('rules that judge case agree about every word', () => {
  // generic-capitals lowers generic words mid-sentence; heading-case lowers words in headings.
  const { linter } = createLinter({ assets, config: { ...DEFAULT_CONFIG, rules: { 'generic-capitals': 'warning', 'heading-case': 'warning' } } })
  const caseRules = new Set(['terms', 'generic-capitals', 'heading-case'])

  /** Each word a case rule changes, as the word it was and the word it becomes. */
  function caseEdits(findings: readonly Finding[]): { rule: string; from: string; to: string }[] {
    return findings
      .filter((f) => caseRules.has(f.ruleId))
      .flatMap((f) => {
        const from = f.actual.split(/\s+/)
        const to = (f.expected[0] ?? '').split(/\s+/)
        return from.flatMap((w, i) => (to[i] !== undefined && to[i] !== w && to[i]?.toLowerCase() === w.toLowerCase() ? [{ rule: f.ruleId, from: w, to: to[i] as string }] : []))
      })
  }

  const post = [
    '# Scaling a service',
    '',
    'Create a Deployment for the app. Kubernetes restarts a Deployment when it fails, and the Deployment keeps two pods.',
    '',
    'We also built a Pipeline for the logs.',
    '',
    '## Scale the Deployment',
    '',
    'Add replicas to it.',
    '',
    '## Build the Pipeline',
    '',
    'Send the logs through it.',
    '',
    '## Tune the Scheduler',
    '',
    'The scheduler picks a node, and the scheduler retries. Our adaptive Scheduler is new.',
    '',
    '## What we learned',
    '',
    'It works.',
    '',
    '## How it scales',
    '',
    'Slowly.',
    '',
  ].join('\n')

  it('a word the post uses as a name is kept in prose and in headings; a slip is lowered in both (no rule lowers what another keeps)', () => {
    const result = linter.lint('blog/post.md', post)
    if (result.kind !== 'linted') throw new Error('not linted')
    const edits = caseEdits(result.findings)
    // Deployment is capitalised consistently: a name to every rule, so no rule lowers it anywhere.
    expect(edits.filter((e) => e.from === 'Deployment')).toEqual([])
    // Pipeline is capitalised once in the prose and once in a heading: each is the other's evidence, so both rules keep it.
    expect(edits.filter((e) => e.from === 'Pipeline')).toEqual([])
    // Scheduler is mostly lower case: a slip wherever it is capitalised, lowered by both rules.
    expect(edits.filter((e) => e.from === 'Scheduler').map((e) => e.rule).sort()).toEqual(['generic-capitals', 'heading-case'])
  })

  it('no word is lowered by one rule and capitalised by another, on the fixtures', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'posts')
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md'))
    expect(files.length).toBeGreaterThan(0)
    for (const file of [...files, 'post.md']) {
      const source = file === 'post.md' ? post : readFileSync(join(dir, file), 'utf8')
      const result = linter.lint(`blog/${file}`, source)
      if (result.kind !== 'linted') continue
      const edits = caseEdits(result.findings)
      const lowered = new Set(edits.filter((e) => e.to === e.to.toLowerCase()).map((e) => e.to))
      const raised = edits.filter((e) => e.to !== e.to.toLowerCase()).map((e) => e.to.toLowerCase())
      expect(raised.filter((w) => lowered.has(w)), file).toEqual([])
      // And a second lint of the fixed post makes no case edit at all.
      const fixed = fixedSource(source, result.findings)
      const again = linter.lint(`blog/${file}`, fixed)
      if (again.kind === 'linted') expect(caseEdits(again.findings).map((e) => `${e.rule}: ${e.from} -> ${e.to}`), file).toEqual([])
    }
  })
})

/** The post with every line fix of the case rules applied. */
function fixedSource(source: string, findings: readonly Finding[]): string {
  const lines = source.split('\n')
  const fixes = [...new Map(findings.filter((f) => f.fix && ['terms', 'generic-capitals', 'heading-case'].includes(f.ruleId)).map((f) => [f.fix?.startLine, f.fix])).values()]
  for (const fix of fixes.sort((a, b) => (b?.startLine ?? 0) - (a?.startLine ?? 0))) {
    if (!fix) continue
    lines.splice(fix.startLine - 1, fix.endLine - fix.startLine + 1, ...(fix.text === '' ? [] : fix.text.split('\n')))
  }
  return lines.join('\n')
}
