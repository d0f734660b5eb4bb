/**
 * The access-control matrix: every route file under app/routes, the URLs that exercise it (filled
 * with the ids of "the fellow's" records, so other people's requests are direct object references),
 * and what each actor gets back, for GET and, where the route has an action, for POST.
 *
 * access-matrix.test.ts enumerates the routes with Remix's own flat-routes convention and fails for
 * a route file without a row here, a row whose route is gone, a route with an action but no POST
 * probe, or a POST probe on a route with no action. So a new route cannot ship without a decision
 * about who may reach it.
 *
 * Columns, always in this order (see `by`):
 *   anonymous · fellow (owns every record) · otherFellow (same cohort, other coach) ·
 *   coach (the fellow's current coach) · otherCoach (coaches otherFellow only) · staff · admin
 */

export const ACTORS = ['anonymous', 'fellow', 'otherFellow', 'coach', 'otherCoach', 'staff', 'admin'] as const
export type ActorName = (typeof ACTORS)[number]

/** The ids and names of the fixture's records, filled into URLs and bodies. */
export type World = {
  cohortId: string
  fellowId: string
  otherFellowId: string
  /** Year one, track all: every signed-in actor may read it, the fellows may write in it. */
  moduleSlug: string
  moduleFile: string
  /** Year two: a year-one fellow may not read it yet. */
  laterModuleSlug: string
  laterModuleFile: string
  submissionId: string
  /** The other fellow's own submission, to ask it for the fellow's file. */
  otherSubmissionId: string
  fileId: string
  auditId: string
  auditTitle: string
  fishboneId: string
  pdsaId: string
  cycleNumber: number
  sessionId: string
  beliefId: string
  notificationTitle: string
  sharedSummary: string
  privateNote: string
  fellowName: string
}

/** A response status, an allowed-set of statuses, or a redirect whose Location starts with `location`. */
export type Expected = number | StatusSet | Redirect
export type StatusSet = { name: string; anyOf: readonly number[] }
export type Redirect = { status: 302; location: string }

/**
 * An actor who may act gets past the access check; what the harmless or invalid body then earns
 * (a page, a redirect, a validation error, a conflict) does not matter here. Outsiders must get a
 * 403 or 404 before the body is read, never one of these.
 */
export const ALLOWED: StatusSet = { name: 'ALLOWED', anyOf: [200, 302, 400, 409] }
/** requireUser: anyone signed out is sent to sign in, and back afterwards. */
export const TO_LOGIN: Redirect = { status: 302, location: '/login' }

export function redirectTo(location: string): Redirect {
  return { status: 302, location }
}

export type Expectations = Record<ActorName, Expected>

/** One row of the matrix, in the column order of ACTORS. */
export function by(
  anonymous: Expected,
  fellow: Expected,
  otherFellow: Expected,
  coach: Expected,
  otherCoach: Expected,
  staff: Expected,
  admin: Expected,
): Expectations {
  return { anonymous, fellow, otherFellow, coach, otherCoach, staff, admin }
}

/** Everyone, signed in or not, gets the same answer. */
function all(expected: Expected) {
  return by(expected, expected, expected, expected, expected, expected, expected)
}

export type Probe = {
  /** The concrete URL, filled from the fixture. */
  url: (w: World) => string
  get: Expectations
  post?: {
    /** A harmless or invalid form; the default says nothing the action understands. */
    body?: (w: World) => Record<string, string>
    expect: Expectations
    /** The post ends the session (sign-out): each actor signs in anew for it. */
    freshSession?: boolean
  }
  /** Text that must not appear in a 200 answer to these actors (records of other people). */
  hidden?: { text: (w: World) => string; from: readonly ActorName[] }[]
}

export type Row = { probes: Probe[]; note?: string }

