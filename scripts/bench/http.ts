/** Plain HTTP steps of the bench: signing in, timing requests one after another, reading pages. */

/** Signs a fellow in through the real form, as a browser would; returns the Cookie header value. */
export async function signIn(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
    body: new URLSearchParams({ email, password, redirectTo: '' }),
  })
  await response.arrayBuffer()
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sila_session='))
  if (response.status !== 302 || !cookie) throw new Error(`Signing in ${email} failed with ${response.status}.`)
  return cookie.split(';')[0]
}

export async function fetchPage(url: string, cookie: string | null) {
  const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' })
  const body = await response.text()
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`)
  return body
}

/**
 * Latency of a page over loopback from one client, one request at a time: the app has no
 * Server-Timing header, and with nothing else in flight this is the server's time plus a loopback
 * round trip. Stops after `count` samples or `budgetMs`, whichever comes first.
 */
export async function timeSequential(url: string, cookie: string, { count, warmup, budgetMs }: { count: number; warmup: number; budgetMs: number }) {
  const samples: number[] = []
  const started = performance.now()
  for (let i = 0; i < warmup + count && performance.now() - started < budgetMs; i++) {
    const t0 = performance.now()
    const response = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' })
    await response.arrayBuffer()
    const ms = performance.now() - t0
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
    if (i >= warmup) samples.push(ms)
  }
  return samples
}
