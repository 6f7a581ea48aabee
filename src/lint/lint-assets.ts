import { loadBundledRules, type BundledRules } from '../rules/load-rules.js'
import { openEnglishDictionary, type Dictionary } from '../spelling/dictionary.js'

/**
 * What every entry point (the app server, a lint thread, the CLI, the Action) reads once
 * at start and hands to each linter it makes: the bundled rules and the English
 * dictionary. Nothing below the entry points reads them on its own.
 */
export interface LintAssets {
  readonly bundled: BundledRules
  readonly dictionary: Dictionary
}

export function loadLintAssets(): LintAssets {
  // The bundled rules are read on first use: a run with a Vale style never reads them
  // (~15 ms of a one-post `lint --vale`), the dictionary's lists are lazy already.
  let bundled: BundledRules | undefined
  const dictionary = openEnglishDictionary()
  return {
    get bundled() {
      return (bundled ??= loadBundledRules())
    },
    dictionary,
  }
}
