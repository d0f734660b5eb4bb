import { z } from 'zod'
import { daysBetween } from './schedule'

export const BELIEF_STATUSES = ['surfaced', 'exploring', 'shifting', 'shifted'] as const
export type BeliefStatus = (typeof BELIEF_STATUSES)[number]
export const BELIEF_DOMAINS = ['students', 'families', 'staff', 'self_as_leader', 'system'] as const
export type BeliefDomain = (typeof BELIEF_DOMAINS)[number]
export const MODALITIES = ['in_person', 'video', 'phone'] as const
export const FOCUS_CONCEPTS = ['equity', 'instruction', 'improvement'] as const

export const BELIEF_STATUS_LABELS: Record<BeliefStatus, string> = {
  surfaced: 'Surfaced',
  exploring: 'Exploring',
  shifting: 'Shifting',
  shifted: 'Shifted',
}
export const BELIEF_DOMAIN_LABELS: Record<BeliefDomain, string> = {
  students: 'About students',
  families: 'About families',
  staff: 'About staff',
  self_as_leader: 'About self as leader',
  system: 'About the system',
}
export const MODALITY_LABELS = { in_person: 'In person', video: 'Video', phone: 'Phone' } as const

/**
 * A belief moves one step at a time along surfaced → exploring → shifting → shifted, forward or
 * back (beliefs slide back under pressure; the ledger should say so honestly).
 */
export function canMoveBelief(from: BeliefStatus, to: BeliefStatus) {
  return Math.abs(BELIEF_STATUSES.indexOf(from) - BELIEF_STATUSES.indexOf(to)) === 1
}

export const NO_SESSION_DAYS = 30

/** "No session in 30+ days": counted from the last session, or from the pairing if none yet. */
export function needsSession(args: { lastSessionOn: string | null; pairedSince: string; today: string }) {
  return daysBetween(args.lastSessionOn ?? args.pairedSince, args.today) >= NO_SESSION_DAYS
}

export type Cadence = { held: number; expected: number; met: boolean }

export function cadence(sessionsThisMonth: number, expectedPerMonth: number): Cadence {
  return { held: sessionsThisMonth, expected: expectedPerMonth, met: sessionsThisMonth >= expectedPerMonth }
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as a calendar date.')

/** A session as the coach logs it; drafts may be incomplete, a logged session may not. */
export const SessionSchema = z.object({
  heldOn: isoDate,
  minutes: z.coerce.number({ invalid_type_error: 'Give the length in minutes.' }).int('Give whole minutes.').min(5, 'A session is at least 5 minutes.').max(480, 'A session is at most 8 hours (480 minutes).'),
  modality: z.enum(MODALITIES, { errorMap: () => ({ message: 'Choose in person, video or phone.' }) }),
  focus: z.array(z.string().max(80)).max(10).default([]),
  privateNotes: z.string().max(20_000, 'Keep private notes under 20,000 characters.').default(''),
  sharedSummary: z.string().max(10_000, 'Keep the shared summary under 10,000 characters.').default(''),
  nextSteps: z.string().max(10_000, 'Keep next steps under 10,000 characters.').default(''),
  beliefIds: z.array(z.string().uuid()).max(50).default([]),
})

export type SessionInput = z.infer<typeof SessionSchema>

export const BeliefSchema = z.object({
  belief: z.string({ required_error: 'Write the belief in the fellow’s words.' }).trim().min(3, 'Write the belief in the fellow’s words.').max(1000),
  domain: z.enum(BELIEF_DOMAINS, { errorMap: () => ({ message: 'Choose what the belief is about.' }) }),
  evidence: z.string().trim().max(5000).default(''),
  shared: z.enum(['on']).optional(),
})
