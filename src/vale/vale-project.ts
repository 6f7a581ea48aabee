import { join, relative, resolve } from 'node:path'
import type { CompiledRule } from '../rules/compile-rules.js'
import type { Dictionary } from '../spelling/dictionary.js'
import { dictionaryCache } from './dictionaries.js'
import { LEVEL_RANK, loadValeConfig, settingsFor, type FileSettings, type ValeConfig, type ValeLevel } from './config.js'
import { IniError } from './ini.js'
import { builtinRules, type Vocab } from './builtin.js'
import { compileCheck } from './kinds/index.js'
import { ValeRuleError, type CheckEnv, type ValeCheck } from './kinds/common.js'
import { loadStyles, type StyleProblem, type ValeRuleDef } from './load-styles.js'
import type { RuleFileCache } from './rule-file-cache.js'
import type { RegexCache } from './regex-cache.js'
import { withRegexCache } from './regex.js'
import { diskFiles, type ValeFiles } from './vale-files.js'
import { valeEngineRules } from './run-vale.js'

/** A Vale configuration with its styles read from disk, ready to give each file its checks. */
export interface ValeProject {
  readonly config: ValeConfig
  /** Problems found loading: named file and line; the other rules still run. */
  readonly problems: readonly StyleProblem[]
  checksFor(path: string): readonly ValeCheck[]
  /** The engine's rule objects for a file (cached per combination of sections). */
  rulesFor(path: string): readonly CompiledRule[]
}

export class ValeConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(message)
  }
}

export interface ValeSources {
  /** Where the configuration and styles are read: the disk unless given. */
  readonly files?: ValeFiles
  /** Parsed rule files kept between runs (the CLI's). */
  readonly cache?: RuleFileCache
  /** Pattern translations and their safety verdicts kept between runs (the CLI's). */
  readonly regexCache?: RegexCache
  /** The English dictionary the entry point opened (Vale.Spelling and `extends: spelling` rules). */
  readonly dictionary: Dictionary
}

export function loadValeProject(configFile: string, sources: ValeSources): ValeProject {
  let config: ValeConfig
  try {
    config = loadValeConfig(configFile, sources.files ? { files: sources.files } : {})
  } catch (error) {
    if (error instanceof IniError) throw new ValeConfigError(error.file, error.line, error.message.slice(`${error.file}:${error.line}: `.length))
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ValeConfigError(configFile, undefined, 'Vale configuration not found')
    throw error
  }
  return projectFromConfig(config, sources)
}

