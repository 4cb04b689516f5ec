import 'server-only'
import { forbidden } from 'next/navigation'
import { ScopeError } from '@/lib/scope'

/** Await dashboard figures; a scope refusal (another regency, another bank) becomes the 403 page. */
export async function orForbidden<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (e) {
    if (e instanceof ScopeError) forbidden()
    throw e
  }
}
