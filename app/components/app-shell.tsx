import { Form, Link, NavLink } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { Role } from '~/domain/roles'
import { homePathFor, navigationFor, ROLE_LABELS } from '~/domain/roles'

type ShellUser = { id: string; name: string; role: Role; unread: number }

export function AppShell({ user, children }: { user: ShellUser | null; children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800 focus:shadow"
      >
        Skip to main content
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link
            to={user ? homePathFor(user.role) : '/'}
            className="text-lg font-semibold text-brand-800 no-underline"
          >
            SILA Academy
          </Link>
          {user ? (
            <>
              <nav aria-label="Main" className="flex-1">
                <ul className="flex flex-wrap gap-1">
                  {navigationFor(user.role).map((item) => (
                    <li key={item.to}>
                      <NavLink
                        to={item.to}
                        end
                        className={({ isActive }) =>
                          `block rounded px-3 py-2 text-sm font-medium ${
                            isActive
                              ? 'bg-brand-50 text-brand-800 underline underline-offset-4'
                              : 'text-slate-700 hover:bg-slate-100'
                          }`
                        }
                      >
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
              <div className="flex items-center gap-3 text-sm">
                <Link to="/notifications" className="rounded px-2 py-1 text-slate-700 underline-offset-4 hover:underline">
                  Notifications
                  {user.unread > 0 ? (
                    <span className="ml-1 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
                      {user.unread}
                      <span className="sr-only"> unread</span>
                    </span>
                  ) : null}
                </Link>
                <Link to="/account" className="text-slate-700 underline-offset-4 hover:underline">
                  {user.name}
                  <span className="sr-only">, your account</span>
                  <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                    {ROLE_LABELS[user.role]}
                  </span>
                </Link>
                <Form method="post" action="/logout">
                  <button
                    type="submit"
                    className="rounded border border-slate-300 px-3 py-1.5 text-slate-800 hover:bg-slate-100"
                  >
                    Sign out
                  </button>
                </Form>
              </div>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-600 print:hidden">
        School Improvement Leadership Academy · Center for Educational Innovation and Improvement ·{' '}
        <Link to="/accessibility" className="underline underline-offset-4">Accessibility</Link>
      </footer>
    </>
  )
}
