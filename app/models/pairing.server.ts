import { and, eq, isNull } from 'drizzle-orm'
import { coachAssignments, fellows } from '../../db/schema'

/** Join condition for a fellow's current pairing (the one row with no end date). */
export const currentPairing = and(eq(coachAssignments.fellowId, fellows.id), isNull(coachAssignments.endsOn))
