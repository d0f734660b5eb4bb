/**
 * The client's address. The Express server puts the socket address (or, with TRUST_PROXY, the
 * forwarded one) in X-Client-Address after stripping anything a client sent under that name.
 */
export function clientAddress(request: Request) {
  return request.headers.get('x-client-address') ?? 'unknown'
}

export function userAgent(request: Request) {
  return request.headers.get('user-agent')?.slice(0, 300) ?? null
}
