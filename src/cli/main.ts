import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { version } from './version.js'
import { EXIT, processIo, UsageError, type CliIo } from './io.js'

/** Runs the CLI and returns the exit code: 0 clean, 1 error-level findings, 2 usage or config errors. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code: number = EXIT.clean
  const program = new Command('bluepencil')
    .description('Review blog posts the way a technical editor does.')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
  const configOption = new Option('-c, --config <path>', 'config file (default: .github/bluepencil.yml)')
  const rulesOption = new Option('-r, --rules <dir...>', "extra folders of rule files (a rule with a bundled rule's id replaces it)")
  const valeOption = new Option('--vale <path>', "a Vale configuration (.vale.ini) or its folder: its styles replace the bundled rules (default: the .vale.ini Vale would find)")
  const jobsOption = new Option('-j, --jobs <n>', 'threads to lint with (default: one per core, less one)').argParser(positiveInteger)

  program
    .command('lint')
    .description('report findings in Markdown files, folders or globs (default: the configured blog posts)')
    .argument('[paths...]')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(configOption)
    .addOption(rulesOption)
    .addOption(jobsOption)
    .addOption(valeOption)
    .action(async (paths: string[], opts: { format: 'text' | 'json' | 'sarif'; config?: string; rules?: string[]; jobs?: number; vale?: string }) => {
      // Each command loads its own modules, so `lint` starts without the review planner or git.
      const { lintCommand } = await import('./lint-command.js')
      code = await lintCommand(paths, opts, io)
    })
  program
    .command('fix')
    .description('apply every safe fix in place (atomic writes)')
    .argument('[paths...]')
    .addOption(configOption)
    .addOption(rulesOption)
    .addOption(jobsOption)
    .addOption(valeOption)
    .action(async (paths: string[], opts: { config?: string; rules?: string[]; jobs?: number; vale?: string }) => {
      const { fixCommand } = await import('./lint-command.js')
      code = await fixCommand(paths, opts, io)
    })
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
      if (opts.pr !== undefined) code = await reviewPullRequestCommand({ pr: opts.pr, post: opts.post === true }, io)
      else if (opts.base === undefined) throw new UsageError('give --base REV (a local diff) or --pr OWNER/REPO#N')
      else if (opts.post) throw new UsageError('--post works with --pr only')
      else code = await reviewCommand({ base: opts.base, head: opts.head, repo: opts.repo }, io)
    })
  program
    .command('check-rules')
    .description('validate rule files and run their examples (default: the bundled rules)')
    .argument('[dirs...]')
    .action(async (dirs: string[]) => {
      const { checkRulesCommand } = await import('./check-rules-command.js')
      code = checkRulesCommand(dirs, io)
    })

  try {
    await program.parseAsync([...argv], { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.clean : EXIT.usage
    if (error instanceof UsageError) {
      io.stderr(`bluepencil: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }
}

function positiveInteger(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of threads, 1 or more')
  return n
}