// Shorthands for the common rows.
const SIGNED_IN = by(TO_LOGIN, 200, 200, 200, 200, 200, 200)
const SIGNED_IN_POST = by(TO_LOGIN, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED)
const FELLOWS_ONLY = by(TO_LOGIN, 200, 200, 403, 403, 403, 403)
const FELLOWS_ONLY_POST = by(TO_LOGIN, ALLOWED, ALLOWED, 403, 403, 403, 403)
const STAFF_ONLY = by(TO_LOGIN, 403, 403, 403, 403, 200, 200)
const STAFF_ONLY_POST = by(TO_LOGIN, 403, 403, 403, 403, ALLOWED, ALLOWED)
const ADMIN_ONLY = by(TO_LOGIN, 403, 403, 403, 403, 403, 200)
const ADMIN_ONLY_POST = by(TO_LOGIN, 403, 403, 403, 403, 403, ALLOWED)
/** The fellow's work: the author, their current coach and staff read it; other people get a 404. */
const FELLOW_WORK = by(TO_LOGIN, 200, 404, 200, 404, 200, 200)
/** Only the author changes their work; readers get a 403, people who may not read it a 404. */
const FELLOW_WORK_POST = by(TO_LOGIN, ALLOWED, 404, 403, 404, 403, 403)
/** A coaching record: its coach only; even staff and admins get a 404 (DESIGN: private notes, never). */
const COACH_ONLY = by(TO_LOGIN, 404, 404, 200, 404, 404, 404)
const COACH_ONLY_POST = by(TO_LOGIN, 404, 404, ALLOWED, 404, 404, 404)
const HOMES = by(redirectTo('/login'), redirectTo('/home'), redirectTo('/home'), redirectTo('/caseload'), redirectTo('/caseload'), redirectTo('/staff'), redirectTo('/admin'))
/** Public pages for signing in: a signed-in visitor goes home instead. */
const ANONYMOUS_ONLY = by(200, redirectTo('/home'), redirectTo('/home'), redirectTo('/caseload'), redirectTo('/caseload'), redirectTo('/staff'), redirectTo('/admin'))
const PUBLIC_POST = all(ALLOWED)

/**
 * A token route answers per token, not per role (invitations.test.ts and password-reset.test.ts test
 * the tokens): a made-up token is gone (410) for everyone, and a post is refused as invalid before
 * the token is looked at.
 */
function tokenRoute(prefix: string): Row {
  return {
    note: 'Per token, not per role: out of scope here beyond a made-up token.',
    probes: [{ url: () => `${prefix}/not-a-real-token`, get: all(410), post: { expect: all(400) } }],
  }
}

