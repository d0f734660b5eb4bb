import { z } from 'zod'
import { ROLES } from './roles'

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 256

export const EmailSchema = z
  .string({ required_error: 'Enter your email address.' })
  .trim()
  .max(320, 'That email address is too long.')
  .email('Enter an email address like name@district.org.')

export const NewPasswordSchema = z
  .string({ required_error: 'Choose a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)

export const NameSchema = z
  .string({ required_error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(120, 'Use at most 120 characters.')

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z
    .string({ required_error: 'Enter your password.' })
    .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`),
  redirectTo: z.string().max(2000).optional(),
})

/** A new password typed twice; used by invitations, resets and the account page. */
export const SetPasswordSchema = z
  .object({ password: NewPasswordSchema, confirm: z.string({ required_error: 'Type the password again.' }) })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords do not match.', path: ['confirm'] })

export const InviteSchema = z.object({
  email: EmailSchema,
  name: NameSchema,
  role: z.enum(ROLES, { errorMap: () => ({ message: 'Choose a role.' }) }),
})

export const ForgotPasswordSchema = z.object({ email: EmailSchema })

/** Six digits from an authenticator app; the spaces and dashes some apps show are allowed. */
export const TotpCodeSchema = z
  .string({ required_error: 'Enter the 6-digit code from your authenticator app.' })
  .max(20, 'A code is 6 digits.')
  .refine((v) => /^\d{6}$/.test(v.replace(/[\s-]/g, '')), 'A code is 6 digits, from your authenticator app.')

export const RecoveryCodeSchema = z
  .string({ required_error: 'Enter one of your recovery codes.' })
  .max(40, 'A recovery code looks like abcde-fghij.')
