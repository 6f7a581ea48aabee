import { requiredLiteral } from './required-literal.js'

/** What a rule set's patterns were found to be, in a form the build's rule cache stores. */
export interface PatternFactsData {
  readonly safe: readonly string[]
  readonly literals: readonly (readonly [string, string | null])[]
}

/**
 * What compiling rules learns about their regexes: which were found safe from
 * catastrophic backtracking, and the literal text each one's matches must contain.
 * Working either out means parsing the pattern, so it is done once per pattern. One
 * value belongs to whoever compiles a rule set: the bundled rules bring theirs from the
 * build's cache, and a repository's rules add theirs to a child, so the bundled facts
 * do not grow with every repository served.
 */
export class PatternFacts {
  private readonly safe: Set<string>
  private readonly literals: Map<string, string | null>

  constructor(known?: PatternFactsData, private readonly parent?: PatternFacts) {
    this.safe = new Set(known?.safe ?? [])
    this.literals = new Map(known?.literals ?? [])
  }

  /** Whether a pattern is safe, by `check` the first time it is asked. */
  isSafe(pattern: string, check: (pattern: string) => boolean): boolean {
    if (this.knowsSafe(pattern)) return true
    if (!check(pattern)) return false
    this.safe.add(pattern)
    return true
  }

  /** requiredLiteral(pattern), worked out once per pattern. */
  requiredLiteral(pattern: string, ignoreCase = false): string | undefined {
    let literal = this.knownLiteral(pattern)
    if (literal === undefined) {
      literal = requiredLiteral(pattern) ?? null
      this.literals.set(pattern, literal)
    }
    return literal === null ? undefined : ignoreCase ? literal.toLowerCase() : literal
  }

  /** A child that reads these facts and keeps what it learns to itself. */
  child(): PatternFacts {
    return new PatternFacts(undefined, this)
  }

  toData(): PatternFactsData {
    return { safe: [...this.safe], literals: [...this.literals] }
  }

  private knowsSafe(pattern: string): boolean {
    return this.safe.has(pattern) || (this.parent?.knowsSafe(pattern) ?? false)
  }

  private knownLiteral(pattern: string): string | null | undefined {
    return this.literals.get(pattern) ?? this.parent?.knownLiteral(pattern)
  }
}
