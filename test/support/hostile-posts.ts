/**
 * Generated hostile posts: the inputs that stalled the app and the CLI (issue 12). Each is
 * small enough to pass the 1 MB file limit, and each once took seconds to minutes, or
 * overflowed the stack. Shared by the tests and `npm run bench`.
 */
export interface HostilePost {
  readonly name: string
  readonly source: string
}

const prose = (text: string): string => `# A post\n\nAn ordinary opening paragraph.\n\n${text}\n\nAn ordinary closing paragraph.\n`

export function hostilePosts(): HostilePost[] {
  return [
    { name: '50,000 nested list items', source: prose(`${'- '.repeat(50_000)}deep`) },
    { name: '900 KB single line', source: prose('word '.repeat(180_000).trim()) },
    { name: '50,000 nested blockquotes', source: prose(`${'> '.repeat(50_000)}deep`) },
    { name: 'a run of 100,000 spaces', source: prose(`Before${' '.repeat(100_000)}after.`) },
    { name: '100,000 CamelCase letters', source: prose(`${'Ab'.repeat(50_000)} is a word.`) },
    { name: '98 KB of nested lists', source: prose(indentedLists(98_000)) },
    { name: 'nested quotes', source: prose(`${'"“'.repeat(25_000)}x${'”"'.repeat(25_000)}`) },
    { name: 'nested brackets', source: prose(`${'[('.repeat(25_000)}x${')]'.repeat(25_000)}`) },
    { name: 'nested blockquotes and lists', source: prose(`${'> - '.repeat(20_000)}deep`) },
    { name: '20,000 lines of `x]` in one paragraph', source: prose(Array.from({ length: 20_000 }, () => 'x]').join('\n')) },
  ]
}

/** One list item per line, each indented one level deeper than the last, up to `bytes`. */
function indentedLists(bytes: number): string {
  const lines: string[] = []
  let size = 0
  for (let depth = 0; size < bytes; depth++) {
    const line = `${'  '.repeat(depth)}- item ${depth}`
    lines.push(line)
    size += line.length + 1
  }
  return lines.join('\n')
}
