import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintWithVale, valeLine } from '../../src/lint/lint-vale.js'
import { loadValeProject } from '../../src/vale/vale-project.js'
import { dictionary } from '../support/lint-assets.js'
import { writeValeProject } from './write-project.js'

// One Vale feature per folder (see fixtures/vale/pinned/README.md): what Vale prints for it, line for line.
const root = join(import.meta.dirname, '..', '..', 'fixtures', 'vale', 'pinned')
const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'styles').map((d) => d.name)

describe('Vale features that widely used styles rely on, pinned', () => {
  it('has the cases', () => {
    expect(cases).toEqual(['AcronymOrder', 'Capitalization', 'ConsistencyBlocks', 'GuessedLocation', 'HtmlScopes', 'Messages', 'MetricFunction', 'SpellingFilters', 'TableScopes'])
  })

  it.each(cases)('%s: the alerts Vale prints', (name) => {
    const dir = join(root, name)
    const project = loadValeProject(join(dir, '.vale.ini'), { dictionary })
    const source = readFileSync(join(dir, 'test.md'), 'utf8')
    const got = lintWithVale(project, join(dir, 'test.md'), source).map((f) => valeLine(f, source, 'test.md'))
    expect(project.problems).toEqual([])
    expect(got.sort()).toEqual(readFileSync(join(dir, 'expected.txt'), 'utf8').trim().split('\n').sort())
  })

  it('a formula calling a function Vale has not is refused with file and line; the other rules run', () => {
    const project = writeValeProject({
      '.vale.ini': 'StylesPath = styles\n[*.md]\nBasedOnStyles = T\n',
      'styles/T/Log.yml': 'extends: metric\nmessage: "%s"\nformula: math.log(words)\ncondition: "> 1"\n',
      'styles/T/Todo.yml': "extends: existence\nmessage: \"'%s' left\"\ntokens:\n  - TODO\n",
    })
    expect(project.lint('A TODO here.\n')).toEqual(["post.md:1:3:T.Todo:'TODO' left"])
    expect(project.problems).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining("unknown function 'math.log' (known: math.sqrt)") as string }),
    ])
  })
})
