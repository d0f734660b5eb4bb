import { relations, sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const createdAt = () => timestamptz('created_at').notNull().defaultNow()
const updatedAt = () => timestamptz('updated_at').notNull().defaultNow()

// ── Accounts ────────────────────────────────────────────────────────────────

export const roleEnum = pgEnum('role', ['fellow', 'coach', 'staff', 'admin'])
export const userStatusEnum = pgEnum('user_status', ['invited', 'active', 'deactivated'])
export const notificationPreferenceEnum = pgEnum('notification_preference', [
  'immediate',
  'digest',
  'none',
])

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    status: userStatusEnum('status').notNull().default('invited'),
    passwordHash: text('password_hash'),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamptz('locked_until'),
    lastSignInAt: timestamptz('last_sign_in_at'),
    notificationPreference: notificationPreferenceEnum('notification_preference')
      .notNull()
      .default('immediate'),
    lastDigestAt: timestamptz('last_digest_at'),
    /** The TOTP key, AES-256-GCM encrypted with TOTP_ENCRYPTION_KEY; null until the second factor is set up. */
    totpKey: text('totp_key'),
    /** The last 30-second step whose code was accepted: a code works once. */
    totpLastStep: integer('totp_last_step'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_role_idx').on(t.role)],
)

/** Session ids are the SHA-256 of the token the browser holds; the token itself is never stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamptz('expires_at').notNull(),
    createdAt: createdAt(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    /** Idle sessions end: see judgeSession. Written at most once a minute. */
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    /** False between the password and the code, for accounts with a second factor. */
    secondFactorVerified: boolean('second_factor_verified').notNull().default(false),
    /** Wrong codes in this sign-in; at SECOND_FACTOR_ATTEMPTS the session is ended. */
    secondFactorFailures: integer('second_factor_failures').notNull().default(0),
    /** When the password (and code) were last asked again, before a change to email, password or second factor. */
    reauthenticatedAt: timestamptz('reauthenticated_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Single-use recovery codes for the second factor; only their SHA-256 is stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_code_key').on(t.userId, t.codeHash)],
)

export const authTokenKindEnum = pgEnum('auth_token_kind', ['invitation', 'password_reset'])

/** Single-use links (invitation, password reset); id is the SHA-256 of the emailed token. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: authTokenKindEnum('kind').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('auth_tokens_user_idx').on(t.userId)],
)

/** Every sign-in attempt, for per-address throttling and the security record. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ipAddress: text('ip_address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sign_in_attempts_ip_idx').on(t.ipAddress, t.createdAt)],
)

// ── Academy structure ───────────────────────────────────────────────────────

export const stateEnum = pgEnum('state', ['MD', 'NJ'])

export const leas = pgTable(
  'leas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    state: stateEnum('state').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('leas_state_name_key').on(t.state, t.name)],
)

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leaId: uuid('lea_id')
      .notNull()
      .references(() => leas.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('schools_lea_name_key').on(t.leaId, t.name)],
)

export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The calendar year in which the cohort's first school year begins (September). */
    startYear: integer('start_year').notNull(),
    /** Expected coaching sessions per fellow per month. */
    coachingCadence: smallint('coaching_cadence').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cohorts_name_key').on(t.name)],
)

export const positionEnum = pgEnum('position', ['principal', 'assistant_principal'])
export const focusAreaEnum = pgEnum('focus_area', ['literacy', 'mathematics'])

export const fellows = pgTable(
  'fellows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'restrict' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'restrict' }),
    position: positionEnum('position').notNull(),
    programYear: smallint('program_year').notNull(),
    /** Principals: the school improvement plan area of their problem of practice. */
    focusArea: focusAreaEnum('focus_area'),
    /** Assistant principals: the one school project they carry through year two. */
    projectTitle: text('project_title'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('fellows_user_key').on(t.userId),
    index('fellows_cohort_idx').on(t.cohortId),
    index('fellows_school_idx').on(t.schoolId),
  ],
)

/** Pairings keep their history: a re-pairing ends the old row and starts a new one. */
export const coachAssignments = pgTable(
  'coach_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fellowId: uuid('fellow_id')
      .notNull()
      .references(() => fellows.id, { onDelete: 'cascade' }),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('coach_assignments_coach_idx').on(t.coachId),
    uniqueIndex('coach_assignments_one_current')
      .on(t.fellowId)
      .where(sql`${t.endsOn} is null`),
  ],
)

// ── Curriculum ──────────────────────────────────────────────────────────────

