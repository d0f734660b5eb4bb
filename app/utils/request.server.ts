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

/**
 * The posted form. A body that claims to be a form but cannot be read (broken multipart, cut-off
 * upload) is the sender's fault: a 400 that says so, never a 500.
 */
export async function readForm(request: Request) {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw new Response('The form could not be read. Reload the page and try again.', { status: 400 })
  }
  // PostgreSQL cannot store a NUL character in text; refusing it here, once, beats a 500 at the insert
  // or silently changing what the person typed.
  for (const value of form.values()) {
    if (typeof value === 'string' && value.includes('\u0000')) {
      throw new Response('The form contains a NUL character (\\0), which cannot be saved. Remove it and try again.', { status: 400 })
    }
  }
  return form
}
