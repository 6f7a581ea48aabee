// The layer rule of `npm run lint`: an import may only run down this list, never up,
// and no module may take part in a cycle.
//   core <- config, spelling <- markdown <- rules, vale <- lint <- diff, review, evaluate, precision <- github, cli, app, entry points
const layers = [
  ['core'],
  ['config', 'spelling'],
  ['markdown'],
  ['rules', 'vale'],
  ['lint', 'house'],
  ['diff', 'review', 'evaluate', 'precision'],
  ['github', 'cli', 'app'],
]

const folders = (list) => `^src/(${list.join('|')})/`
const forbidden = layers.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} may import only from ${layers.slice(0, i + 1).flat().join(', ')}`,
  severity: 'error',
  from: { path: folders(layer) },
  to: { path: folders(layers.slice(i + 1).flat()) },
}))

module.exports = {
  forbidden: [
    ...forbidden,
    // The entry points (src/*.ts) sit on top; nothing below may import them.
    { name: 'no-entry-imports', severity: 'error', from: { path: '^src/[^/]+/' }, to: { path: '^src/[^/]+\\.ts$' } },
    { name: 'no-src-to-test', severity: 'error', from: { path: '^src/' }, to: { path: '^(test|scripts)/' } },
    { name: 'no-cycles', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
}
