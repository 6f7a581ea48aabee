/**
 * Why a style's feature file and Bluepencil disagree, read from the style's own rule
 * files and nothing of Bluepencil's engine: a reader can check each line by opening the
 * file it names. A feature file is stale when what it expects comes from a rule file the
 * style no longer ships (or with another message than the shipped file's), and what it
 * lacks is a word the shipped rule file lists.
 */
import { basename, join } from 'node:path'
import { parse } from 'yaml'
import type { ValeFiles } from '../src/vale/vale-files.js'

/** One differing alert, `file:LINE:COL:Style.Rule:message`, with the words it matched when Bluepencil reported it. */
export interface Difference {
  readonly line: string
  readonly kind: 'missing' | 'extra'
  readonly matched?: string
}

export interface Evidence {
  readonly line: string
  /** What the style's files say about it; undefined: they do not explain it. */
  readonly because: string | undefined
}

const ALERT = /^[^:]*:\d+:\d+:([^.:]+)\.([^:]+):(.*)$/

export function explain(differences: readonly Difference[], stylesPath: string | undefined, files: ValeFiles): Evidence[] {
  return differences.map((d) => ({ line: d.line, because: stylesPath === undefined ? undefined : because(d, stylesPath, files) }))
}

function because(d: Difference, stylesPath: string, files: ValeFiles): string | undefined {
  const m = ALERT.exec(d.line)
  if (!m) return undefined
  const [, style = '', rule = '', message = ''] = m
  const file = [join(stylesPath, style, `${rule}.yml`), join(stylesPath, style, `${rule}.yaml`)].find((f) => files.read(f) !== undefined)
  if (d.kind === 'missing') {
    if (file === undefined) {
      const shipped = (files.list(join(stylesPath, style)) ?? []).filter((n) => /\.ya?ml$/.test(n)).sort()
      return `no ${style}/${rule}.yml under StylesPath; ${style} ships ${shipped.join(', ') || 'no rule files'}`
    }
    const shippedMessage = ruleOf(files.read(file) ?? '')?.message
    if (typeof shippedMessage === 'string' && !sameTemplate(shippedMessage, message)) return `${style}/${basename(file)} says "${shippedMessage}", not this message`
    return undefined
  }
  if (file === undefined || d.matched === undefined) return undefined
  const text = files.read(file) ?? ''
  const def = ruleOf(text)
  if (!def) return undefined
  const entries = [...(Array.isArray(def.tokens) ? def.tokens : []), ...(def.swap && typeof def.swap === 'object' ? Object.keys(def.swap) : [])].filter((e): e is string => typeof e === 'string')
  const flags = def.ignorecase === true ? 'iu' : 'u'
  const entry = entries.find((e) => {
    try {
      return new RegExp(`^(?:${e})$`, flags).test(d.matched ?? '')
    } catch {
      return false
    }
  })
  if (entry === undefined) return undefined
  const at = text.split('\n').findIndex((l) => l.includes(entry)) + 1
  return `${style}/${basename(file)}:${at} lists \`${entry}\`${def.ignorecase === true ? ' (ignorecase: true)' : ''}, which matches '${d.matched}'`
}

interface RuleFields {
  readonly message?: unknown
  readonly tokens?: unknown
  readonly swap?: unknown
  readonly ignorecase?: unknown
}

function ruleOf(text: string): RuleFields | undefined {
  try {
    const parsed: unknown = parse(text)
    return parsed && typeof parsed === 'object' ? (parsed as RuleFields) : undefined
  } catch {
    return undefined
  }
}

/** A message matches a rule's template when the template's `%s` can stand for the alert's words. */
function sameTemplate(template: string, message: string): boolean {
  const pattern = template
    .split(/%s/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${pattern}$`, 'su').test(message)
}
