import 'server-only'
import { forbidden, notFound } from 'next/navigation'
import { AppError } from '@/lib/errors'

/**
 * Await a page's figures; a refusal becomes the page it names: NOT_FOUND the 404 page (a programme the
 * user may not see is indistinguishable from one that does not exist), FORBIDDEN the 403 page (another
 * regency). The same codes give the same statuses in route handlers (`authRoute`) and actions.
 */
export async function orRefused<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (e) {
    if (e instanceof AppError) {
      if (e.code === 'NOT_FOUND') notFound()
      if (e.code === 'FORBIDDEN') forbidden()
    }
    throw e
  }
}
