import { dirname, isAbsolute, join, resolve } from 'node:path'
import picomatch from 'picomatch'
import { IniError, parseIni, splitList, type IniSection } from './ini.js'
import { diskFiles, type ValeFiles } from './vale-files.js'

export type ValeLevel = 'suggestion' | 'warning' | 'error'
export const LEVEL_RANK: Record<ValeLevel, number> = { suggestion: 0, warning: 1, error: 2 }

/** Names Vale looks for, in its order. */
export const CONFIG_NAMES = ['.vale', '_vale', '.vale.ini', '_vale.ini'] as const

/** What a glob section says. */
export interface ValeSection {
  readonly glob: string
  readonly line: number
  readonly match: (path: string) => boolean
  readonly basedOnStyles?: readonly string[]
  /** `Style.Rule` or `Style` -> true (YES), false (NO) or a level. */
  readonly switches: ReadonlyMap<string, boolean | ValeLevel>
  readonly blockIgnores: readonly string[]
  readonly tokenIgnores: readonly string[]
}

export interface ValeConfig {
  readonly file: string
  /** Folder of the config: relative paths in it and file globs start here. */
  readonly root: string
  readonly stylesPath?: string
  readonly minAlertLevel: ValeLevel
  readonly vocab: readonly string[]
  readonly packages: readonly string[]
  readonly sections: readonly ValeSection[]
  /** `[formats]`: extension -> format it is read as (`mdx = md`). */
  readonly formats: ReadonlyMap<string, string>
  readonly skippedScopes: readonly string[]
  readonly ignoredScopes: readonly string[]
  /** HTML `class` values whose elements are not linted. */
  readonly ignoredClasses: readonly string[]
  readonly wordTemplate?: string
}

/** The settings for one file: the union of every section whose glob matches it, in order. */
export interface FileSettings {
  readonly styles: readonly string[]
  readonly switches: ReadonlyMap<string, boolean | ValeLevel>
  readonly blockIgnores: readonly string[]
  readonly tokenIgnores: readonly string[]
}

/** Finds the config Vale would use for a file: its folder, then each parent, up to `stop`. */
export function findValeConfig(fromDir: string, stop?: string, files: ValeFiles = diskFiles): string | undefined {
  let dir = resolve(fromDir)
  const end = stop === undefined ? undefined : resolve(stop)
  for (;;) {
    const names = files.list(dir)
    for (const name of CONFIG_NAMES) {
      if (names?.includes(name)) return join(dir, name)
    }
    const parent = dirname(dir)
    if (parent === dir || dir === end) return undefined
    dir = parent
  }
}

export function loadValeConfig(file: string, options: { readonly root?: string; readonly files?: ValeFiles } = {}): ValeConfig {
  const text = (options.files ?? diskFiles).read(file)
  if (text === undefined) throw Object.assign(new Error(`${file}: not found`), { code: 'ENOENT' })
  return parseValeConfig(text, file, options.root ?? dirname(resolve(file)))
}

export function parseValeConfig(text: string, file: string, root: string): ValeConfig {
  const ini = parseIni(text, file)
  const global = ini[0] as IniSection
  let stylesPath: string | undefined
  let minAlertLevel: ValeLevel = 'suggestion'
  const vocab: string[] = []
  const packages: string[] = []
  const skippedScopes: string[] = []
  const ignoredScopes: string[] = []
  const ignoredClasses: string[] = []
  let wordTemplate: string | undefined
  const sections: ValeSection[] = []
  const formats = new Map<string, string>()
  const globalSection = readSection('*', 0, [], file)
  for (const entry of global.entries) {
    switch (entry.key) {
      case 'StylesPath':
        stylesPath = isAbsolute(entry.value) ? entry.value : resolve(root, entry.value)
        break
      case 'MinAlertLevel':
        minAlertLevel = level(entry.value, file, entry.line)
        break
      case 'Vocab':
        vocab.push(...splitList(entry.value))
        break
      case 'Packages':
        packages.push(...splitList(entry.value))
        break
      case 'SkippedScopes':
        skippedScopes.push(...splitList(entry.value))
        break
      case 'IgnoredScopes':
        ignoredScopes.push(...splitList(entry.value))
        break
      case 'IgnoredClasses':
        ignoredClasses.push(...splitList(entry.value))
        break
      case 'SphinxBuildPath':
      case 'SphinxAutoBuild':
      case 'NLPEndpoint':
        break
      case 'WordTemplate':
        wordTemplate = entry.value
        break
      default:
        globalSection.pending.push(entry)
    }
  }
  if (globalSection.pending.length > 0) sections.push(finishSection(globalSection, file))
  for (const section of ini.slice(1)) {
    if (section.name === 'formats') {
      for (const e of section.entries) formats.set(e.key, e.value)
      continue
    }
    if (section.name === 'transforms' || section.name === 'adoc' || section.name === 'asciidoctor') continue
    sections.push(finishSection(readSection(section.name, section.line, section.entries, file), file))
  }
  return {
    file,
    root,
    ...(stylesPath === undefined ? {} : { stylesPath }),
    minAlertLevel,
    vocab,
    packages,
    sections,
    formats,
    skippedScopes,
    ignoredScopes,
    ignoredClasses,
    ...(wordTemplate === undefined ? {} : { wordTemplate }),
  }
}

