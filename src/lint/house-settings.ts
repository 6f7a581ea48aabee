import type { HouseStyle } from '../config/house-style.js'
import type { Severity } from '../core/types.js'
import type { RuleFile } from '../rules/rule-file.js'

/**
 * What a blog's house style changes in the bundled rules: switches (Title Case headings
 * are no slip there; periods after list items are kept), the section headings the blog
 * reuses, and the front-matter fields to require. The repository's config is applied over these, so its settings win.
 */
export function houseSettings(house: HouseStyle, rules: readonly RuleFile[]): { levels: Record<string, 'off' | Severity>; options: Map<string, RuleFile> } {
  const levels: Record<string, 'off' | Severity> = {}
  const options = new Map<string, RuleFile>()
  for (const rule of rules) {
    const check = 'check' in rule ? rule.check : undefined
    if (house.headingCase === 'title' && check === 'heading-case') levels[rule.id] = 'off'
    if (house.headings && house.headings.length > 0 && check === 'heading-case' && rule.extends === 'builtin') options.set(rule.id, { ...rule, keep: [...(('keep' in rule && rule.keep) || []), ...house.headings] } as RuleFile)
    if (house.listItemPunctuation === 'period' && check === 'list-item-fragments') levels[rule.id] = 'off'
    if (house.frontMatter && rule.extends === 'front-matter' && rule.required !== undefined) options.set(rule.id, { ...rule, required: [...house.frontMatter.required] })
  }
  return { levels, options }
}