export const trackEnum = pgEnum('track', ['all', 'principal', 'assistant-principal'])

/** Synced from content/ at start-up; the MDX itself lives in the compiled manifest. */
export const modules = pgTable(
  'modules',
  {
    slug: text('slug').primaryKey(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    title: text('title').notNull(),
    strand: text('strand').notNull(),
    track: trackEnum('track').notNull().default('all'),
    minutes: integer('minutes').notNull(),
    assignmentId: text('assignment_id').notNull(),
    sectionCount: smallint('section_count').notNull(),
    contentHash: text('content_hash').notNull(),
    syncedAt: timestamptz('synced_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('modules_year_month_track_key').on(t.year, t.month, t.track)],
)

export const moduleSchedule = pgTable(
  'module_schedule',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    moduleSlug: text('module_slug')
      .notNull()
      .references(() => modules.slug, { onDelete: 'cascade' }),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.moduleSlug] })],
)

export const moduleProgress = pgTable(
  'module_progress',
  {
    fellowId: uuid('fellow_id')
      .notNull()
      .references(() => fellows.id, { onDelete: 'cascade' }),
    moduleSlug: text('module_slug')
      .notNull()
      .references(() => modules.slug, { onDelete: 'cascade' }),
    sectionsDone: text('sections_done').array().notNull().default(sql`'{}'::text[]`),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    completedAt: timestamptz('completed_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.fellowId, t.moduleSlug] }),
    // Completed modules per fellow for the staff overview, read from the index alone.
    index('module_progress_completed_idx').on(t.fellowId, t.moduleSlug).where(sql`${t.completedAt} is not null`),
  ],
)

/**
 * One fellow's own record of work on the modules of their track, the facts every staff figure
 * counts: kept by triggers on module_progress, submissions, coaching_sessions, fellows and modules
 * (migrations 0007, 0008; docs/decisions/0015), so the staff overview reads one row per fellow
 * instead of every completion, hand-in and session of the academy. Schedules and "today" are
 * applied when read (~/domain/standing), so nothing here goes stale when a calendar changes or a
 * day passes.
 */
export const fellowStanding = pgTable('fellow_standing', {
  fellowId: uuid('fellow_id')
    .primaryKey()
    .references(() => fellows.id, { onDelete: 'cascade' }),
  /**
   * One bit per module (moduleBit: year and month) for completed, handed in and awaiting review,
   * and the Eastern day numbers of the hand-ins in bit order (ModuleWork). Four integers and a
   * short array where a json object per slug was 3.6 MB for 10,000 fellows to send and parse.
   */
  doneBits: integer('done_bits').notNull().default(0),
  handedBits: integer('handed_bits').notNull().default(0),
  awaitingBits: integer('awaiting_bits').notNull().default(0),
  handedDays: integer('handed_days').array().notNull().default(sql`'{}'::integer[]`),
  /** Reviews given on all their submissions, and the seconds those reviews took (submissions.reviews, review_seconds). */
  reviews: integer('reviews').notNull().default(0),
  reviewSeconds: doublePrecision('review_seconds').notNull().default(0),
  /** Their latest logged (not draft) coaching session. */
  lastSessionOn: date('last_session_on', { mode: 'string' }),
})

/** Answers key on module slug + prompt id, so editing a module's text never loses them. */
export const promptResponses = pgTable(
  'prompt_responses',
  {
    fellowId: uuid('fellow_id')
      .notNull()
      .references(() => fellows.id, { onDelete: 'cascade' }),
    moduleSlug: text('module_slug').notNull(),
    promptId: text('prompt_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.fellowId, t.moduleSlug, t.promptId] })],
)

// ── Improvement artifacts ───────────────────────────────────────────────────

export const artifactKindEnum = pgEnum('artifact_kind', ['equity_audit', 'fishbone', 'pdsa'])

/** The common record of a fellow's improvement artifact; each tool keeps its detail beside it. */
export const artifacts = pgTable(
  'artifacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fellowId: uuid('fellow_id')
      .notNull()
      .references(() => fellows.id, { onDelete: 'cascade' }),
    kind: artifactKindEnum('kind').notNull(),
    title: text('title').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('artifacts_fellow_idx').on(t.fellowId)],
)

export const causeLocusEnum = pgEnum('cause_locus', ['people', 'system'])
export const pdsaActEnum = pgEnum('pdsa_act', ['adopt', 'adapt', 'abandon'])

/** An equity audit of one school year: settings of the engine (34 CFR 300.647) beside its artifact. */
export const equityAudits = pgTable('equity_audits', {
  artifactId: uuid('artifact_id')
    .primaryKey()
    .references(() => artifacts.id, { onDelete: 'cascade' }),
  schoolYear: text('school_year').notNull(),
  minCell: smallint('min_cell').notNull().default(10),
  minN: smallint('min_n').notNull().default(30),
  threshold: doublePrecision('threshold').notNull().default(2),
})

/** One indicator of an audit (suspension, chronic absence, …) and its district or state comparison risk. */
export const equityAuditIndicators = pgTable(
  'equity_audit_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    artifactId: uuid('artifact_id')
      .notNull()
      .references(() => artifacts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Risk from outside the school for the alternate risk ratio, 0–1, and where it came from. */
    alternateRisk: doublePrecision('alternate_risk'),
    alternateSource: text('alternate_source').notNull().default(''),
    position: smallint('position').notNull().default(0),
  },
  (t) => [uniqueIndex('equity_audit_indicators_name_key').on(t.artifactId, t.name)],
)

/** Aggregate counts only: how many of a student group are enrolled and how many have the outcome. */
export const equityAuditCounts = pgTable(
  'equity_audit_counts',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => equityAuditIndicators.id, { onDelete: 'cascade' }),
    groupName: text('group_name').notNull(),
    enrolled: integer('enrolled').notNull(),
    withOutcome: integer('with_outcome').notNull(),
    position: smallint('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.groupName] })],
)

/** The qualitative side of an audit, one note per question (who is not served, whose voice is missing…). */
export const equityAuditNotes = pgTable(
  'equity_audit_notes',
  {
    artifactId: uuid('artifact_id')
      .notNull()
      .references(() => artifacts.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    body: text('body').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.artifactId, t.questionKey] })],
)

