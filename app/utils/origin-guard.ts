const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type OriginCheck = {
  method: string
  origin: string | undefined
  secFetchSite: string | undefined
  /** The origin this request was addressed to, e.g. https://sila.example.edu. */
  ownOrigin: string
  /** Extra origins that are ours (APP_URL behind a proxy). */
  trustedOrigins?: string[]
}

/**
 * Cross-site request forgery defence for every state-changing request: a browser's
 * Sec-Fetch-Site must say same-origin (or none, for a typed address), and an Origin header, when
 * present, must be ours. Requests with neither header come from non-browser clients.
 */
export function isForeignRequest({ method, origin, secFetchSite, ownOrigin, trustedOrigins = [] }: OriginCheck) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false
  if (secFetchSite && secFetchSite !== 'same-origin' && secFetchSite !== 'none') return true
  if (origin === undefined) return false
  return origin !== ownOrigin && !trustedOrigins.includes(origin)
}
