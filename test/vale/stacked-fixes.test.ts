import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintWithVale } from '../../src/lint/lint-vale.js'
import { loadValeProject } from '../../src/vale/vale-project.js'
import { dictionary } from '../support/lint-assets.js'

/** A style of two rules whose fixes feed each other, the way Google.Latin and Google.Contractions do. */
function project(vocab: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'bp-vale-stacked-'))
  mkdirSync(join(dir, 'styles', 'House'), { recursive: true })
  mkdirSync(join(dir, 'styles', 'config', 'vocabularies', 'Team'), { recursive: true })
  writeFileSync(join(dir, 'styles', 'House', 'Latin.yml'), "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\nnonword: true\naction:\n  name: replace\nswap:\n  '\\bi\\.e\\.': that is\n")
  writeFileSync(join(dir, 'styles', 'House', 'Contractions.yml'), "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\naction:\n  name: replace\nswap:\n  that is: that's\n")
  writeFileSync(join(dir, 'styles', 'House', 'Place.yml'), "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens:\n  - place\n")
  writeFileSync(join(dir, 'styles', 'config', 'vocabularies', 'Team', 'accept.txt'), vocab.join('\n'))
  writeFileSync(join(dir, '.vale.ini'), 'StylesPath = styles\nVocab = Team\n\n[*.md]\nBasedOnStyles = House\n')
  return { dir, project: loadValeProject(join(dir, '.vale.ini'), { dictionary }) }
}

describe('Vale fixes that feed each other', () => {
  it('drops a fix after which a fixed alert would come back (i.e. -> that is -> that\'s), keeping the other', () => {
    const { dir, project: p } = project()
    const source = 'State, i.e. state that is replicated.\n'
    const findings = lintWithVale(p, join(dir, 'post.md'), source)
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['House.Contractions', 'House.Latin'])
    const fixes = new Set(findings.flatMap((f) => (f.fix ? [f.fix.text] : [])))
    expect([...fixes]).toEqual(["State, i.e. state that's replicated."])
  })

  it('an accepted phrase exempts its words, which are still flagged alone', () => {
    const { dir, project: p } = project(['flooberg place'])
    const source = 'A flooberg place appeared.\n\nJust a place.\n'
    expect(lintWithVale(p, join(dir, 'post.md'), source).map((f) => `${f.span.start.line}:${f.ruleId}`)).toEqual(['3:House.Place'])
  })
})
