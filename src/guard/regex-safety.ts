import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { JS, NFA } from 'refa'
import { loadCachedCommonJs } from '../core/cached-script.js'
import { packageRoot } from '../core/package-root.js'

/** The build's bundle of refa, run with its V8 code cache (`npm run build` writes both). */
export function refaBundle(): string {
  return join(packageRoot(), 'dist', 'bundle', 'refa.cjs')
}

// refa is a megabyte of JavaScript: loading it with the CLI cost a one-post lint ~15 ms,
// and most runs never build an automaton (the bundled rules come verified from the rule
// cache, a Vale style has few repeated groups). It is loaded on the first pattern that
// needs it, from its own bundle with a code cache: required from node_modules, compiling
// it cost a one-post `lint --vale` ~50 ms.
let refa: typeof import('refa') | undefined

/** This module's file, so caches of its verdicts can tell which code gave them (regexEngineId). */
export const REGEX_SAFETY_MODULE = import.meta.url
function loadRefa(): typeof import('refa') {
  if (!refa) {
    const bundle = refaBundle()
    refa = existsSync(bundle) ? loadCachedCommonJs<typeof import('refa')>(bundle).exports : (createRequire(import.meta.url)('refa') as typeof import('refa'))
  }
  return refa
}

/**
 * The one check every regular expression passes before it runs on a post, ours or a
 * repository's (rule files, Vale styles): V8 backtracks, so a pattern that can match one
 * text in exponentially many ways hangs on a short line. Such a pattern has a repeat
 * whose body matches some text in two ways, which shows in its languages (automata from
 * refa, built on regexpp's syntax tree), not in its star height as safe-regex2 measures:
 *
 * - two alternatives of a group inside the repeat match the same text: `(a|a)+`, `(\w|\d)+`;
 * - one round of the repeat matches what several rounds match: `(a+)+`, `(\w+\s?)+`, `(a|aa)+`.
 *
 * Lookarounds count as matching nothing extra (they only narrow a match), so the check
 * errs towards refusing. A repeat of more than LOOP_BOUND rounds counts as unbounded.
 */
export function backtrackingProblem(source: string, flags = 'u'): string | undefined {
  let ast: JS.RegexppAst
  try {
    ast = { pattern: PARSER.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') }), flags: PARSER.parseFlags(flags) }
  } catch (error) {
    return `cannot be parsed: ${(error as Error).message}`
  }
  const { JS, TooManyNodesError } = loadRefa()
  const parser = JS.Parser.fromAst(ast)
  const loops: AST.Quantifier[] = []
  // A repeated single character (`\w+`, `[^,]*`) matches a text in one way: only repeated groups need the automata.
  visitRegExpAST(ast.pattern, { onQuantifierEnter: (q) => void (q.max > LOOP_BOUND && !SINGLE_CHARACTER.has(q.element.type) && loops.push(q)) })
  try {
    for (const loop of loops) {
      const problem = ambiguousRepeat(parser, loop)
      if (problem) return problem
    }
  } catch (error) {
    if (error instanceof TooManyNodesError) return 'too large to check for catastrophic backtracking'
    throw error
  }
  return undefined
}

const PARSER = new RegExpParser({ ecmaVersion: 2025 })
const LOOP_BOUND = 10
const SINGLE_CHARACTER = new Set(['Character', 'CharacterClass', 'CharacterSet', 'ExpressionCharacterClass'])
const MAX_NODES = 20_000

function ambiguousRepeat(parser: JS.Parser, loop: AST.Quantifier): string | undefined {
  const body = loop.element
  for (const group of alternations(body)) {
    const overlap = overlappingAlternatives(parser, group)
    if (overlap) return `in the repeat \`${loop.raw}\`, the alternatives \`${overlap[0].raw}\` and \`${overlap[1].raw}\` of \`${group.raw}\` match the same text`
  }
  // One round against two or more rounds; rounds that match nothing do not count (V8 stops a repeat on an empty round).
  const once = language(parser, body)
  const several = once.copy(factory())
  several.quantify(2, Infinity, factory())
  if (!loadRefa().isDisjointWith(once, several, MAX_NODES)) return `in the repeat \`${loop.raw}\`, one round of \`${body.raw}\` can match what several rounds match`
  return undefined
}

/** The groups inside a repeat's body (the body itself included) that have alternatives. */
function alternations(body: AST.QuantifiableElement): (AST.Group | AST.CapturingGroup | AST.LookaroundAssertion)[] {
  const found: (AST.Group | AST.CapturingGroup | AST.LookaroundAssertion)[] = []
  const collect = (node: AST.Group | AST.CapturingGroup | AST.LookaroundAssertion): void => void (node.alternatives.length > 1 && found.push(node))
  visitRegExpAST(body as unknown as AST.Pattern, { onGroupEnter: collect, onCapturingGroupEnter: collect, onAssertionEnter: (a) => void ((a.kind === 'lookahead' || a.kind === 'lookbehind') && collect(a)) })
  return found
}

/** Two alternatives of a group that share a non-empty match, if any: each is compared with the union of those after it. */
function overlappingAlternatives(parser: JS.Parser, group: AST.Group | AST.CapturingGroup | AST.LookaroundAssertion): [AST.Alternative, AST.Alternative] | undefined {
  const langs = group.alternatives.map((a) => language(parser, a))
  for (let i = 0; i < langs.length - 1; i++) {
    const rest = (langs[i + 1] as NFA).copy(factory())
    for (let j = i + 2; j < langs.length; j++) rest.union(langs[j] as NFA, factory())
    if (loadRefa().isDisjointWith(langs[i] as NFA, rest, MAX_NODES)) continue
    const other = langs.findIndex((l, j) => j > i && !loadRefa().isDisjointWith(langs[i] as NFA, l, MAX_NODES))
    return [group.alternatives[i] as AST.Alternative, group.alternatives[other] as AST.Alternative]
  }
  return undefined
}

/** The non-empty texts an element matches, as an automaton (lookarounds ignored, backreferences match nothing). */
function language(parser: JS.Parser, element: AST.QuantifiableElement | AST.Alternative): NFA {
  const { expression, maxCharacter } = parser.parseElement(element as JS.ParsableElement, { assertions: 'ignore', backreferences: 'disable', simplify: false })
  const nfa = loadRefa().NFA.fromRegex(expression, { maxCharacter }, { assertions: 'ignore' }, factory())
  nfa.withoutEmptyWord()
  return nfa
}

function factory(): NFA.LimitedNodeFactory {
  return new (loadRefa().NFA.LimitedNodeFactory)(MAX_NODES)
}