/** Causal system analysis: the problem at the head of the fish. */
export const fishbones = pgTable('fishbones', {
  artifactId: uuid('artifact_id')
    .primaryKey()
    .references(() => artifacts.id, { onDelete: 'cascade' }),
  problem: text('problem').notNull(),
})

export const fishboneBones = pgTable(
  'fishbone_bones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    artifactId: uuid('artifact_id')
      .notNull()
      .references(() => artifacts.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    position: smallint('position').notNull().default(0),
  },
  (t) => [index('fishbone_bones_artifact_idx').on(t.artifactId)],
)

/** A cause on a bone (or under another cause), tagged by where it locates the problem. */
export const fishboneCauses = pgTable(
  'fishbone_causes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boneId: uuid('bone_id')
      .notNull()
      .references(() => fishboneBones.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => fishboneCauses.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    locus: causeLocusEnum('locus').notNull(),
    evidence: text('evidence').notNull().default(''),
    position: smallint('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('fishbone_causes_bone_idx').on(t.boneId)],
)

/** A chain of PDSA cycles on the fellow's problem of practice (principals) or project (assistant principals). */
export const pdsaRamps = pgTable('pdsa_ramps', {
  artifactId: uuid('artifact_id')
    .primaryKey()
    .references(() => artifacts.id, { onDelete: 'cascade' }),
  problem: text('problem').notNull(),
  aim: text('aim').notNull().default(''),
  /** The causal system analysis this work grew from, when the fellow made one. */
  fishboneId: uuid('fishbone_id').references(() => artifacts.id, { onDelete: 'set null' }),
})

export const pdsaCycles = pgTable(
  'pdsa_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    artifactId: uuid('artifact_id')
      .notNull()
      .references(() => artifacts.id, { onDelete: 'cascade' }),
    number: smallint('number').notNull(),
    changeIdea: text('change_idea').notNull(),
    prediction: text('prediction').notNull().default(''),
    planWho: text('plan_who').notNull().default(''),
    planWhat: text('plan_what').notNull().default(''),
    planWhen: text('plan_when').notNull().default(''),
    planWhere: text('plan_where').notNull().default(''),
    planMeasures: text('plan_measures').notNull().default(''),
    doNotes: text('do_notes').notNull().default(''),
    studyNotes: text('study_notes').notNull().default(''),
    act: pdsaActEnum('act'),
    actNotes: text('act_notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('pdsa_cycles_number_key').on(t.artifactId, t.number)],
)

export const pdsaMeasures = pgTable(
  'pdsa_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    artifactId: uuid('artifact_id')
      .notNull()
      .references(() => artifacts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit').notNull().default(''),
    position: smallint('position').notNull().default(0),
  },
  (t) => [index('pdsa_measures_artifact_idx').on(t.artifactId)],
)

export const pdsaDataPoints = pgTable(
  'pdsa_data_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => pdsaMeasures.id, { onDelete: 'cascade' }),
    cycleId: uuid('cycle_id').references(() => pdsaCycles.id, { onDelete: 'set null' }),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('pdsa_data_points_measure_idx').on(t.measureId, t.observedOn)],
)

// ── Submissions and review ──────────────────────────────────────────────────

export const submissionStatusEnum = pgEnum('submission_status', [
  'draft',
  'submitted',
  'returned',
  'resubmitted',
  'accepted',
])

export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fellowId: uuid('fellow_id')
      .notNull()
      .references(() => fellows.id, { onDelete: 'cascade' }),
    moduleSlug: text('module_slug')
      .notNull()
      .references(() => modules.slug, { onDelete: 'restrict' }),
    assignmentId: text('assignment_id').notNull(),
    status: submissionStatusEnum('status').notNull().default('draft'),
    body: text('body').notNull().default(''),
    submittedAt: timestamptz('submitted_at'),
    /**
     * Review turnaround, summed as events are recorded (the submission_events trigger of migration
     * 0006, docs/decisions/0014): the latest hand-in, reviews given, and the seconds each review
     * took from the hand-in it answered. The staff overview reads these instead of every event.
     */
    lastHandedInAt: timestamptz('last_handed_in_at'),
    reviews: integer('reviews').notNull().default(0),
    reviewSeconds: doublePrecision('review_seconds').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('submissions_fellow_assignment_key').on(t.fellowId, t.assignmentId),
    index('submissions_status_idx').on(t.status),
    // Staff overview, heat map, review turnaround, progress export: index-only, no reading of bodies.
    index('submissions_fellow_module_idx').on(t.fellowId, t.moduleSlug, t.status, t.submittedAt, t.id),
    // The staff overview's review turnaround per fellow, without reading the bodies beside the sums.
    index('submissions_review_sums_idx').on(t.fellowId, t.reviews, t.reviewSeconds).where(sql`${t.reviews} > 0`),
  ],
)

