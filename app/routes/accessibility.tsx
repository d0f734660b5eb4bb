import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'

export const meta: MetaFunction = () => [{ title: 'Accessibility statement · SILA Academy' }]

const TESTED = [
  'Every journey in the automated browser suite runs axe-core with the WCAG 2.0 and 2.1 A and AA rules (tags wcag2a, wcag2aa, wcag21a, wcag21aa) on each page it visits, and fails on any violation. These pages include sign-in, the second-factor code and set-up pages with their recovery codes, account security and the list of one’s sessions; each role’s home; the curriculum and a module; submissions and review; coaching; the equity audit workbench and its shared view; the fishbone; PDSA cycles and run charts; the cohort overview, drill-down and heat map; reports; people and a fellow’s record; and the roster import.',
  'Keyboard-only journeys: signing in through the skip link and typing the code from an authenticator app, building a fishbone with Tab, Space, arrow keys and Enter alone, searching People, and moving around the cohort heat map with the arrow keys, Home and End.',
  'Charts are drawn as SVG with a title and a description. Each is followed by a table with the same figures. Chart lines and heat-map cells are told apart by symbol, marker shape or dash as well as colour.',
  'Modules and forms work without JavaScript: answers, submissions, audits, fishbones and PDSA cycles all save through plain form posts.',
  'Form fields have visible labels. Errors are linked to their fields (aria-invalid and aria-describedby) and announced.',
]

const LIMITS = [
  'No person using a screen reader, magnifier or switch has yet tested the platform with us. Automated checks find only part of what such testing finds.',
  'Moving between heat-map cells with the arrow keys needs JavaScript. Without it, the names are still links and the table reads cell by cell.',
  'Files that fellows upload (PDFs, Word documents, images) are theirs, and we do not check their accessibility.',
]

/** What we test, how, and what we know is missing (ADA Title II, WCAG 2.1 AA). */
export default function AccessibilityStatement() {
  return (
    <article className="prose prose-slate max-w-3xl">
      <PageHeader title="Accessibility statement" />
      <p>
        The SILA Academy platform aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. That is the standard of the US
        Department of Justice’s ADA Title II rule for the websites of public universities and school districts.
      </p>
      <h2>What we test, and how</h2>
      <ul>
        {TESTED.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>What we know is not yet done</h2>
      <ul>
        {LIMITS.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>Tell us about a barrier</h2>
      <p>
        If something on the platform is hard or impossible for you to use, tell academy staff or your coach: say which page and what happened. We
        treat accessibility problems as bugs and fix them first. <Link to="/">Back to the platform</Link>.
      </p>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
