import type { SessionUser } from '@/lib/session-user'

/** The dashboards' filters as a query string, so tabs, drill-downs and exports keep the same view. */
export function dashboardQuery(f: { program?: string; regency?: string; bank?: string; asOf?: string; indicator?: string; year?: number }): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q.set(k, String(v))
  return q.toString()
}

/**
 * `regency=all`: the whole province, said in the URL. An empty `regency=` cannot say it: the filter form leaves an
 * empty choice out of the URL (components/ui/filter-form.tsx), which then names the user's default again, and for a
 * district officer that is its own regency (a walk's officer chose "Seluruh provinsi" and stayed on Jombang). As the
 * follow-up list's `status=all` beside its default "open". An empty `regency=` of an older link still reads as it.
 */
export const PROVINCE = 'all'

type ScopedUser = Pick<SessionUser, 'role' | 'regencyCode'>

/**
 * The regency every dashboard tab opens on when its URL names none: a district officer's own (what it works on),
 * everyone else's the province. One default for all of them: Beranda had opened on the officer's regency and the
 * credit tab on the province, so moving between the tabs changed the scope with nothing to say so.
 */
export function defaultRegency(user: ScopedUser): string | undefined {
  return user.role === 'DISTRICT_OFFICER' ? (user.regencyCode ?? undefined) : undefined
}

/** The regency a dashboard shows for its URL's `regency` (a code, or `all`/empty for the province; none: the default). */
export function shownRegency(user: ScopedUser, asked: string | undefined): string | undefined {
  if (asked === PROVINCE || asked === '') return undefined
  return asked ?? defaultRegency(user)
}

/**
 * What a link's `regency` carries for the regency on screen, so a tab, a drill-down or an export keeps the view: its
 * code; for the province `all` when the user's default is a regency (else nothing, the default's short URL).
 */
export function regencyParam(user: ScopedUser, regencyCode: string | undefined): string | undefined {
  return regencyCode ?? (defaultRegency(user) ? PROVINCE : undefined)
}
