import nodemailer, { type Transporter } from 'nodemailer'
import { insertOutboxMessage, markOutboxMessage } from '~/models/outbox.server'
import { getEnv } from './env.server'

type Message = { to: string; subject: string; body: string }

let transport: Transporter | undefined

/**
 * Every message is written to the outbox first, so it is never lost and admins can read it in the
 * app. With SMTP_URL set it is then sent, and the outbox row records the result.
 */
export async function sendMail(message: Message) {
  const { id } = await insertOutboxMessage({
    toAddress: message.to,
    subject: message.subject,
    body: message.body,
  })
  const { SMTP_URL, MAIL_FROM } = getEnv()
  if (!SMTP_URL) return
  transport ??= nodemailer.createTransport(SMTP_URL)
  try {
    await transport.sendMail({ from: MAIL_FROM, to: message.to, subject: message.subject, text: message.body })
    await markOutboxMessage({ id, sentAt: new Date(), error: null })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    await markOutboxMessage({ id, sentAt: null, error: reason.slice(0, 500) })
  }
}

export function absoluteUrl(path: string) {
  return new URL(path, getEnv().APP_URL).toString()
}
