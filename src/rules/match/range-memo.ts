/**
 * A value computed once per prose range and shared by every rule that asks (its words,
 * its lower-cased text). It is kept on the range object itself rather than in a
 * WeakMap: WeakMap entries live until a full garbage collection, which moved every
 * post's words into the old generation and grew the heap; on the range they die
 * young, with the post.
 */
export function rangeMemo<T>(name: string, compute: (range: { readonly text: string }) => T): (range: { readonly text: string }) => T {
  const key = Symbol(name)
  return (range) => {
    const slots = range as unknown as Record<symbol, T | undefined>
    let value = slots[key]
    if (value === undefined) {
      value = compute(range)
      slots[key] = value
    }
    return value
  }
}
