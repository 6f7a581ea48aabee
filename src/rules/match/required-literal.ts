import { RegExpParser, type AST } from '@eslint-community/regexpp'

const parser = new RegExpParser({ ecmaVersion: 2025 })

/**
 * The longest literal text every match of a regex must contain ("()" in
 * `[a-z_][\w.]*\(\)`, " the following " in a longer pattern), or undefined. Testing it
 * with `includes` first lets a rule skip most prose without running a pattern that a
 * leading class or lookbehind makes slow to scan. Lower case when `ignoreCase`.
 */
export function requiredLiteral(pattern: string, ignoreCase = false): string | undefined {
  const literal = findRequiredLiteral(pattern)
  return literal !== undefined && ignoreCase ? literal.toLowerCase() : literal
}

function findRequiredLiteral(pattern: string): string | undefined {
  let ast: AST.Pattern
  try {
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: true })
  } catch {
    return undefined
  }
  const literals = commonTo(ast.alternatives.map((a) => literalsOf(a.elements)))
  const best = [...literals].sort((a, b) => b.length - a.length)[0]
  return best === undefined || best.length < 2 ? undefined : best
}

/** Literal runs a sequence of elements must contain. */
function literalsOf(elements: readonly AST.Element[]): Set<string> {
  const found = new Set<string>()
  let run = ''
  const flush = (): void => {
    if (run !== '') found.add(run)
    run = ''
  }
  const visit = (element: AST.Element): void => {
    switch (element.type) {
      case 'Character':
        run += String.fromCodePoint(element.value)
        return
      case 'Group':
      case 'CapturingGroup':
        if (element.alternatives.length === 1) {
          // A plain group does not break the run: "(?:ab)c" holds "abc".
          for (const inner of (element.alternatives[0] as AST.Alternative).elements) visit(inner)
          return
        }
        flush()
        for (const literal of commonTo(element.alternatives.map((a) => literalsOf(a.elements)))) found.add(literal)
        return
      case 'Quantifier':
        flush()
        if (element.min >= 1) for (const literal of literalsOf([element.element])) found.add(literal)
        return
      case 'Assertion':
        if (element.kind === 'lookahead' || element.kind === 'lookbehind') {
          flush()
          if (!element.negate) for (const literal of commonTo(element.alternatives.map((a) => literalsOf(a.elements)))) found.add(literal)
        }
        // ^ $ \b \B take no characters: the run goes on.
        return
      default:
        // Classes, sets (\d, \p{L}, .) and backreferences: no fixed text.
        flush()
    }
  }
  for (const element of elements) visit(element)
  flush()
  return found
}

/** Literals found in every alternative (an alternation requires only what all share). */
function commonTo(sets: readonly Set<string>[]): Set<string> {
  const [first, ...rest] = sets
  if (!first) return new Set()
  return new Set([...first].filter((literal) => rest.every((s) => s.has(literal))))
}
