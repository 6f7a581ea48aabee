import { join } from 'node:path'
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import { isLevel, type ValeLevel } from './config.js'
import type { ParsedRuleFile, RuleFileCache } from './rule-file-cache.js'
import { diskFiles, type ValeFiles } from './vale-files.js'

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
export function loadStyles(stylesPath: string | undefined, wanted: readonly string[], options: { files?: ValeFiles; cache?: RuleFileCache } = {}): LoadedStyles {
  const files = options.files ?? diskFiles
  const rules = new Map<string, ValeRuleDef>()
  const problems: StyleProblem[] = []
  const styles = new Set<string>()
  if (stylesPath === undefined) return { rules, problems, styles }
  for (const style of wanted) {
    const dir = join(stylesPath, style)
    const names = files.list(dir)
    if (names === undefined) continue
    styles.add(style)
    for (const name of [...names].sort()) {
      if (!/\.ya?ml$/.test(name)) continue
      const file = join(dir, name)
      const text = files.read(file)
      if (text === undefined) continue
      const def = parseRuleFile(text, file, style, name.replace(/\.ya?ml$/, ''), problems, options.cache)
      if (def) rules.set(def.id, def)
    }
  }
  return { rules, problems, styles }
}

export function parseRuleFile(text: string, file: string, style: string, rule: string, problems: StyleProblem[], cache?: RuleFileCache): ValeRuleDef | undefined {
  let parsed = cache?.get(text)
  if (!parsed) {
    parsed = parseYaml(text, file, problems)
    if (!parsed) return undefined
    cache?.set(text, parsed)
  }
  return ruleDef(parsed, file, style, rule, problems)
}

function parseYaml(text: string, file: string, problems: StyleProblem[]): ParsedRuleFile | undefined {
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
    if (lenient !== text) return parseYaml(lenient, file, problems)
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
  const lines: Record<string, number> = {}
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) lines[String(pair.key.value)] = counter.linePos(pair.key.range[0]).line
    }
  }
  return { fields: fields as Record<string, unknown>, lines }
}

function ruleDef({ fields: record, lines }: ParsedRuleFile, file: string, style: string, rule: string, problems: StyleProblem[]): ValeRuleDef | undefined {
  const kind = record['extends']
  if (typeof kind !== 'string') {
    problems.push({ file, line: 1, message: "missing 'extends' (the rule kind)" })
    return undefined
  }
  const level = record['level'] ?? 'suggestion'
  if (!isLevel(level)) {
    problems.push({ file, line: (Object.hasOwn(lines, 'level') ? lines['level'] : undefined) ?? 1, message: `'${String(level)}' is not a level (suggestion, warning or error)` })
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
    lineOf: (key) => (Object.hasOwn(lines, key) ? (lines[key] as number) : 1),
  }
}
