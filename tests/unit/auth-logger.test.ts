/**
 * Auth.js's error log (lib/auth.config.ts#logAuthError): a wrong password is not a server error and is not
 * logged (the audit trail records it); any other error keeps its type, message and stack.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { authConfig, logAuthError } from '@/lib/auth.config'

afterEach(() => vi.restoreAllMocks())

/** An Auth.js error as its logger receives it: `type` names the kind (AuthError sets it from its class). */
const authError = (type: string, message: string, cause?: Error) => Object.assign(new Error(message), { type, ...(cause && { cause: { err: cause } }) })

describe('logAuthError', () => {
  it('is the configured Auth.js error logger', () => {
    expect(authConfig.logger.error).toBe(logAuthError)
  })

  it('logs nothing for a wrong password', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    logAuthError(authError('CredentialsSignin', 'Read more at https://errors.authjs.dev#credentialssignin'))
    expect(spy).not.toHaveBeenCalled()
  })

  it('logs a real error with its type and the stack of its cause', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:5432')
    logAuthError(authError('CallbackRouteError', 'Read more at https://errors.authjs.dev#callbackrouteerror', cause))
    const text = spy.mock.calls.map((c) => c.join(' ')).join('\n')
    expect(text).toContain('[auth][error] CallbackRouteError')
    expect(text).toContain('ECONNREFUSED')
    expect(text).toMatch(/at .*auth-logger\.test\.ts/)
  })
})
