import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { formatHouseStyle, HOUSE_STYLE_PATH } from '../config/house-style.js'
import { learnHouseStyle, type PublishedPost } from '../house/learn-house-style.js'
import type { Dictionary } from '../spelling/dictionary.js'
import { loadCliConfig } from './cli-config.js'
import { EXIT, type CliIo, UsageError } from './io.js'
import { resolveFiles } from './resolve-files.js'
import { ioReason } from './rule-dirs.js'

export interface LearnOptions {
  readonly config?: string
  /** Where to write the house style (default .github/bluepencil-house.yml under the working folder). */
  readonly output?: string
}

/**
 * `bluepencil learn [paths]`: reads the repository's published posts (default: the
 * configured blog posts) and writes the house style they agree on, for a maintainer to
 * review and commit. A post that cannot be read stops the run: a style learned from
 * part of the blog without saying so would be wrong in a way nobody sees.
 */
export async function learnCommand(args: readonly string[], options: LearnOptions, io: CliIo, dictionary: Dictionary): Promise<number> {
  const loaded = loadCliConfig({ root: io.cwd, ...(options.config ? { configPath: options.config } : {}) })
  const { files, problems } = await resolveFiles(args, loaded.config, io.cwd)
  if (problems.length > 0) throw new UsageError(problems.join('\n'))
  const posts: PublishedPost[] = files.map((file) => {
    try {
      return { path: file, source: readFileSync(join(io.cwd, file), 'utf8') }
    } catch (error) {
      throw new UsageError(`${file}: cannot read the post (${ioReason(error)})`)
    }
  })
  const house = learnHouseStyle(posts, dictionary)
  const output = resolve(io.cwd, options.output ?? HOUSE_STYLE_PATH)
  try {
    mkdirSync(dirname(output), { recursive: true })
    writeFileAtomic.sync(output, formatHouseStyle(house, posts.length))
  } catch (error) {
    throw new UsageError(`${relative(io.cwd, output) || output}: cannot write the house style (${ioReason(error)})`)
  }
  const learned = [
    house.headingCase ? `headings in ${house.headingCase} case` : 'heading case mixed (not set)',
    house.listItemPunctuation ? `list items ${house.listItemPunctuation === 'period' ? 'end with a period' : 'end without a period'}` : 'list punctuation mixed (not set)',
    `${house.frontMatter?.required.length ?? 0} front-matter fields every post has`,
    `${house.terms?.length ?? 0} terms`,
  ]
  io.stdout(`Learned from ${posts.length} posts: ${learned.join(', ')}.\nWrote ${relative(io.cwd, output) || output}: review it, then commit it.\n`)
  return EXIT.clean
}
