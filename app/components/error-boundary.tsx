import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { DATABASE_UNAVAILABLE } from '~/utils/database-unavailable'

const MESSAGES: Record<number, { title: string; body: string }> = {
  400: { title: 'That request could not be read', body: 'Something in the request was not what we expected. Go back and try again.' },
  403: { title: 'You do not have access to this page', body: 'Your account is not allowed to see this. If you think it should be, ask academy staff.' },
  404: { title: 'We could not find that page', body: 'The address may be mistyped, or the page may have moved.' },
  429: { title: 'Too many attempts', body: 'Please wait a little and try again.' },
  503: DATABASE_UNAVAILABLE,
}

const UNEXPECTED = {
  title: 'Something went wrong on our side',
  body: 'The problem has been logged. Try again, and if it keeps happening, tell academy staff what you were doing.',
}

/** One error page for every route: plain words per status, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const known = MESSAGES[status] ?? UNEXPECTED
  // A 400 or 409 thrown with a sentence explains itself better than the generic words.
  const detail = isRouteErrorResponse(error) && (status === 400 || status === 409) && typeof error.data === 'string' && error.data.length < 300 ? error.data : null
  const message = detail ? { title: known.title, body: detail } : known
  return (
    <div role="alert" className="mx-auto max-w-xl py-12">
      <p className="text-sm font-semibold text-slate-600">Error {status}</p>
      <h1 className="mt-2 text-3xl font-semibold text-slate-900">{message.title}</h1>
      <p className="mt-4 text-slate-700">{message.body}</p>
      <p className="mt-6">
        <Link to="/" className="font-medium text-brand-700 underline underline-offset-4">
          Go to your home page
        </Link>
      </p>
    </div>
  )
}
