import type { z } from 'zod'
import { ActionError } from '@/lib/errors'
import { inRegencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'

type Input = Record<string, unknown>

/**
 * A register's unique key (NIK koperasi, NIB) held by another record (a deleted one too: the unique key keeps
 * them), looked up before the write so that it is said with the form's other errors; the unique key stays the
 * guard against a save meanwhile. `holder` finds a record with `value` other than `notId` (the record edited), and
 * must leave `notId` out only when it is in the user's scope: an edit with a forged id of another regency's record
 * would otherwise learn whether that record holds the value (told "taken" exactly when it does not).
 * `taken` for the handler (lib/safe-action.ts refuseTogether), `takenField` for `alsoWhenInvalid`.
 * A holder that is a deleted record in the user's scope is said with `deletedMessage`: where to bring it back,
 * instead of "already registered" for a record no list shows; another regency's record, deleted or not, is only
 * "registered" (the officer may not learn more of it, nor restore it).
 */
export function uniqueKeyCheck({ field, schema, message, deletedMessage, holder }: {
  field: string
  schema: z.ZodType<string>
  message: string
  deletedMessage: string
  holder: (value: string, notId: string | undefined, user: SessionUser) => Promise<{ deletedAt: Date | null; regencyCode: string } | null>
}) {
  const taken = async (input: Input, user: SessionUser): Promise<ActionError | null> => {
    const value = schema.safeParse(input[field])
    if (!value.success) return null
    const held = await holder(value.data, typeof input.id === 'string' ? input.id : undefined, user)
    if (!held) return null
    const said = held.deletedAt !== null && inRegencyScope(user, held.regencyCode) ? deletedMessage : message
    return new ActionError(said, { [field]: [said] })
  }
  const takenField = async (input: Input, user: SessionUser) => (await taken(input, user))?.fieldErrors ?? {}
  return { taken, takenField }
}
