import examples from '@octokit/webhooks-examples'

type Example = { name: string; examples: Record<string, unknown>[] }

/** A real `pull_request` payload from GitHub's published examples, pointed at the stand-in's repository. */
export function pullRequestPayload(options: { action: string; owner: string; repo: string; number: number; headSha: string; draft?: boolean; installationId?: number }): Record<string, unknown> {
  const all = ((examples as unknown as { default?: Example[] }).default ?? (examples as unknown as Example[]))
  const sample = all.find((e) => e.name === 'pull_request')?.examples.find((e) => e.action === options.action)
  if (!sample) throw new Error(`no pull_request.${options.action} example in @octokit/webhooks-examples`)
  const payload = structuredClone(sample) as Record<string, any>
  payload.number = options.number
  payload.repository.name = options.repo
  payload.repository.full_name = `${options.owner}/${options.repo}`
  payload.repository.owner.login = options.owner
  payload.pull_request.number = options.number
  payload.pull_request.draft = options.draft ?? false
  payload.pull_request.head.sha = options.headSha
  payload.installation = { id: options.installationId ?? 77, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc=' }
  return payload
}
