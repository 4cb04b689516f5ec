import { useTranslations } from 'next-intl'
import { AlertTriangle, Info } from 'lucide-react'
import { formatIndicatorValue, type Unit } from '@/lib/reporting/display'

/**
 * Under an activity-fed indicator's value: the value counted from the pembinaan activities' beneficiaries
 * and, when the typed value differs, an amber flag (a warning, not a block: the officer may know of
 * beneficiaries not recorded yet). The one rendering for the officer's entry form and the reviewer's
 * read-only view, so both show the same difference the same way. `settled`: the report is approved and
 * locked, so the difference is information only (nothing can be checked or explained in a comment any more).
 * `readOnly`: a report shown without its form (sent, or another's): still flagged, without asking for a comment.
 */
export function ActivityFeedNote({ code, recorded, typed, unit, decimals, locale, settled = false, explained = false, readOnly = false }: { code: string; recorded: number; typed: number | null; unit: Unit; decimals: number; locale: 'id' | 'en'; settled?: boolean; explained?: boolean; readOnly?: boolean }) {
  const feed = useTranslations('activityFeed')
  const counted = formatIndicatorValue(recorded, unit, decimals, locale)
  return (
    <p className="mt-1 text-xs text-slate-600" data-activity-computed={code}>
      {feed('computed', { value: counted })}
      {/* explained in the officer's comment: said, no longer flagged as something to check (it stayed amber after the comment) */}
      {activityValueDiffers(typed, recorded) && !settled && explained && (
        <span className="mt-0.5 flex gap-1" data-activity-differs={code}>
          <Info aria-hidden className="mt-px size-3.5 shrink-0" />
          {feed('differsExplained', { value: counted })}
        </span>
      )}
      {activityValueDiffers(typed, recorded) && settled && (
        <span className="mt-0.5 flex gap-1" data-activity-differs={code}>
          <Info aria-hidden className="mt-px size-3.5 shrink-0" />
          {feed('differsSettled', { value: counted })}
        </span>
      )}
      {activityValueDiffers(typed, recorded) && !settled && !explained && (
        <span className="mt-0.5 flex gap-1 font-medium text-amber-800" role="status" data-activity-differs={code}>
          <AlertTriangle aria-hidden className="mt-px size-3.5 shrink-0" />
          {/* read-only (a sent report, the reviewer's view): flagged, but nobody can write a comment on this screen */}
          {feed(readOnly ? 'differsUnexplained' : 'differs', { value: counted })}
        </span>
      )}
    </p>
  )
}

/** A typed value differs from the counted one (an empty field is not a difference: nothing was typed yet). */
export function activityValueDiffers(typed: number | null, recorded: number): boolean {
  return typed !== null && typed !== recorded
}
