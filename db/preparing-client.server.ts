import type postgres from 'postgres'

/**
 * drizzle-orm 0.45 sends every query through postgres.js's `unsafe()` with `prepare: false` (its
 * `.prepare(name)` too: drizzle-team/drizzle-orm#6096 and #5502), so PostgreSQL parsed and planned
 * each query afresh on every request. Drizzle gets this view of the client instead, whose `unsafe()`
 * prepares as postgres.js's own tagged queries do: each connection keeps one named statement per
 * query text. The module page served 70 % more requests a second with it (docs/decisions/0013).
 * Queries inside transactions run on the transaction's own client, unprepared, as before.
 */
export function preparingUnsafe(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'unsafe') return Reflect.get(target, property, receiver)
      return (...[query, parameters, options]: Parameters<postgres.Sql['unsafe']>) => target.unsafe(query, parameters, { ...options, prepare: true })
    },
  })
}
