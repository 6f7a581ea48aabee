import { Script, createContext } from 'node:vm'

/**
 * A synchronous function run with a time limit. V8 interrupts it where it stands (a loop,
 * a backtracking regex, a parser) when the time is up, so one post cannot hold a thread
 * for longer than its budget, on the main thread or in a worker. One shared context and
 * script: making a context costs ~1 ms, a run with a timeout ~0.2 ms.
 */
export type Budgeted<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string }

const slot: { run: () => void } = { run: () => undefined }
const context = createContext(slot)
const script = new Script('run()')

export function runWithBudget<T>(fn: () => T, budgetMs: number): Budgeted<T> {
  let value: T | undefined
  slot.run = () => {
    value = fn()
  }
  try {
    script.runInContext(context, { timeout: budgetMs })
    return { ok: true, value: value as T }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { ok: false, reason: `took longer than the ${seconds(budgetMs)} budget (lintBudgetMs)` }
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { ok: false, reason: 'nested too deeply to parse (the stack overflowed)' }
    throw error
  } finally {
    slot.run = () => undefined
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}
