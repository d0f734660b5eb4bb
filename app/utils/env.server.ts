import { z } from 'zod'

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public address of the app, used in emailed links. */
  APP_URL: z.string().url().default('http://localhost:3000'),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default('data/pglite'),
  /** Where submission attachments are stored. */
  UPLOAD_DIR: z.string().default('data/uploads'),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('SILA Academy <no-reply@sila.localhost>'),
  /** Seed the demo academy into an empty database at start-up (always on for embedded PGlite). */
  SEED_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** Behind a proxy (production), trust X-Forwarded-For for the client's address. */
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** 32 random bytes, base64: encrypts second-factor keys at rest. Required when APP_URL is https. */
  TOTP_ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, {
      message: 'must be 32 random bytes in base64, e.g. from `openssl rand -base64 32`',
    }),
  /** Sessions of staff, admins and coaches end after this many hours without a request. */
  SESSION_IDLE_HOURS: z.coerce.number().positive().max(720).default(12),
  /** The same for fellows, who often come back to a module after days. */
  SESSION_IDLE_HOURS_FELLOW: z.coerce.number().positive().max(720).default(168),
}).refine((env) => !env.APP_URL.startsWith('https:') || env.TOTP_ENCRYPTION_KEY !== undefined, {
  path: ['TOTP_ENCRYPTION_KEY'],
  message: 'is required when the app is served over https (generate one with `openssl rand -base64 32`)',
})

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

/** Reads and validates the environment once; a bad value stops start-up with a plain message. */
export function getEnv(): Env {
  if (cached) return cached
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment (see .env.example):\n${problems.join('\n')}`)
  }
  cached = parsed.data
  return cached
}

/** Served over HTTPS: cookies take the __Host- prefix. */
export function servedOverHttps() {
  return getEnv().APP_URL.startsWith('https:')
}
