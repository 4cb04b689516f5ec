import { getTranslations } from 'next-intl/server'

/**
 * A date typed into a list's filter that is no calendar date (`31/02/2026`) is not applied (the filter
 * schemas catch it to "no date"): said above the list, with what was typed, so that nobody reads the whole
 * list as the filtered one. `dates`: each filter date's label, what the URL carried, and what the filter kept.
 */
export async function IgnoredDates({ dates }: { dates: { label: string; sent: string | undefined; kept: string | undefined }[] }) {
  const ignored = dates.filter((d) => d.sent && !d.kept)
  if (!ignored.length) return null
  const t = await getTranslations('common')
  return (
    <p role="alert" className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="date-ignored">
      {ignored.map((d) => t('dateIgnored', { label: d.label, value: d.sent!.slice(0, 20) })).join(' ')}
    </p>
  )
}
