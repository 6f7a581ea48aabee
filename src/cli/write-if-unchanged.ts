import { randomBytes } from 'node:crypto'
import { closeSync, fchownSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Replaces a file's text only if it still holds `expected` (what was linted), so an edit
 * saved while `fix` ran is never overwritten. The new text goes to a temporary file
 * beside it (same mode and owner), is flushed to disk, and is renamed over the post
 * right after the post is read back and compared: a reader sees the old text or the
 * new, never half of either, and the window for a lost update is that of one read.
 * I/O errors are thrown; the temporary file never stays behind.
 */
export function writeIfUnchanged(path: string, expected: string, next: string): 'written' | 'changed' {
  const { mode, uid, gid } = statSync(path)
  const temp = join(dirname(path), `.${basename(path)}.bluepencil-${process.pid}-${randomBytes(4).toString('hex')}`)
  const fd = openSync(temp, 'wx', mode & 0o7777)
  try {
    try {
      writeSync(fd, next)
      keepOwner(fd, uid, gid)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    if (readFileSync(path, 'utf8') !== expected) {
      rmSync(temp, { force: true })
      return 'changed'
    }
    renameSync(temp, path)
    return 'written'
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/** As root, the new file would belong to root; give it the post's owner. Others cannot chown, and need not. */
function keepOwner(fd: number, uid: number, gid: number): void {
  if (process.getuid?.() !== 0) return
  fchownSync(fd, uid, gid)
}
