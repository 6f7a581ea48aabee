import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { readRuleDir, type RuleSource } from '../rules/load-rules.js'

export interface RuleDirsRead {
  readonly files: RuleSource[]
  /** Each folder that could not be read, with why. */
  readonly problems: { readonly dir: string; readonly message: string }[]
}

/** Reads folders of rule files; a missing folder, a file given as a folder or a read error is a problem naming the path. */
export function readRuleDirs(dirs: readonly string[], base: string): RuleDirsRead {
  const files: RuleSource[] = []
  const problems: { dir: string; message: string }[] = []
  for (const dir of dirs) {
    const full = resolve(base, dir)
    const problem = folderProblem(full)
    if (problem) {
      problems.push({ dir, message: problem })
      continue
    }
    try {
      files.push(...readRuleDir(full))
    } catch (error) {
      problems.push({ dir, message: `cannot read the rule folder (${ioReason(error)})` })
    }
  }
  return { files, problems }
}

function folderProblem(path: string): string | undefined {
  try {
    return statSync(path).isDirectory() ? undefined : 'not a folder (rule files are read from a folder of .yml files)'
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such rule folder' : `cannot read the rule folder (${ioReason(error)})`
  }
}

/** An I/O error in a few words ("permission denied"), without Node's stack or syscall details. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const known: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EMFILE: 'too many open files',
  }
  return (code && known[code]) ?? (error as Error).message
}