export const submissionEvents = pgTable(
  'submission_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    fromStatus: submissionStatusEnum('from_status'),
    toStatus: submissionStatusEnum('to_status').notNull(),
    feedback: text('feedback'),
    createdAt: createdAt(),
  },
  (t) => [index('submission_events_submission_idx').on(t.submissionId)],
)

export const submissionArtifacts = pgTable(
  'submission_artifacts',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    artifactId: uuid('artifact_id')
      .notNull()
      .references(() => artifacts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.artifactId] })],
)

export const submissionFiles = pgTable(
  'submission_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('submission_files_submission_idx').on(t.submissionId)],
)

// ── Coaching ────────────────────────────────────────────────────────────────

export const modalityEnum = pgEnum('modality', ['in_person', 'video', 'phone'])

export const coachingSessions = pgTable(
  'coaching_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    fellowId: uuid('fellow_id')
      .notNull()
      .references(() => fellows.id, { onDelete: 'cascade' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    modality: modalityEnum('modality').notNull(),
    focus: text('focus').array().notNull().default(sql`'{}'::text[]`),
    /** The coach's own notes: nobody else, staff included, ever reads these. */
    privateNotes: text('private_notes').notNull().default(''),
    sharedSummary: text('shared_summary').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    isDraft: boolean('is_draft').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('coaching_sessions_fellow_idx').on(t.fellowId, t.heldOn),
    index('coaching_sessions_coach_idx').on(t.coachId, t.heldOn),
    // Counts of logged sessions (staff overview, coaching export) skip drafts without reading the notes.
    index('coaching_sessions_logged_idx').on(t.fellowId, t.heldOn).where(sql`not ${t.isDraft}`),
    // Sessions logged this month, academy-wide (staff overview): a range of days, not every fellow's history.
    index('coaching_sessions_logged_on_idx').on(t.heldOn, t.fellowId).where(sql`not ${t.isDraft}`),
  ],
)

export const coachingSessionRevisions = pgTable('coaching_session_revisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  sessionId: uuid('session_id')
    .notNull()
    .references(() => coachingSessions.id, { onDelete: 'cascade' }),
  editorId: uuid('editor_id').references(() => users.id, { onDelete: 'set null' }),
  snapshot: jsonb('snapshot').notNull(),
  createdAt: createdAt(),
})