export function projectFromConfig(config: ValeConfig, sources: ValeSources): ValeProject {
  const files = sources.files ?? diskFiles
  const problems: StyleProblem[] = []
  const named = new Set<string>()
  for (const s of config.sections) {
    for (const style of s.basedOnStyles ?? []) named.add(style)
    for (const key of s.switches.keys()) named.add(key.split('.')[0] as string)
  }
  const loaded = loadStyles(config.stylesPath, [...named].filter((s) => s !== 'Vale'), { files, ...(sources.cache ? { cache: sources.cache } : {}) })
  sources.cache?.save()
  problems.push(...loaded.problems)
  for (const style of named) {
    if (style !== 'Vale' && !loaded.styles.has(style)) {
      const fromPackage = config.packages.some((p) => packageName(p) === style)
      problems.push({
        file: config.file,
        line: 1,
        message: fromPackage
          ? `style '${style}' comes from Packages but is not on disk under StylesPath; run \`vale sync\` and commit it (Bluepencil does not download at review time)`
          : `style '${style}' not found under StylesPath (${config.stylesPath ?? 'no StylesPath set'})`,
      })
    }
  }
  for (const pkg of config.packages) {
    const name = packageName(pkg)
    if (!named.has(name) && !loaded.styles.has(name)) problems.push({ file: config.file, line: 1, message: `package '${name}' is not on disk under StylesPath; run \`vale sync\` and commit it` })
  }
  const vocab = readVocab(config, files)
  const rules = new Map<string, ValeRuleDef>([...builtinRules(vocab), ...loaded.rules])
  const env: CheckEnv = {
    accept: vocab.accept,
    reject: vocab.reject,
    ...(config.wordTemplate === undefined ? {} : { wordTemplate: config.wordTemplate }),
    spelling: sources.dictionary.checker,
    dictionary: dictionaryCache(),
    files,
    ...(config.stylesPath === undefined ? {} : { stylesPath: config.stylesPath }),
  }
  const compiled = new Map<string, ValeCheck | null>()
  const compile = (def: ValeRuleDef, level: ValeLevel): ValeCheck | undefined => {
    const key = `${def.id}\0${level}`
    if (compiled.has(key)) return compiled.get(key) ?? undefined
    let check: ValeCheck | undefined
    try {
      check = withRegexCache(sources.regexCache, () => compileCheck(level === def.level ? def : { ...def, level }, env))
    } catch (error) {
      if (!(error instanceof ValeRuleError)) throw error
      problems.push({ file: error.file, line: error.line, message: `${def.id}: ${error.message.slice(error.file.length + String(error.line).length + 3)}` })
    }
    compiled.set(key, check ?? null)
    return check
  }
  const bySettings = new Map<string, { checks: ValeCheck[]; rules: CompiledRule[] }>()
  const forPath = (path: string): { checks: ValeCheck[]; rules: CompiledRule[] } => {
    const rel = relative(config.root, resolve(path)).replace(/\\/g, '/')
    const settings = settingsFor(config, rel)
    const key = JSON.stringify([settings.styles, [...settings.switches], settings.blockIgnores, settings.tokenIgnores])
    let entry = bySettings.get(key)
    if (!entry) {
      const checks = enabledRules(rules, settings, config.minAlertLevel).flatMap(([def, level]) => compile(def, level) ?? [])
      entry = { checks, rules: valeEngineRules(checks, { ...settings, skippedScopes: config.skippedScopes, ignoredScopes: config.ignoredScopes, ignoredClasses: config.ignoredClasses }) }
      bySettings.set(key, entry)
      sources.regexCache?.save()
    }
    return entry
  }
  return {
    config,
    problems,
    checksFor: (path) => forPath(path).checks,
    rulesFor: (path) => forPath(path).rules,
  }
}

/** Rules of BasedOnStyles, then `Style.Rule` / `Style` switches; levels below MinAlertLevel drop out. */
function enabledRules(rules: ReadonlyMap<string, ValeRuleDef>, settings: FileSettings, min: ValeLevel): [ValeRuleDef, ValeLevel][] {
  const out: [ValeRuleDef, ValeLevel][] = []
  for (const def of rules.values()) {
    let on = settings.styles.includes(def.style)
    let level = def.level
    const styleSwitch = settings.switches.get(def.style)
    if (styleSwitch !== undefined) on = styleSwitch !== false
    const own = settings.switches.get(def.id)
    if (own !== undefined) {
      on = own !== false
      if (typeof own === 'string') level = own
    }
    if (on && LEVEL_RANK[level] >= LEVEL_RANK[min]) out.push([def, level])
  }
  return out
}

function packageName(pkg: string): string {
  const base = pkg.replace(/\/+$/, '').split('/').pop() ?? pkg
  return base.replace(/\.zip$/, '')
}

/** accept.txt / reject.txt of each Vocab, where Vale 3 keeps them (config/vocabularies) or Vale 2 did (Vocab). */
function readVocab(config: ValeConfig, files: ValeFiles): Vocab {
  const accept: string[] = []
  const reject: string[] = []
  if (config.stylesPath === undefined) return { accept, reject }
  for (const name of config.vocab) {
    for (const dir of [join(config.stylesPath, 'config', 'vocabularies', name), join(config.stylesPath, 'Vocab', name)]) {
      for (const [file, list] of [['accept.txt', accept], ['reject.txt', reject]] as const) {
        const text = files.read(join(dir, file))
        if (text !== undefined) list.push(...readList(text))
      }
    }
  }
  return { accept, reject }
}

function readList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
}
