import type { Role } from '~/domain/roles'
import {
  INVITATION_LIFETIME_MS,
  judgeSingleUseToken,
  PASSWORD_RESET_LIFETIME_MS,
  type TokenVerdict,
} from '~/domain/session-rules'
import {
  accountLockoutMs,
  ADDRESS_WINDOW_MS,
  addressIsThrottled,
  describeWait,
} from '~/domain/sign-in-throttle'
import { writeAudit } from '~/models/audit-log.server'
import {
  consumeAuthToken,
  getAuthToken,
  insertAuthToken,
  revokeUnusedTokens,
} from '~/models/auth-token.server'
import { deleteUserSessions } from '~/models/session.server'
import { countFailuresFromAddress, recordSignInAttempt } from '~/models/sign-in-attempt.server'
import {
  createInvitedUser,
  getUserByEmail,
  getUserForSignIn,
  normaliseEmail,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  setEmail,
  setPassword,
} from '~/models/user.server'
import { absoluteUrl, sendMail } from './mail.server'
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.server'
import { clientAddress } from './request.server'
import { generateToken, hashToken } from './token.server'

export type SignInResult =
  | { ok: true; user: { id: string; role: Role; secondFactorEnabled: boolean } }
  | { ok: false; status: 400 | 429; message: string }

const WRONG_CREDENTIALS = 'That email and password do not match an active account.'

/**
 * Checks a password with throttling per address (20 failures in 15 minutes) and per account
 * (a growing wait after 5 failures). The messages never say whether the email exists. Asking a
 * signed-in person for their password again (`purpose: 'reauthentication'`) goes through the same
 * throttle, under its own name in the audit log.
 */
export async function signIn(
  request: Request,
  email: string,
  password: string,
  purpose: 'sign_in' | 'reauthentication' = 'sign_in',
): Promise<SignInResult> {
  const ipAddress = clientAddress(request)
  const now = new Date()
  const addressFailures = await countFailuresFromAddress({
    ipAddress,
    since: new Date(now.getTime() - ADDRESS_WINDOW_MS),
  })
  if (addressIsThrottled(addressFailures)) {
    return { ok: false, status: 429, message: 'Too many failed sign-ins from your network. Wait 15 minutes and try again.' }
  }
  const user = await getUserForSignIn({ email })
  if (user?.lockedUntil && user.lockedUntil > now) {
    const wait = describeWait(user.lockedUntil.getTime() - now.getTime())
    return { ok: false, status: 429, message: `Too many failed attempts for this account. Try again in ${wait}, or reset your password.` }
  }
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await decoyPasswordHash(), password)
  const succeeded = Boolean(user && valid && user.status === 'active')
  await recordSignInAttempt({ email: normaliseEmail(email).slice(0, 320), ipAddress, succeeded })
  if (!user || !succeeded) {
    if (user) {
      const failures = user.failedSignIns + 1
      const lockout = accountLockoutMs(failures)
      await recordFailedSignIn({ id: user.id, lockedUntil: lockout ? new Date(now.getTime() + lockout) : null })
      await writeAudit({ actorId: user.id, action: `${purpose}.failed`, ipAddress, details: { failures } })
    }
    return { ok: false, status: 400, message: WRONG_CREDENTIALS }
  }
  await recordSuccessfulSignIn({ id: user.id })
  await writeAudit({ actorId: user.id, action: `${purpose}.succeeded`, ipAddress })
  return { ok: true, user: { id: user.id, role: user.role, secondFactorEnabled: user.secondFactorEnabled } }
}

async function issueToken(userId: string, kind: 'invitation' | 'password_reset', createdById: string | null) {
  await revokeUnusedTokens({ userId, kind })
  const token = generateToken()
  const lifetime = kind === 'invitation' ? INVITATION_LIFETIME_MS : PASSWORD_RESET_LIFETIME_MS
  await insertAuthToken({
    id: hashToken(token),
    userId,
    kind,
    expiresAt: new Date(Date.now() + lifetime),
    createdById,
  })
  return token
}

/** Emails an invited account a fresh 7-day, single-use link (earlier links stop working). Also used by the roster import. */
export async function sendInvitation({ user, inviter }: { user: { id: string; email: string; name: string }; inviter: { id: string | null; name: string } }) {
  const token = await issueToken(user.id, 'invitation', inviter.id)
  await sendMail({
    to: user.email,
    subject: 'You are invited to the SILA Academy',
    body: [
      `Hello ${user.name},`,
      '',
      `${inviter.name} has invited you to the School Improvement Leadership Academy platform.`,
      'Set your password and sign in here (the link works once, for 7 days):',
      absoluteUrl(`/invitations/${token}`),
    ].join('\n'),
  })
}

