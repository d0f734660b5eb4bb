import { DATABASE_UNAVAILABLE } from '~/utils/database-unavailable'

/**
 * The whole document sent while the database is down. It stands alone — no loader data, no
 * scripts to hydrate — because every loader, the root's included, needs the database.
 */
export function OutagePage({ stylesheet, retryHref }: { stylesheet: string; retryHref: string }) {
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${DATABASE_UNAVAILABLE.title} · SILA Academy`}</title>
        <link rel="stylesheet" href={stylesheet} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body className="min-h-full bg-slate-50 font-sans antialiased">
        <header className="border-b border-slate-200 bg-white">
          <p className="mx-auto max-w-6xl px-4 py-3 text-lg font-semibold text-brand-800">SILA Academy</p>
        </header>
        <main id="main" className="mx-auto max-w-xl px-4 py-12">
          <div role="alert">
            <p className="text-sm font-semibold text-slate-600">Error 503</p>
            <h1 className="mt-2 text-3xl font-semibold text-slate-900">{DATABASE_UNAVAILABLE.title}</h1>
            <p className="mt-4 text-slate-700">{DATABASE_UNAVAILABLE.body}</p>
            <p className="mt-6">
              <a href={retryHref} className="font-medium text-brand-700 underline underline-offset-4">
                Try again
              </a>
            </p>
          </div>
        </main>
      </body>
    </html>
  )
}
