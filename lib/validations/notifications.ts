/** The notification list's two actions: open (or mark) one, and mark all read up to what the page showed. */
import { z } from 'zod'

export const markNotificationSchema = z.object({
  id: z.string().trim().min(1, 'Pemberitahuan tidak dikenal.').max(64, 'Pemberitahuan tidak dikenal.'),
  /** `1`: open its page after marking it read */
  open: z.enum(['1']).optional(),
})

export const markAllNotificationsSchema = z.object({
  /**
   * The newest notification the page showed (ISO time): only notifications up to it are marked, so one
   * that arrived after the page was drawn stays unread.
   */
  upTo: z.iso.datetime({ message: 'Muat ulang halaman, lalu ulangi.' }),
})