export type InviteResult = { ok: true; userId: string } | { ok: false; message: string }

/** Creates an invited account (or re-invites one that never accepted) and emails a 7-day link. */
export async function inviteUser(
  request: Request,
  inviter: { id: string; name: string },
  invitee: { email: string; name: string; role: Role },
): Promise<InviteResult> {
  const existing = await getUserByEmail({ email: invitee.email })
  if (existing && existing.status !== 'invited') {
    return { ok: false, message: 'An account with this email already exists.' }
  }
  const user = existing ?? (await createInvitedUser(invitee))
  await sendInvitation({ user, inviter })
  await writeAudit({
    actorId: inviter.id,
    action: existing ? 'user.reinvited' : 'user.invited',
    targetType: 'user',
    targetId: user.id,
    ipAddress: clientAddress(request),
    details: { role: user.role },
  })
  return { ok: true, userId: user.id }
}

export type TokenLookup =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: Exclude<TokenVerdict, 'ok'> | 'unknown' }

export async function lookUpToken(token: string, kind: 'invitation' | 'password_reset'): Promise<TokenLookup> {
  const row = await getAuthToken({ id: hashToken(token), kind })
  if (!row || row.user.status === 'deactivated') return { ok: false, reason: 'unknown' }
  const verdict = judgeSingleUseToken(row, new Date())
  if (verdict !== 'ok') return { ok: false, reason: verdict }
  return { ok: true, user: row.user }
}

/**
 * Uses an invitation or reset link to set a password. The link is consumed atomically, and every
 * existing session of the account ends.
 */
export async function redeemToken(
  request: Request,
  token: string,
  kind: 'invitation' | 'password_reset',
  password: string,
): Promise<TokenLookup> {
  const found = await lookUpToken(token, kind)
  if (!found.ok) return found
  if (!(await consumeAuthToken({ id: hashToken(token) }))) return { ok: false, reason: 'used' }
  await setPassword({ id: found.user.id, passwordHash: await hashPassword(password) })
  await deleteUserSessions({ userId: found.user.id })
  await writeAudit({
    actorId: found.user.id,
    action: kind === 'invitation' ? 'invitation.accepted' : 'password.reset',
    targetType: 'user',
    targetId: found.user.id,
    ipAddress: clientAddress(request),
  })
  return found
}

/** Always looks the same to the requester, whether or not the email has an account. */
export async function requestPasswordReset(request: Request, email: string) {
  const user = await getUserByEmail({ email })
  if (!user || user.status !== 'active') return
  const token = await issueToken(user.id, 'password_reset', null)
  await sendMail({
    to: user.email,
    subject: 'Reset your SILA Academy password',
    body: [
      `Hello ${user.name},`,
      '',
      'Someone asked to reset the password of your SILA Academy account. If it was you, choose a new',
      'password here (the link works once, for 1 hour):',
      absoluteUrl(`/reset-password/${token}`),
      '',
      'If it was not you, ignore this message: your password stays as it is.',
    ].join('\n'),
  })
  await writeAudit({ actorId: user.id, action: 'password.reset_requested', ipAddress: clientAddress(request) })
}

/** A new password ends every session, this one included; the caller signs the user in again. */
export async function replacePassword(request: Request, userId: string, newPassword: string) {
  await setPassword({ id: userId, passwordHash: await hashPassword(newPassword) })
  await deleteUserSessions({ userId })
  await writeAudit({ actorId: userId, action: 'password.changed', ipAddress: clientAddress(request) })
}

/**
 * Moves the account to a new address, and tells the old one, so a takeover cannot go unnoticed.
 * False when another account already has the address.
 */
export async function changeEmail(request: Request, user: { id: string; email: string; name: string }, newEmail: string) {
  const taken = await getUserByEmail({ email: newEmail })
  if (taken && taken.id !== user.id) return false
  await setEmail({ id: user.id, email: newEmail })
  await writeAudit({ actorId: user.id, action: 'email.changed', targetType: 'user', targetId: user.id, ipAddress: clientAddress(request) })
  await sendMail({
    to: user.email,
    subject: 'Your SILA Academy email address was changed',
    body: [
      `Hello ${user.name},`,
      '',
      `The email address of your SILA Academy account is now ${normaliseEmail(newEmail)}.`,
      'If you did not change it, contact academy staff at once.',
    ].join('\n'),
  })
  return true
}
