import { loadLintAssets } from '../../src/lint/lint-assets.js'

/** The bundled rules and the dictionary, read once per test worker (isolate: false), as an entry point reads them once and passes them on. */
export const assets = loadLintAssets()
export const { dictionary } = assets