interface PendingSection {
  readonly glob: string
  readonly line: number
  readonly pending: { key: string; value: string; line: number }[]
}

function readSection(glob: string, line: number, entries: readonly { key: string; value: string; line: number }[], file: string): PendingSection {
  void file
  return { glob, line, pending: [...entries] }
}

const IGNORED_KEYS = new Set(['Transform', 'Lang', 'CommentDelimiters', 'Parser'])

function finishSection(section: PendingSection, file: string): ValeSection {
  let basedOnStyles: string[] | undefined
  const switches = new Map<string, boolean | ValeLevel>()
  const blockIgnores: string[] = []
  const tokenIgnores: string[] = []
  for (const e of section.pending) {
    if (e.key === 'BasedOnStyles') basedOnStyles = [...(basedOnStyles ?? []), ...splitList(e.value)]
    else if (e.key === 'BlockIgnores' || e.key === 'IgnorePatterns') blockIgnores.push(...splitList(e.value))
    else if (e.key === 'TokenIgnores') tokenIgnores.push(...splitList(e.value))
    else if (IGNORED_KEYS.has(e.key)) continue
    else if (/^[\w-]+(\.[\w-]+)?$/.test(e.key)) switches.set(e.key, switchValue(e.value, file, e.line))
    else throw new IniError(file, e.line, `unknown key '${e.key}'`)
  }
  return {
    glob: section.glob,
    line: section.line,
    match: globMatcher(section.glob),
    ...(basedOnStyles === undefined ? {} : { basedOnStyles }),
    switches,
    blockIgnores,
    tokenIgnores,
  }
}

/** Vale's section globs: `*` crosses folders, `{a,b}` alternates; a glob without `/` also tries the base name. */
function globMatcher(written: string): (path: string) => boolean {
  const options = { dot: true, bash: true }
  // A brace of one alternative (`*.{md}`) is that alternative for Vale's glob library; picomatch would take it literally.
  const glob = written.replace(/\{([^{},]*)\}/g, '$1')
  const full = picomatch(glob, options)
  const loose = picomatch(glob.replace(/(?<!\*)\*(?!\*)/g, '**'), options)
  return (path) => {
    const p = path.replace(/\\/g, '/')
    const base = p.slice(p.lastIndexOf('/') + 1)
    // A file outside the config's folder (../post.md) is matched on its name, as Vale's globs see an absolute path.
    const inside = p.startsWith('../') ? p.replace(/^(\.\.\/)+/, '') : p
    return full(inside) || loose(inside) || (!glob.includes('/') && full(base))
  }
}

function switchValue(value: string, file: string, line: number): boolean | ValeLevel {
  const v = value.trim()
  if (/^(yes|true|on)$/i.test(v)) return true
  if (/^(no|false|off)$/i.test(v)) return false
  return level(v, file, line)
}

function level(value: string, file: string, line: number): ValeLevel {
  const v = value.trim().toLowerCase()
  if (v === 'suggestion' || v === 'warning' || v === 'error') return v
  throw new IniError(file, line, `'${value}' is not a level (suggestion, warning or error)`)
}

/** The sections matching a path (relative to the config's folder), merged in file order. */
export function settingsFor(config: ValeConfig, relativePath: string): FileSettings {
  const styles: string[] = []
  const switches = new Map<string, boolean | ValeLevel>()
  const blockIgnores: string[] = []
  const tokenIgnores: string[] = []
  const ext = relativePath.slice(relativePath.lastIndexOf('.') + 1)
  const alias = config.formats.get(ext)
  const candidates = alias ? [relativePath, `${relativePath.slice(0, -ext.length)}${alias}`] : [relativePath]
  for (const section of config.sections) {
    if (!candidates.some((c) => section.match(c))) continue
    if (section.basedOnStyles) for (const s of section.basedOnStyles) if (!styles.includes(s)) styles.push(s)
    for (const [k, v] of section.switches) switches.set(k, v)
    blockIgnores.push(...section.blockIgnores)
    tokenIgnores.push(...section.tokenIgnores)
  }
  return { styles, switches, blockIgnores, tokenIgnores }
}

export function isLevel(value: unknown): value is ValeLevel {
  return value === 'suggestion' || value === 'warning' || value === 'error'
}
