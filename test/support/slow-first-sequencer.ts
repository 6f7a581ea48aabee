import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The property tests and the end-to-end tests (real processes) take the most time: they
 * start first, so that no worker is left with one of them while the other has nothing to
 * do. Vitest orders by the last run's durations, which a fresh clone (CI) does not have
 * (it then orders by file size, and the 77-line property test started last).
 */
const SLOW = [/\.property\.test\.ts$/, /\.e2e\.test\.ts$/]

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (spec: TestSpecification): number => {
      const at = SLOW.findIndex((pattern) => pattern.test(spec.moduleId))
      return at === -1 ? SLOW.length : at
    }
    return sorted.map((spec, i) => ({ spec, i })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i).map(({ spec }) => spec)
  }
}
