import { rmSync } from 'node:fs'
import { loadCachedCommonJs } from '../core/cached-script.js'
import { refaBundle } from './regex-safety.js'

// Run by `npm run build` after esbuild bundles refa: checks one repeated group the way
// backtrackingProblem does, so the code cache holds the parser and the automata as well as
// the bundle's top level, then stores it.
const bundle = refaBundle()
rmSync(`${bundle}.cache`, { force: true })
const loaded = loadCachedCommonJs<typeof import('refa')>(bundle)
const { JS, NFA, isDisjointWith } = loaded.exports
const { expression, maxCharacter } = JS.Parser.fromLiteral(/(?:a|ab)+c/u).parse({ assertions: 'ignore', backreferences: 'disable', simplify: false })
const nfa = NFA.fromRegex(expression, { maxCharacter }, { assertions: 'ignore' }, new NFA.LimitedNodeFactory(10000))
isDisjointWith(nfa, nfa.copy(new NFA.LimitedNodeFactory(10000)), 10000)
loaded.saveCodeCache()
