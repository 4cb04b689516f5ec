import 'server-only'
import { headers } from 'next/headers'
import { flatParams } from '@/lib/url'

import { SEARCH_HEADER } from '@/lib/request-search-header'

/**
 * The current request's search params for a layout. Layouts receive no searchParams, but a refusal that
 * depends on them (a programme code the user may not see) must happen in the layout, above the page's
 * loading skeleton: once the skeleton has streamed, the response is already a 200.
 */
export async function layoutSearchParams(): Promise<Record<string, string>> {
  const search = (await headers()).get(SEARCH_HEADER) ?? ''
  return flatParams(Object.fromEntries(new URLSearchParams(search)))
}
