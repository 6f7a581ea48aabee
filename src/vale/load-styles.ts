import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import { isLevel, type ValeLevel } from './config.js'

/** A rule file as written, with the line of each top-level key for messages. */
export interface ValeRuleDef {
  /** `Style.Rule`. */
  readonly id: string
  readonly style: string
  readonly file: string
  readonly extends: string
  readonly level: ValeLevel
  readonly message: string
  readonly link?: string
  readonly fields: Readonly<Record<string, unknown>>
  lineOf(key: string): number
}

export interface StyleProblem {
  readonly file: string
  readonly line: number
  readonly message: string
}

export interface LoadedStyles {
  readonly rules: ReadonlyMap<string, ValeRuleDef>
  readonly problems: StyleProblem[]
  /** Styles found on disk, by name. */
  readonly styles: ReadonlySet<string>
}

/** Every style folder under StylesPath (folders holding .yml files; `config` and `Vocab` are not styles). */
export function loadStyles(stylesPath: string | undefined, wanted: readonly string[]): LoadedStyles {
  const rules = new Map<string, ValeRuleDef>()
  const problems: StyleProblem[] = []
  const styles = new Set<string>()
  if (stylesPath === undefined || !existsSync(stylesPath)) return { rules, problems, styles }
  for (const style of wanted) {
    const dir = join(stylesPath, style)
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue
    styles.add(style)
    for (const name of readdirSync(dir).sort()) {
      if (!/\.ya?ml$/.test(name)) continue
      const file = join(dir, name)
      const def = readRuleFile(file, style, name.replace(/\.ya?ml$/, ''), problems)
      if (def) rules.set(def.id, def)
    }
  }
  return { rules, problems, styles }
}

export function readRuleFile(file: string, style: string, rule: string, problems: StyleProblem[]): ValeRuleDef | undefined {
  const text = readFileSync(file, 'utf8')
  return parseRuleFile(text, file, style, rule, problems)
}

export function parseRuleFile(text: string, file: string, style: string, rule: string, problems: StyleProblem[]): ValeRuleDef | undefined {
  const counter = new LineCounter()
  let doc: Document
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false })
  } catch (error) {
    problems.push({ file, line: 1, message: (error as Error).message })
    return undefined
  }
  if (doc.errors.length > 0 && /\\'/.test(text)) {
    // Go's YAML reader takes \' in a double-quoted string as a quote; many styles rely on it.
    const lenient = text.replace(/"(?:[^"\\\n]|\\.)*"/g, (q) => q.replace(/\\'/g, "'"))
    if (lenient !== text) return parseRuleFile(lenient, file, style, rule, problems)
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0]
    problems.push({ file, line: first?.linePos?.[0]?.line ?? 1, message: `not valid YAML: ${first?.message.split('\n')[0] ?? ''}` })
    return undefined
  }
  const fields = doc.toJS() as unknown
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    problems.push({ file, line: 1, message: 'a rule file must be a YAML mapping' })
    return undefined
  }
  const lines = new Map<string, number>()
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) lines.set(String(pair.key.value), counter.linePos(pair.key.range[0]).line)
    }
  }
  const record = fields as Record<string, unknown>
  const kind = record['extends']
  if (typeof kind !== 'string') {
    problems.push({ file, line: 1, message: "missing 'extends' (the rule kind)" })
    return undefined
  }
  const level = record['level'] ?? 'suggestion'
  if (!isLevel(level)) {
    problems.push({ file, line: lines.get('level') ?? 1, message: `'${String(level)}' is not a level (suggestion, warning or error)` })
    return undefined
  }
  const message = record['message']
  return {
    id: `${style}.${rule}`,
    style,
    file,
    extends: kind,
    level,
    message: typeof message === 'string' ? message : '',
    ...(typeof record['link'] === 'string' ? { link: record['link'] } : {}),
    fields: record,
    lineOf: (key) => lines.get(key) ?? 1,
  }
}
