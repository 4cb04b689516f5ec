import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import type { NotificationKind } from '@/lib/generated/prisma/enums'
import { notificationText } from './texts'
import { publicBaseUrl } from '@/lib/env'

/**
 * Optional e-mail for notifications, off unless `SMTP_URL` is set (e.g. `smtp://user:pass@mail.example:587`,
 * `smtps://…:465`). Read at call time, so the same process follows the configuration it runs with.
 */
export function emailEnabled(): boolean {
  return Boolean(process.env.SMTP_URL?.trim())
}

const smtpUrl = z.string().trim().regex(/^smtps?:\/\/\S+$/, 'SMTP_URL harus berupa URL smtp:// atau smtps://')

type Taken = { id: string; kind: NotificationKind; params: unknown; link: string; email: string; name: string }

/**
 * Send the e-mails of notifications waiting for one (`PENDING`), at most `limit`. Each is first taken
 * (`SENDING`, `FOR UPDATE SKIP LOCKED`), so two workers never take the same one, and a process that dies
 * mid-send leaves it SENDING rather than sending it twice. Returns how many were sent and how many failed.
 */
export async function sendPendingEmails(options: { limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  if (!emailEnabled()) return { sent: 0, failed: 0 }
  const url = smtpUrl.parse(process.env.SMTP_URL)
  const taken = await db.$queryRaw<Taken[]>`
    UPDATE notifications n SET email_state = 'SENDING'
      FROM users u
     WHERE u.id = n.user_id
       AND n.id IN (SELECT id FROM notifications WHERE email_state = 'PENDING' ORDER BY created_at LIMIT ${options.limit ?? 100} FOR UPDATE SKIP LOCKED)
    RETURNING n.id, n.kind, n.params, n.link, u.email, u.name`
  if (taken.length === 0) return { sent: 0, failed: 0 }
  const nodemailer = await import('nodemailer')
  const transport = nodemailer.createTransport(url)
  const from = process.env.SMTP_FROM?.trim() || 'Lumbung <no-reply@localhost>'
  const base = publicBaseUrl()
  let sent = 0
  let failed = 0
  try {
    for (const n of taken) {
      const { title, body } = notificationText(n.kind, n.params, 'id')
      try {
        await transport.sendMail({
          from,
          to: { name: n.name, address: n.email },
          subject: `[Lumbung] ${title}`,
          text: `Yth. ${n.name},\n\n${body}\n\nBuka: ${base}${n.link}\n\n— Lumbung (pesan otomatis; jangan dibalas)`,
        })
        await db.notification.update({ where: { id: n.id }, data: { emailState: 'SENT', emailSentAt: new Date(), emailError: null } })
        sent++
      } catch (e) {
        await db.notification.update({ where: { id: n.id }, data: { emailState: 'FAILED', emailError: (e instanceof Error ? e.message : String(e)).slice(0, 500) } })
        failed++
      }
    }
  } finally {
    transport.close()
  }
  return { sent, failed }
}
