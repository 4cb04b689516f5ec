import type { Role } from '@/lib/generated/prisma/enums'

/** The signed-in user as the server trusts it: read from the database on each request, not the JWT. */
export type SessionUser = {
  id: string
  username: string
  name: string
  role: Role
  regencyCode: string | null
  bankId: string | null
  mustChangePassword: boolean
  /** the server-side session this request belongs to (lib/sessions.ts) */
  sessionId?: string
}