export const beliefDomainEnum = pgEnum('belief_domain', [
  'students',
  'families',
  'staff',
  'self_as_leader',
  'system',
])
export const beliefStatusEnum = pgEnum('belief_status', [
  'surfaced',
  'exploring',
  'shifting',
  'shifted',
])

export const limitingBeliefs = pgTable(
  'limiting_beliefs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fellowId: uuid('fellow_id')
      .notNull()
      .references(() => fellows.id, { onDelete: 'cascade' }),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    belief: text('belief').notNull(),
    domain: beliefDomainEnum('domain').notNull(),
    evidence: text('evidence').notNull().default(''),
    status: beliefStatusEnum('status').notNull().default('surfaced'),
    sharedWithFellow: boolean('shared_with_fellow').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('limiting_beliefs_fellow_idx').on(t.fellowId)],
)

export const beliefUpdates = pgTable(
  'belief_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    beliefId: uuid('belief_id')
      .notNull()
      .references(() => limitingBeliefs.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => coachingSessions.id, { onDelete: 'set null' }),
    fromStatus: beliefStatusEnum('from_status'),
    toStatus: beliefStatusEnum('to_status').notNull(),
    evidence: text('evidence').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('belief_updates_belief_idx').on(t.beliefId)],
)

export const coachingSessionBeliefs = pgTable(
  'coaching_session_beliefs',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => coachingSessions.id, { onDelete: 'cascade' }),
    beliefId: uuid('belief_id')
      .notNull()
      .references(() => limitingBeliefs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.beliefId] })],
)

// ── Messages and records ────────────────────────────────────────────────────

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    link: text('link'),
    /** Scheduled notices (a module opens, work is due) are made once per user and subject. */
    dedupeKey: text('dedupe_key'),
    readAt: timestamptz('read_at'),
    /** Set when the notice went out by email, immediately or in a digest. */
    emailedAt: timestamptz('emailed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_user_dedupe_key').on(t.userId, t.dedupeKey),
  ],
)

/** Every outgoing email. Without SMTP_URL it stays here and admins read it in the app. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    sentAt: timestamptz('sent_at'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_created_idx').on(t.createdAt)],
)

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ipAddress: text('ip_address'),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt), index('audit_log_actor_idx').on(t.actorId)],
)

// ── Relations ───────────────────────────────────────────────────────────────

export const usersRelations = relations(users, ({ many, one }) => ({
  sessions: many(sessions),
  fellow: one(fellows, { fields: [users.id], references: [fellows.userId] }),
}))

export const leasRelations = relations(leas, ({ many }) => ({ schools: many(schools) }))

export const schoolsRelations = relations(schools, ({ one, many }) => ({
  lea: one(leas, { fields: [schools.leaId], references: [leas.id] }),
  fellows: many(fellows),
}))

export const cohortsRelations = relations(cohorts, ({ many }) => ({
  fellows: many(fellows),
  schedule: many(moduleSchedule),
}))

export const fellowsRelations = relations(fellows, ({ one, many }) => ({
  user: one(users, { fields: [fellows.userId], references: [users.id] }),
  cohort: one(cohorts, { fields: [fellows.cohortId], references: [cohorts.id] }),
  school: one(schools, { fields: [fellows.schoolId], references: [schools.id] }),
  coachAssignments: many(coachAssignments),
  progress: many(moduleProgress),
  submissions: many(submissions),
  artifacts: many(artifacts),
}))

export const coachAssignmentsRelations = relations(coachAssignments, ({ one }) => ({
  fellow: one(fellows, { fields: [coachAssignments.fellowId], references: [fellows.id] }),
  coach: one(users, { fields: [coachAssignments.coachId], references: [users.id] }),
}))

export const submissionsRelations = relations(submissions, ({ one, many }) => ({
  fellow: one(fellows, { fields: [submissions.fellowId], references: [fellows.id] }),
  events: many(submissionEvents),
  files: many(submissionFiles),
  artifacts: many(submissionArtifacts),
}))

export const limitingBeliefsRelations = relations(limitingBeliefs, ({ many }) => ({
  updates: many(beliefUpdates),
}))

export type User = typeof users.$inferSelect
export type Role = (typeof roleEnum.enumValues)[number]
export type State = (typeof stateEnum.enumValues)[number]
export type Position = (typeof positionEnum.enumValues)[number]
export type Fellow = typeof fellows.$inferSelect
