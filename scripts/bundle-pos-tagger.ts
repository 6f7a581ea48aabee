// `npm run bundle:pos-tagger`: bundles wink-pos-tagger for src/vale/pos-tags.ts, with
// wink-lexicon's large word tables read on demand (src/core/sorted-table.ts). Each table
// is a module of up to ~80,000 statements (`words.aaa = 0;`): with the code cache, a
// one-post lint spent ~0.13 s deserializing and running them, for the few thousand words
// a post looks up. The build fails unless every entry reads back as the module has it.
import { build, type Plugin } from 'esbuild'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { sortedTable, sortedTableText } from '../src/core/sorted-table.js'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))
const lexiconDir = dirname(require.resolve('wink-lexicon/src/lexicon.js'))
const sortedTableModule = join(root, 'src', 'core', 'sorted-table.ts')
/** The tables worth it (each over 60 KB of source); the small modules stay as they are. */
const TABLES = ['lexicon.js', 'wn-words.js', 'wn-word-senses.js', 'wn-adjective-exceptions.js', 'wn-noun-exceptions.js', 'wn-verb-exceptions.js']
/** Keys no table holds, read back as missing (inherited names included: the tables have no prototype). */
const ABSENT = ['', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'length', '-1', '1e3', 'zzzzzz']

/** The module's code as a sorted table, or an error when the table would not read back as it is. */
function tableModule(file: string): string {
  const table = require(file) as unknown
  const shape = Array.isArray(table) ? 'array' : typeof table === 'object' && table !== null && Object.getPrototypeOf(table) === null ? 'object' : undefined
  if (!shape) throw new Error(`${file}: expected an array or an object without prototype`)
  const entries = Object.entries(table as object)
  const length = Array.isArray(table) ? table.length : 0
  if (Array.isArray(table) && entries.length !== length) throw new Error(`${file}: expected an array without holes`)
  const text = sortedTableText(entries)
  const lazy = sortedTable(text, shape, length) as Record<string, unknown>
  for (const [key, value] of entries) if (!isDeepStrictEqual(lazy[key], value)) throw new Error(`${file}: ${JSON.stringify(key)} does not read back as it is`)
  for (const key of ABSENT) if (!isDeepStrictEqual(lazy[key], (table as Record<string, unknown>)[key])) throw new Error(`${file}: ${JSON.stringify(key)} does not read back as it is`)
  return `module.exports = require(${JSON.stringify(sortedTableModule)}).sortedTable(${JSON.stringify(text)}, ${JSON.stringify(shape)}, ${length});\n`
}

const tablesAsJson: Plugin = {
  name: 'wink-lexicon-tables-as-json',
  setup(b) {
    const files = new Set(TABLES.map((f) => join(lexiconDir, f)))
    b.onLoad({ filter: /wink-lexicon[\\/]src[\\/][^\\/]+\.js$/ }, (args) => (files.has(args.path) ? { contents: tableModule(args.path), loader: 'js' } : undefined))
  },
}

await build({
  entryPoints: [require.resolve('wink-pos-tagger')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  supported: { 'regexp-unicode-property-escapes': true },
  outfile: join(root, 'dist', 'bundle', 'pos-tagger.cjs'),
  minifyWhitespace: true,
  logLevel: 'warning',
  plugins: [tablesAsJson],
})
