import { Badge } from '@/components/ui/badge'
import type { BusinessScale, HealthOutcome } from '@/lib/generated/prisma/enums'

const OUTCOME_TONE: Record<HealthOutcome, 'green' | 'blue' | 'amber' | 'red'> = {
  SEHAT: 'green',
  CUKUP_SEHAT: 'blue',
  DALAM_PENGAWASAN: 'amber',
  DALAM_PENGAWASAN_KHUSUS: 'red',
}

/** The health outcome as a coloured badge; "not assessed" in grey. */
export function OutcomeBadge({ outcome, label }: { outcome: HealthOutcome | null; label: string }) {
  return <Badge tone={outcome ? OUTCOME_TONE[outcome] : 'slate'}>{label}</Badge>
}

const SCALE_TONE: Record<BusinessScale, 'slate' | 'blue' | 'green' | 'amber'> = { MIKRO: 'slate', KECIL: 'blue', MENENGAH: 'green', BESAR: 'amber' }

export function ScaleBadge({ scale, label }: { scale: BusinessScale; label: string }) {
  return <Badge tone={SCALE_TONE[scale]}>{label}</Badge>
}

/** The heading of a detail page's card (InfoCard's), for a card beside one that is not an InfoCard to look alike. */
export const CARD_HEADING = 'mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600'

/** A definition list in a card: label on the left (top on phones), value on the right. */
export function InfoCard({ title, rows }: { title: string; rows: [string, React.ReactNode][] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className={CARD_HEADING}>{title}</h2>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(0,11rem)_minmax(0,1fr)]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="mb-1 break-words text-slate-900 sm:mb-0">{value ?? '–'}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

/** A titled section of a detail page, with optional actions (add forms) on the right. */
export function Section({ title, id, children, actions }: { title: string; id?: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={id ? `${id}-title` : undefined} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id ? `${id}-title` : undefined} className="text-lg font-semibold text-slate-900">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  )
}
