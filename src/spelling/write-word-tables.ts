import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { sortedTableText } from '../core/sorted-table.js'
import { englishWordLines, englishWordsSource } from './english-words.js'
import { englishFrequencySource, frequencyCounts } from './word-frequency.js'
import { wordTablePath, type WordListSource } from './word-tables.js'

// Run by `npm run build`: every lint process then searches the word lists as they are
// stored here instead of parsing or indexing them first.
function write(source: WordListSource, entries: Iterable<readonly [string, unknown]>): void {
  const file = wordTablePath(source)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, sortedTableText(entries))
}

const frequency = englishFrequencySource()
const counts = frequencyCounts(JSON.parse(readFileSync(frequency.file, 'utf8')) as unknown)
for (const [word, count] of counts) if (!Number.isFinite(count)) throw new Error(`${frequency.file}: the count of "${word}" is not a finite number`)
write(frequency, counts)
const words = englishWordsSource()
write(words, [...englishWordLines(readFileSync(words.file, 'utf8'))].map((line) => [line, 1] as const))
