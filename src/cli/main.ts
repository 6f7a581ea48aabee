import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { version } from './version.js'
import { EXIT, processIo, UsageError, type CliIo } from './io.js'
import type { LintAssets } from '../lint/lint-assets.js'

/** Options of the commands that lint posts (lint, fix): one place to add a flag to both. */
interface PostOptions {
  config?: string
  rules?: string[]
  jobs?: number
  lintBudget?: number
  vale?: string
}

function withPostOptions(command: Command): Command {
  return command
    .addOption(new Option('-c, --config <path>', 'config file (default: .github/bluepencil.yml)'))
    .addOption(
      // One folder per flag (repeat it for more), so a post after it is never read as a folder.
      new Option('-r, --rules <dir>', "a folder of rule files; repeat for more (a rule with a bundled rule's id replaces it)").argParser(collect),
    )
    .addOption(new Option('-j, --jobs <n>', 'threads to lint with (default: one per core, less one)').argParser(positiveInteger('threads')))
    .addOption(new Option('--vale <path>', 'a Vale configuration (.vale.ini) or its folder: its styles replace the bundled rules (default: the .vale.ini Vale would find)'))
    .addOption(new Option('--lint-budget <ms>', 'time one post may take before it is reported as not checked (default: 10000)').argParser(positiveInteger('milliseconds')))
}

/** Runs the CLI and returns the exit code: 0 clean, 1 error-level findings, 2 usage, I/O or config errors (and files not checked). */
export async function runCli(argv: readonly string[], io: CliIo = processIo, given?: LintAssets): Promise<number> {
  let code: number = EXIT.clean
  // The bundled rules and the dictionary, read once per run by the command that needs them: `--help` reads neither.
  let assets = given
  const lintAssets = async (): Promise<LintAssets> => (assets ??= (await import('../lint/lint-assets.js')).loadLintAssets())
  const program = new Command('bluepencil')
    .description('Review blog posts the way a technical editor does.')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })

  withPostOptions(
    program
      .command('lint')
      .description('report findings in Markdown files, folders or globs (default: the configured blog posts)')
      .argument('[paths...]')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text')),
  ).action(async (paths: string[], opts: PostOptions & { format: 'text' | 'json' | 'sarif' }) => {
    // Each command loads its own modules, so `lint` starts without the review planner or git.
    const { lintCommand } = await import('./lint-command.js')
    code = await lintCommand(paths, opts, io, await lintAssets())
  })
  withPostOptions(program.command('fix').description('apply every safe fix in place (--all: wording fixes too; atomic writes; a post edited meanwhile is left alone)').argument('[paths...]'))
    .option('--all', 'also apply the wording fixes a rule proposes for review (fix: review)')
    .action(
    async (paths: string[], opts: PostOptions & { all?: boolean }) => {
      const { fixCommand } = await import('./lint-command.js')
      code = await fixCommand(paths, opts, io, await lintAssets())
    },
  )
  program
    .command('review')
    .description('preview the exact pull request review the app would post, from a local git diff or a pull request on GitHub')
    .option('--base <rev>', 'base revision (the pull request target)')
    .option('--head <rev>', 'head revision', 'HEAD')
    .option('--repo <dir>', 'repository folder', '.')
    .option('--pr <owner/repo#n>', 'a pull request on GitHub, read with GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise)')
    .option('--post', 'with --pr: post the review (and resolve fixed threads), skipping what was posted before')
    .action(async (opts: { base?: string; head: string; repo: string; pr?: string; post?: boolean }) => {
      const { reviewCommand, reviewPullRequestCommand } = await import('./review-command.js')
      if (opts.pr !== undefined && opts.base !== undefined) throw new UsageError('give --pr or --base, not both')
      if (opts.pr !== undefined) code = await reviewPullRequestCommand({ pr: opts.pr, post: opts.post === true }, io, await lintAssets())
      else if (opts.base === undefined) throw new UsageError('give --base REV (a local diff) or --pr OWNER/REPO#N')
      else if (opts.post) throw new UsageError('--post works with --pr only')
      else code = await reviewCommand({ base: opts.base, head: opts.head, repo: opts.repo }, io, await lintAssets())
    })
  program
    .command('learn')
    .description('write the house style of the published posts (default: the configured blog posts) to .github/bluepencil-house.yml, for review')
    .argument('[paths...]')
    .addOption(new Option('-c, --config <path>', 'config file (default: .github/bluepencil.yml)'))
    .addOption(new Option('-o, --output <path>', 'where to write the house style (default: .github/bluepencil-house.yml)'))
    .action(async (paths: string[], opts: { config?: string; output?: string }) => {
      const { learnCommand } = await import('./learn-command.js')
      code = await learnCommand(paths, opts, io, (await lintAssets()).dictionary)
    })
  program
    .command('check-rules')
    .description('validate rule files and run their examples (default: the bundled rules)')
    .argument('[dirs...]')
    .action(async (dirs: string[]) => {
      const { checkRulesCommand } = await import('./check-rules-command.js')
      code = checkRulesCommand(dirs, io, await lintAssets())
    })

  try {
    await program.parseAsync([...argv], { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.clean : EXIT.usage
    // Whatever went wrong, the user gets one line, not a stack trace.
    const message = error instanceof UsageError ? error.message : `unexpected error: ${(error as Error).message ?? String(error)}`
    io.stderr(`bluepencil: ${message}\n`)
    return EXIT.usage
  }
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value]
}

function positiveInteger(unit: string): (value: string) => number {
  return (value) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of ${unit}, 1 or more`)
    return n
  }
}
