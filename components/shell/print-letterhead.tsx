import { getLocale, getTranslations } from 'next-intl/server'
import { getAgency } from '@/lib/agency'
import { formatDateTime } from '@/lib/format'
import { ROLE_LABELS } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/**
 * The letterhead of every printed page (hidden on screen): the agency's logo and name, who printed
 * it and when. Page numbers come from the @page rule in globals.css.
 */
export async function PrintLetterhead({ user }: { user: SessionUser }) {
  const [agency, t, locale] = await Promise.all([getAgency(), getTranslations('print'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <div className="mb-4 hidden items-center gap-3 border-b-2 border-slate-800 pb-2 print:flex" data-testid="letterhead">
      {/* eslint-disable-next-line @next/next/no-img-element -- a configured file or URL, printed as is */}
      <img src={agency.logo} alt="" className="size-12 object-contain" />
      <div className="flex-1">
        {/* the agency's own name (configured), the same in every interface language */}
        <p className="text-base font-bold uppercase tracking-wide text-slate-900" data-user-content>{agency.name}</p>
        <p className="text-xs text-slate-600">Lumbung · {t('printedBy', { name: user.name, role: ROLE_LABELS[user.role][lang], when: formatDateTime(new Date(), { locale: lang }) })}</p>
      </div>
    </div>
  )
}
