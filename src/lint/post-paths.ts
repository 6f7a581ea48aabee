import picomatch from 'picomatch'
import type { RepoConfig } from '../config/repo-config.js'

/** Whether a path is a post the config reviews (`include`, less `exclude`). */
export function postMatcher(config: Pick<RepoConfig, 'include' | 'exclude'>): (path: string) => boolean {
  const included = picomatch(config.include, { dot: true })
  const excluded = picomatch(config.exclude.length > 0 ? config.exclude : ['\0'], { dot: true })
  return (path) => included(path) && !excluded(path)
}
