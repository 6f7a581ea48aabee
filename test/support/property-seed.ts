import fc from 'fast-check'

// CI replays one seed, so the gate never fails on a counterexample that no change of its
// brought; a local run explores a new seed each time, and setting the variable replays a
// failure that fast-check printed.
const seed = process.env.BLUEPENCIL_PROPERTY_SEED
if (seed !== undefined && seed !== '') {
  if (!/^-?\d+$/.test(seed)) throw new Error(`BLUEPENCIL_PROPERTY_SEED must be an integer, not "${seed}"`)
  fc.configureGlobal({ seed: Number(seed) })
}
