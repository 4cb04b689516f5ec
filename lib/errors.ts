/**
 * The one refusal type: a code that pages, route handlers and server actions map to the same answer
 * everywhere (404, 403, 409, 400 and an Indonesian message), instead of a plain `Error('forbidden')`
 * that becomes a 500. `ActionError` (lib/safe-action.ts) and `ScopeError` (lib/scope.ts) are kinds of it.
 */
export type RefusalCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID'

export const REFUSAL_STATUS: Record<RefusalCode, number> = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, INVALID: 400 }

export const REFUSAL_MESSAGES: Record<RefusalCode, string> = {
  NOT_FOUND: 'Data tidak ditemukan.',
  FORBIDDEN: 'Anda tidak berwenang melakukan tindakan ini.',
  CONFLICT: 'Data sudah diubah orang lain. Muat ulang halaman.',
  INVALID: 'Periksa kembali isian yang ditandai.',
}

const DEFAULT_MESSAGE: Record<RefusalCode, string> = { NOT_FOUND: 'not-found', FORBIDDEN: 'forbidden', CONFLICT: 'conflict', INVALID: 'invalid' }

export class AppError extends Error {
  constructor(
    readonly code: RefusalCode,
    /** shown to the user for CONFLICT and INVALID; NOT_FOUND and FORBIDDEN always show the standard message */
    message: string = DEFAULT_MESSAGE[code],
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message)
    this.name = 'AppError'
  }

  get status(): number {
    return REFUSAL_STATUS[this.code]
  }

  /** What the user reads: a refusal of access never says more than the standard sentence. */
  get userMessage(): string {
    return this.code === 'NOT_FOUND' || this.code === 'FORBIDDEN' ? REFUSAL_MESSAGES[this.code] : this.message
  }
}

/**
 * A refusal the user can act on (stale edit, duplicate number, out of scope), shown as the message:
 * an AppError with the message first (INVALID unless another code is given). Re-exported by
 * lib/safe-action.ts; here so that write paths shared with imports and jobs do not load Next's navigation.
 */
export class ActionError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>, code: RefusalCode = 'INVALID') {
    super(code, message, fieldErrors)
  }
}

/** A refusal as a route handler's JSON answer. */
export function refusalResponse(e: AppError): Response {
  return Response.json({ error: e.userMessage }, { status: e.status })
}
