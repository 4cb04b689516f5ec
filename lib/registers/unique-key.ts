import type { z } from 'zod'
import { ActionError } from '@/lib/errors'
import type { SessionUser } from '@/lib/session-user'

type Input = Record<string, unknown>

/**
 * A register's unique key (NIK koperasi, NIB) held by another record (a deleted one too: the unique key keeps
 * them), looked up before the write so that it is said with the form's other errors; the unique key stays the
 * guard against a save meanwhile. `holder` finds a record with `value` other than `notId` (the record edited), and
 * must leave `notId` out only when it is in the user's scope: an edit with a forged id of another regency's record
 * would otherwise learn whether that record holds the value (told "taken" exactly when it does not).
 * `taken` for the handler (lib/safe-action.ts refuseTogether), `takenField` for `alsoWhenInvalid`.
 */
export function uniqueKeyCheck({ field, schema, message, holder }: {
  field: string
  schema: z.ZodType<string>
  message: string
  holder: (value: string, notId: string | undefined, user: SessionUser) => Promise<unknown>
}) {
  const taken = async (input: Input, user: SessionUser): Promise<ActionError | null> => {
    const value = schema.safeParse(input[field])
    if (!value.success) return null
    const held = await holder(value.data, typeof input.id === 'string' ? input.id : undefined, user)
    return held ? new ActionError(message, { [field]: [message] }) : null
  }
  const takenField = async (input: Input, user: SessionUser) => (await taken(input, user))?.fieldErrors ?? {}
  return { taken, takenField }
}