export const TABLE: Record<string, Row> = {
  'routes/$.tsx': {
    note: 'Unknown addresses are a 404 for everyone, signed in or not.',
    probes: [{ url: () => '/no-such-page', get: all(404), post: { expect: all(404) } }],
  },
  'routes/_index.tsx': { probes: [{ url: () => '/', get: HOMES }] },
  'routes/accessibility.tsx': {
    note: 'The accessibility statement is public (ADA Title II): no loader, the same page for everyone.',
    probes: [{ url: () => '/accessibility', get: all(200) }],
  },
  'routes/account.tsx': { probes: [{ url: () => '/account', get: SIGNED_IN, post: { expect: SIGNED_IN_POST } }] },
  'routes/account_.confirm.tsx': { probes: [{ url: () => '/account/confirm', get: SIGNED_IN, post: { expect: SIGNED_IN_POST } }] },
  'routes/account_.security.tsx': {
    note: 'Everyone here signed in moments ago, which counts as re-authentication; second-factor.test.ts covers the ten-minute rule.',
    probes: [{ url: () => '/account/security', get: SIGNED_IN, post: { expect: SIGNED_IN_POST } }],
  },
  'routes/account_.sessions.tsx': {
    note: 'Ending someone else’s session by its id is a 404 that ends nothing: sessions.test.ts.',
    probes: [{ url: () => '/account/sessions', get: SIGNED_IN, post: { expect: SIGNED_IN_POST } }],
  },
  'routes/admin._index.tsx': { probes: [{ url: () => '/admin', get: ADMIN_ONLY, post: { expect: ADMIN_ONLY_POST } }] },
  'routes/admin.outbox.tsx': { probes: [{ url: () => '/admin/outbox', get: ADMIN_ONLY }] },
  'routes/audit.tsx': { probes: [{ url: () => '/audit', get: STAFF_ONLY }] },
  'routes/audit[.]csv.ts': { probes: [{ url: () => '/audit.csv', get: STAFF_ONLY }] },
  'routes/caseload.tsx': {
    probes: [
      {
        url: () => '/caseload',
        get: by(TO_LOGIN, 403, 403, 200, 200, 403, 403),
        hidden: [{ text: (w) => w.fellowName, from: ['otherCoach'] }],
      },
    ],
  },
  'routes/coaching._index.tsx': {
    probes: [
      {
        url: () => '/coaching',
        get: FELLOWS_ONLY,
        hidden: [
          { text: (w) => w.privateNote, from: ['fellow', 'otherFellow'] },
          { text: (w) => w.sharedSummary, from: ['otherFellow'] },
        ],
      },
    ],
  },
  'routes/coaching.fellows.$fellowId.tsx': {
    probes: [
      { url: (w) => `/coaching/fellows/${w.fellowId}`, get: COACH_ONLY, post: { expect: COACH_ONLY_POST } },
      {
        // The other coach, on their own fellow's page, names the fellow's belief: not in this ledger.
        url: (w) => `/coaching/fellows/${w.otherFellowId}`,
        get: by(TO_LOGIN, 404, 404, 404, 200, 404, 404),
        post: {
          body: (w) => ({ intent: 'move-belief', beliefId: w.beliefId, to: 'exploring', evidence: 'access-matrix probe' }),
          expect: by(TO_LOGIN, 404, 404, 404, 404, 404, 404),
        },
        hidden: [{ text: (w) => w.privateNote, from: ['otherCoach'] }],
      },
    ],
  },
  'routes/coaching.sessions.$sessionId.tsx': {
    probes: [{ url: (w) => `/coaching/sessions/${w.sessionId}`, get: COACH_ONLY, post: { expect: COACH_ONLY_POST } }],
  },
  'routes/forgot-password.tsx': { probes: [{ url: () => '/forgot-password', get: ANONYMOUS_ONLY, post: { expect: PUBLIC_POST } }] },
  'routes/healthz.ts': { probes: [{ url: () => '/healthz', get: all(200) }] },
  'routes/home.tsx': { probes: [{ url: () => '/home', get: FELLOWS_ONLY }] },
  'routes/invitations.$token.tsx': tokenRoute('/invitations'),
  'routes/learn.$slug.tsx': {
    probes: [
      { url: (w) => `/learn/${w.moduleSlug}`, get: SIGNED_IN, post: { expect: FELLOWS_ONLY_POST } },
      {
        // Year two is not open to a year-one fellow; a refusal looks like a missing page.
        url: (w) => `/learn/${w.laterModuleSlug}`,
        get: by(TO_LOGIN, 404, 404, 200, 200, 200, 200),
        post: { expect: by(TO_LOGIN, 404, 404, 403, 403, 403, 403) },
      },
    ],
  },
  'routes/learn._index.tsx': { probes: [{ url: () => '/learn', get: SIGNED_IN }] },
  'routes/two-factor.tsx': {
    note: 'Only a session between password and code stays here (second-factor.test.ts); a signed-in actor is sent home.',
    probes: [{ url: () => '/two-factor', get: { ...HOMES, anonymous: TO_LOGIN }, post: { expect: SIGNED_IN_POST } }],
  },
  'routes/two-factor_.setup.tsx': {
    note: 'Right after the password, or after re-authentication: everyone here signed in moments ago.',
    probes: [{ url: () => '/two-factor/setup', get: SIGNED_IN, post: { expect: SIGNED_IN_POST } }],
  },
  'routes/login.tsx': { probes: [{ url: () => '/login', get: ANONYMOUS_ONLY, post: { expect: PUBLIC_POST } }] },
  'routes/logout.tsx': {
    note: 'GET only sends home; POST ends whatever session there is, so each actor signs in anew for it.',
    probes: [{ url: () => '/logout', get: all(redirectTo('/')), post: { expect: all(redirectTo('/login')), freshSession: true } }],
  },
  'routes/markdown-preview.ts': {
    note: 'A resource route for the submission editor: any signed-in person may preview Markdown; GET is a 404.',
    probes: [{ url: () => '/markdown-preview', get: all(404), post: { expect: SIGNED_IN_POST } }],
  },
  'routes/modules.$file.ts': {
    probes: [
      { url: (w) => `/modules/${w.moduleFile}`, get: SIGNED_IN },
      { url: (w) => `/modules/${w.laterModuleFile}`, get: by(TO_LOGIN, 404, 404, 200, 200, 200, 200) },
    ],
  },
  'routes/notifications.tsx': {
    probes: [
      {
        url: () => '/notifications',
        get: SIGNED_IN,
        post: { expect: SIGNED_IN_POST },
        hidden: [{ text: (w) => w.notificationTitle, from: ['otherFellow', 'coach', 'otherCoach', 'staff', 'admin'] }],
      },
    ],
  },
  'routes/reset-password.$token.tsx': tokenRoute('/reset-password'),
  'routes/review.tsx': { probes: [{ url: () => '/review', get: by(TO_LOGIN, 403, 403, 200, 200, 200, 200) }] },
  'routes/staff._index.tsx': { probes: [{ url: () => '/staff', get: STAFF_ONLY }] },
  'routes/staff.coaching.tsx': {
    probes: [{ url: () => '/staff/coaching', get: STAFF_ONLY, hidden: [{ text: (w) => w.privateNote, from: ['staff', 'admin'] }, { text: (w) => w.sharedSummary, from: ['staff', 'admin'] }] }],
  },
  'routes/staff.cohorts.$cohortId.heatmap.tsx': { probes: [{ url: (w) => `/staff/cohorts/${w.cohortId}/heatmap`, get: STAFF_ONLY }] },
  'routes/staff.cohorts.$cohortId.schedule.tsx': {
    probes: [{ url: (w) => `/staff/cohorts/${w.cohortId}/schedule`, get: STAFF_ONLY, post: { expect: STAFF_ONLY_POST } }],
  },
  'routes/staff.export[.]csv.ts': { probes: [{ url: () => '/staff/export.csv?kind=progress', get: STAFF_ONLY }] },
  'routes/staff.fellows.$fellowId.tsx': {
    probes: [{ url: (w) => `/staff/fellows/${w.fellowId}`, get: STAFF_ONLY, post: { expect: STAFF_ONLY_POST } }],
  },
  'routes/staff.invite.tsx': { probes: [{ url: () => '/staff/invite', get: STAFF_ONLY, post: { expect: STAFF_ONLY_POST } }] },
  'routes/staff.pairings.tsx': { probes: [{ url: () => '/staff/pairings', get: STAFF_ONLY, post: { expect: STAFF_ONLY_POST } }] },
  'routes/staff.people.tsx': { probes: [{ url: () => '/staff/people', get: STAFF_ONLY, post: { expect: STAFF_ONLY_POST } }] },
  'routes/staff.reports.tsx': { probes: [{ url: () => '/staff/reports', get: STAFF_ONLY }] },
  'routes/staff.roster.template[.]csv.ts': { probes: [{ url: () => '/staff/roster/template.csv', get: STAFF_ONLY }] },
  'routes/staff.roster.tsx': { probes: [{ url: () => '/staff/roster', get: STAFF_ONLY, post: { expect: STAFF_ONLY_POST } }] },
  'routes/submissions.$id.files.$fileId.ts': {
    probes: [
      { url: (w) => `/submissions/${w.submissionId}/files/${w.fileId}`, get: FELLOW_WORK },
      {
        // The fellow's file asked for through the other fellow's submission, which its own people may open.
        url: (w) => `/submissions/${w.otherSubmissionId}/files/${w.fileId}`,
        get: by(TO_LOGIN, 404, 404, 404, 404, 404, 404),
      },
    ],
  },
  'routes/submissions.$id.tsx': {
    probes: [
      {
        url: (w) => `/submissions/${w.submissionId}`,
        get: FELLOW_WORK,
        // Reviewers post too (accept, return); the probe body is invalid for everyone.
        post: { expect: by(TO_LOGIN, ALLOWED, 404, ALLOWED, 404, ALLOWED, ALLOWED) },
      },
      {
        // The other fellow, on their own submission, asks to remove the fellow's file: not attached here.
        url: (w) => `/submissions/${w.otherSubmissionId}`,
        get: by(TO_LOGIN, 404, 200, 404, 200, 200, 200),
        post: {
          body: (w) => ({ intent: 'remove-file', fileId: w.fileId }),
          expect: by(TO_LOGIN, 404, 404, 404, 403, 403, 403),
        },
      },
    ],
  },
  'routes/submissions._index.tsx': {
    note: 'GET only sends to /home (which then asks for sign-in). A fellow POSTing a module slug opens their own submission.',
    probes: [
      {
        url: () => '/submissions',
        get: all(redirectTo('/home')),
        post: { body: (w) => ({ moduleSlug: w.moduleSlug }), expect: FELLOWS_ONLY_POST },
      },
    ],
  },
  'routes/tools._index.tsx': {
    note: 'A fellow always sees their own tools: ?fellow= is ignored for fellows, so the other fellow gets a 200 of their own (empty) page, not the fellow’s.',
    probes: [
      { url: () => '/tools', get: FELLOWS_ONLY },
      {
        url: (w) => `/tools?fellow=${w.fellowId}`,
        get: by(TO_LOGIN, 200, 200, 200, 404, 200, 200),
        hidden: [{ text: (w) => w.auditTitle, from: ['otherFellow'] }],
      },
    ],
  },
  'routes/tools.audits.$id.tsx': {
    probes: [
      { url: (w) => `/tools/audits/${w.auditId}`, get: FELLOW_WORK, post: { expect: FELLOW_WORK_POST } },
      // An artifact asked for as the wrong kind is missing for everyone.
      { url: (w) => `/tools/audits/${w.fishboneId}`, get: by(TO_LOGIN, 404, 404, 404, 404, 404, 404), post: { expect: by(TO_LOGIN, 404, 404, 404, 404, 404, 404) } },
    ],
  },
  'routes/tools.audits.$id[.]csv.ts': { probes: [{ url: (w) => `/tools/audits/${w.auditId}.csv`, get: FELLOW_WORK }] },
  'routes/tools.audits.$id_.shared.tsx': { probes: [{ url: (w) => `/tools/audits/${w.auditId}/shared`, get: FELLOW_WORK }] },
  'routes/tools.audits.new.tsx': { probes: [{ url: () => '/tools/audits/new', get: FELLOWS_ONLY, post: { expect: FELLOWS_ONLY_POST } }] },
  'routes/tools.audits.template[.]csv.ts': { probes: [{ url: () => '/tools/audits/template.csv', get: SIGNED_IN }] },
  'routes/tools.fishbones.$id.tsx': { probes: [{ url: (w) => `/tools/fishbones/${w.fishboneId}`, get: FELLOW_WORK, post: { expect: FELLOW_WORK_POST } }] },
  'routes/tools.fishbones.$id[.]svg.ts': { probes: [{ url: (w) => `/tools/fishbones/${w.fishboneId}.svg`, get: FELLOW_WORK }] },
  'routes/tools.fishbones.new.tsx': { probes: [{ url: () => '/tools/fishbones/new', get: FELLOWS_ONLY, post: { expect: FELLOWS_ONLY_POST } }] },
  'routes/tools.pdsa.$id.tsx': { probes: [{ url: (w) => `/tools/pdsa/${w.pdsaId}`, get: FELLOW_WORK, post: { expect: FELLOW_WORK_POST } }] },
  'routes/tools.pdsa.$id_.cycles.$number.tsx': {
    probes: [{ url: (w) => `/tools/pdsa/${w.pdsaId}/cycles/${w.cycleNumber}`, get: FELLOW_WORK, post: { expect: FELLOW_WORK_POST } }],
  },
  'routes/tools.pdsa.new.tsx': { probes: [{ url: () => '/tools/pdsa/new', get: FELLOWS_ONLY, post: { expect: FELLOWS_ONLY_POST } }] },
}
