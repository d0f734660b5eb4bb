import type { Role } from './roles'

export type Actor = { id: string; role: Role }

/** What the server knows about a fellow when deciding who may see their work. */
export type FellowAccessContext = {
  fellowUserId: string
  /** The coach of the current pairing, if any. A coach whose pairing ended is not here. */
  currentCoachId: string | null
}

export function isStaffOrAdmin(actor: Actor) {
  return actor.role === 'staff' || actor.role === 'admin'
}

/** Who may read a fellow's progress, answers and artifacts (DESIGN.md, "who may see what"). */
export function canReadFellowWork(actor: Actor, fellow: FellowAccessContext) {
  if (isStaffOrAdmin(actor)) return true
  if (actor.role === 'fellow') return actor.id === fellow.fellowUserId
  if (actor.role === 'coach') return actor.id === fellow.currentCoachId
  return false
}

/** Only the fellow writes their own work. */
export function canWriteFellowWork(actor: Actor, fellow: FellowAccessContext) {
  return actor.role === 'fellow' && actor.id === fellow.fellowUserId
}

/** Accounts a user may change the role of: admins, and never their own. */
export function canChangeRole(actor: Actor, targetUserId: string) {
  return actor.role === 'admin' && actor.id !== targetUserId
}

/** Reviewers of a fellow's submissions: their current coach, and any staff or admin. */
export function canReviewFellowWork(actor: Actor, fellow: FellowAccessContext) {
  if (isStaffOrAdmin(actor)) return true
  return actor.role === 'coach' && actor.id === fellow.currentCoachId
}
