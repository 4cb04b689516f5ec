import { inSentence } from '@/lib/audit-text'
import { chartQuarter } from '@/lib/reporting/periods'
import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { serverText } from '@/lib/i18n/server-text'
import { Download } from 'lucide-react'
import { CancelForm } from '@/components/imports/cancel-form'
import { CommitForm } from '@/components/imports/commit-form'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { discardImportCheck } from '@/lib/actions/imports'
import { MappingForm } from '@/components/imports/mapping-form'
import { ImportProgressBar } from '@/components/imports/progress'
import { Badge } from '@/components/ui/badge'
import { LinkButton, buttonClass } from '@/components/ui/button'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { db } from '@/lib/db'
import { orRefused } from '@/lib/dashboard/guard'
import { autoMap, fieldLabel, shownHeading, shownValue } from '@/lib/imports/fields'
import { formatMonth, formatNumber, formatRupiah } from '@/lib/format'
import type { ImportMissedMonths, PlannedMissedMonths } from '@/lib/data/disbursements'
import { importDetail, regionNames, rowErrorText, shownStatus, statusTone } from '@/lib/imports/history'
import type { SheetInfo, Summary } from '@/lib/imports/pipeline'
import { EXAMPLE_COLUMN } from '@/lib/imports/template'
import { importProgress, ownImport, tooManyColumns } from '@/lib/imports/service'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { FilterForm } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('title') }
}

const STEPS = ['upload', 'map', 'check', 'commit', 'done'] as const

/**
 * The step the import is at; a failure belongs to the dry run when it left no counts, else to the write. The dry
 * run's result, waiting for the user to confirm, is still "Uji coba": "Impor" lit there read as if it had been written.
 */
function stepOf(status: string, checked: boolean): number {
  if (status === 'UPLOADED' || status === 'CANCELLED') return 1
  if (status === 'CHECKING' || status === 'CHECKED' || (status === 'FAILED' && !checked)) return 2
  if (status === 'FAILED' || status === 'IMPORTING') return 3
  return 4
}

function Counts({ s, t, lang }: { s: Summary; t: (k: string) => string; lang: 'id' | 'en' }) {
  const cells: [string, number, string][] = [['total', s.total, 'text-slate-900'], ['create', s.create, 'text-emerald-700'], ['update', s.update, 'text-sky-700'], ['unchanged', s.unchanged, 'text-slate-600'], ['invalid', s.invalid, 'text-red-700']]
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {cells.map(([k, n, tone]) => (
        <div key={k} className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(k)}</dt>
          <dd className={`text-2xl font-semibold tabular-nums ${tone}`}>{formatNumber(n, { locale: lang })}</dd>
        </div>
      ))}
    </dl>
  )
}

/** One import, at whatever step it is: mapping, dry run running, its result, saving, done. */
export default async function ImportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('imports.use')
  const { id } = await params
  const query = flatParams(await searchParams)
  const { kind } = await orRefused(ownImport(user, id))
  const [t, locale, { imp, summary, invalid, updates, changedRows }, progress] = await Promise.all([getTranslations('imports'), getLocale(), importDetail(id), importProgress(user, id)])
  const lang = locale === 'en' ? 'en' : 'id'
  const fieldOf = (key: string) => kind.fields.find((f) => f.key === key)
  const status = shownStatus(imp.status, summary)
  const sheets = imp.sheets as SheetInfo[]
  const sheet = sheets.find((s) => s.name === (query.lembar || imp.sheetName)) ?? sheets[0]
  const busy = imp.status === 'CHECKING' || imp.status === 'IMPORTING'
  const canMap = !busy && imp.status !== 'DONE'
  const remapping = canMap && (imp.status === 'UPLOADED' || imp.status === 'CANCELLED' || query.ubah === '1' || Boolean(query.lembar))
  let initial: (string | null)[] = []
  if (sheet && remapping) {
    const stored = (imp.mapping ?? {}) as Record<string, string | null>
    const remembered = sheet.name === imp.sheetName ? stored
      : (await db.importMapping.findUnique({ where: { userId_kind: { userId: user.id, kind: kind.kind } }, select: { mapping: true } }))?.mapping as Record<string, string | null> | undefined
    const mapping = sheet.name === imp.sheetName ? stored : autoMap(sheet.headings, kind.fields, remembered)
    initial = sheet.headings.map((h) => mapping[h] ?? null)
  }
  // a change of a region column shows the region's name beside its code ("Kabupaten Jombang (35.17)")
  const regionField = (key: string) => ['regency', 'district', 'village'].includes(fieldOf(key)?.type ?? '')
  const names = await regionNames(updates.flatMap((r) => [
    ...r.changes.filter((c) => regionField(c.field)).flatMap((c) => [c.before, c.after]),
    ...(r.keyParts ?? []).filter((p) => regionField(p.field)).map((p) => p.text),
  ]))
  // the updates that change a field (a returned claim's line sent again as it was changes none: it resubmits the claim,
  // which "Klaim yang akan diajukan" states, and is counted apart)
  const changed = updates
  const resent = summary ? summary.update - changedRows : 0
  const shown = (field: string, text: string) => shownValue(fieldOf(field), text, lang, names) || '–'
  // a row's key as people read it: a key of several columns part by part ("KSP_SEHAT · 2028 · Setahun · Kabupaten Jombang (35.17)")
  // (a region by its name beside its code, a period as the reports write it; a year is not a figure to group, 2.028)
  const keyPart = (field: string, text: string) => regionField(field) ? shown(field, text)
    : field === 'quarter' && /^[0-4]$/.test(text) ? (text === '0' ? t('fullYear') : chartQuarter(Number(text), lang)) : text
  const keyText = (r: (typeof updates)[number]) => (r.keyParts ? r.keyParts.filter((p) => p.text).map((p) => keyPart(p.field, p.text)).join(' · ') : r.key)
  const num = (n: number) => formatNumber(n, { locale: lang })
  const wide = remapping && sheet ? tooManyColumns(sheet) : null
  const checkSummary = (imp.summary as { check?: Summary } | null)?.check
  const mapped = (imp.mapping ?? {}) as Record<string, string | null>
  const ignoredColumns = imp.mapping && sheet?.name === imp.sheetName ? sheet.headings.filter((h) => h.trim() !== '' && !mapped[h] && h !== EXAMPLE_COLUMN) : []
  const step = remapping ? 1 : stepOf(imp.status, Boolean(checkSummary))
  // the documents the valid rows make (a claim per programme and month), named, for the dry run and its confirmation
  const sen = (v: number) => formatRupiah(v / 100, { locale: lang, cents: v % 100 !== 0 })
  // described for the import's own importer (whose returned claims it replaces), only when the dry run's result is shown
  const importer = !remapping && !busy && imp.status !== 'DONE' && checkSummary?.groups?.length && kind.describeGroups
    ? await db.user.findUnique({ where: { id: imp.createdById }, select: { bankId: true } })
    : null
  const groups = importer && checkSummary?.groups && kind.describeGroups
    ? await kind.describeGroups(db, checkSummary.groups.map((g) => g.group), importer, lang, imp.id).then((d) => checkSummary.groups!.map((g) => {
      const about = d.get(g.group)
      return {
        ...g, name: about?.name ?? g.group, amount: sen(g.sen),
        replaces: about?.replaces ? t('groupReplaces', { lines: about.replaces.lines, amount: sen(about.replaces.sen) }) : null,
        leftOut: about?.leftOut ? t('groupLeftOut', { loans: about.leftOut.loans, amount: formatRupiah(about.leftOut.due, { locale: lang }) }) : null,
      }
    }))
    : []
  // the confirmation names what each claim replaces and what it leaves out (money: said before, not after)
  const groupList = groups.filter((g) => g.changed).map((g) => `${t('groupLine', { name: g.name, rows: g.rows, amount: g.amount })}${[g.replaces, g.leftOut].filter(Boolean).map((x) => ` (${x})`).join('')}`).join('; ')
  // loans of a finished import that fall in months their bank had already claimed without them (the form says it on saving)
  const missed = imp.status === 'DONE' ? (imp.summary as { facts?: { missedMonths?: ImportMissedMonths } } | null)?.facts?.missedMonths : undefined
  // before confirming: the new loans that would fall in months already claimed (money said before, not after)
  const planned = imp.status === 'CHECKED' && !remapping ? (checkSummary as { facts?: { plannedMissedMonths?: PlannedMissedMonths } } | undefined)?.facts?.plannedMissedMonths : undefined
  const plannedNote = planned ? t('plannedMissedConfirm', { count: planned.loans, lost: planned.lostMonths, returnable: planned.returnableMonths }) : null
  /** a dry run with nothing to create or change: no import is offered, and the page says why */
  const nothing = Boolean(summary && summary.create === 0 && summary.update === 0)
  const actions = (
    <div className="flex flex-wrap gap-2">
      {imp.status === 'DONE' && <LinkButton href={kind.listPath}>{t('toList')}</LinkButton>}
      {canMap && <Link href={`/impor/${imp.id}?ubah=1`} className={buttonClass('secondary')}>{t('remap')}</Link>}
      <LinkButton variant="secondary" href={`/impor/baru?jenis=${kind.kind}`}>{t('again')}</LinkButton>
    </div>
  )
  return (
    <>
      <PageHeader
        title={t('newTitle', { kind: inSentence(kind.title[lang]) })}
        description={imp.fileName}
        actions={<Badge tone={statusTone(status)}>{t(`statusLabel.${status}`)}</Badge>}
      />
      <ol className="mb-6 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t('title')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={i === step ? 'font-semibold text-brand-700' : i < step ? 'text-slate-700' : 'text-slate-400'}>
            {i + 1}. {t(`steps.${s}`)}
          </li>
        ))}
      </ol>

      {imp.error && !remapping && <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{serverText(imp.error, lang)}</p>}

      {remapping && sheet && (
        <section className="space-y-4">
          {/* a cancelled dry run or write kept nothing (one transaction): say so, not only the badge */}
          {imp.status === 'CANCELLED' && <p role="status" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800">{t('cancelledNote')}</p>}
          {sheets.length > 1 && (
            <FilterForm className="flex flex-wrap items-end gap-2">
              <label className="flex flex-col gap-1 text-sm">
                <span className="font-medium">{t('sheet')}</span>
                <select name="lembar" defaultValue={sheet.name} className={inputClass()}>
                  {sheets.map((s) => <option key={s.name} value={s.name}>{s.name} ({formatNumber(s.dataRows, { locale: lang })})</option>)}
                </select>
              </label>
              <button type="submit" className={buttonClass('secondary')}>{t('showSheet')}</button>
            </FilterForm>
          )}
          <div>
            <h2 className="text-base font-semibold text-slate-900">{t('mapTitle')}</h2>
            <p className="text-sm text-slate-600">{t('mapHelp')}</p>
            <p className="text-sm text-slate-600">{t('headerRow', { row: num(sheet.headerRow), rows: num(sheet.dataRows), count: sheet.dataRows })}</p>
          </div>
          {/* a sheet too wide to map (one drop-down per column) is refused, as at upload */}
          {wide ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{serverText(wide, lang)}</p> : <MappingForm
            key={sheet.name}
            id={imp.id}
            sheet={sheet.name}
            headings={sheet.headings.map((h) => shownHeading(h, lang))}
            samples={sheet.sample ?? []}
            initial={initial}
            fields={kind.fields.map((f) => ({ key: f.key, label: fieldLabel(f, lang), required: Boolean(f.required), isKey: f.key === kind.keyField }))}
          />}
        </section>
      )}

      {busy && (
        <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <ImportProgressBar id={imp.id} initial={progress} />
          <CancelForm id={imp.id} />
        </section>
      )}

      {!remapping && !busy && summary && (
        <section className="space-y-6">
          <div>
            <h2 className="mb-1 text-base font-semibold text-slate-900">{imp.status === 'DONE' ? t('doneTitle') : t('summaryTitle')}</h2>
            {imp.status === 'DONE'
              ? <p className="mb-3 text-sm text-slate-600">{t('doneBody', { create: num(summary.create), update: num(summary.update), unchanged: num(summary.unchanged), invalid: num(summary.invalid) })}</p>
              : !nothing && <p className="mb-3 text-sm text-slate-600">{t('summaryNote')}</p>}
            <Counts s={summary} t={t} lang={lang} />
            {/* the columns the mapping leaves out, named: a renamed heading left unmapped had imported a turnover of Rp0
                under "Siap diimpor", with nothing on this page to say that column was never read */}
            {ignoredColumns.length > 0 && (
              <p className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="ignored-columns">
                {t('ignoredColumns', { columns: ignoredColumns.map((h) => `“${shownHeading(h, lang)}”`).join(', ') })}
                {canMap && imp.status === 'CHECKED' && <> <Link href={`/impor/${imp.id}?ubah=1`} className="font-medium underline">{t('ignoredRemap')}</Link></>}
              </p>
            )}
            {planned && (
              <div className="mt-3 space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="import-planned-missed">
                <h3 className="font-semibold">{t('plannedMissedTitle')}</h3>
                <p>{t('plannedMissedBody', { count: planned.loans, lost: planned.lostMonths, returnable: planned.returnableMonths })}</p>
                <details open={planned.loans <= 10}>
                  <summary className="cursor-pointer font-medium">{t('missedAccounts', { count: planned.loans })}</summary>
                  <ul className="mt-1.5 space-y-1.5">
                    {planned.shown.map((l) => (
                      <li key={`${l.bankCode}/${l.accountNumber}`} className="break-words">
                        <span className="font-medium">{l.accountNumber}</span>{user.role === 'ADMIN' && <span className="text-amber-800"> · {l.bankCode}</span>}
                        {([['plannedLost', l.lost], ['plannedReturnable', l.returnable]] as const).filter(([, months]) => months.length).map(([key, months]) => (
                          <span key={key} className="block">{t(key, { months: months.map((m) => formatMonth(m, { locale: lang })).join(', ') })}</span>
                        ))}
                      </li>
                    ))}
                  </ul>
                  {planned.loans > planned.shown.length && <p className="mt-1.5">{t('plannedMore', { count: planned.loans - planned.shown.length })}</p>}
                </details>
              </div>
            )}
            {missed && (
              <div className="mt-3 space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="import-missed-months">
                <h3 className="font-semibold">{t('missedTitle')}</h3>
                <p>{t('missedBody', { count: missed.loans })}</p>
                <p className="font-medium" data-testid="import-missed-totals">{t('missedTotals', { lost: formatRupiah(missed.lost, { locale: lang }), returnable: formatRupiah(missed.returnable, { locale: lang }) })}</p>
                {/* a long list (a back-dated loan book) folded, a few loans shown at once */}
                <details open={missed.loans <= 10}>
                  <summary className="cursor-pointer font-medium">{t('missedAccounts', { count: missed.loans })}</summary>
                  <ul className="mt-1.5 space-y-1.5">
                    {missed.shown.map((l) => (
                      <li key={l.id} className="break-words">
                        <Link href={`/kredit/penyaluran/${l.id}`} className="font-medium underline">{l.accountNumber}</Link>
                        {([['missedLost', l.lostMonths, l.lost], ['missedReturnable', l.returnableMonths, l.returnable]] as const).filter(([, months]) => months.length).map(([key, months, amount]) => (
                          <span key={key} className="block">{t(key, { months: months.map((m) => formatMonth(m, { locale: lang })).join(', '), amount: formatRupiah(amount, { locale: lang }) })}</span>
                        ))}
                      </li>
                    ))}
                  </ul>
                  {missed.loans > missed.shown.length && <p className="mt-1.5">{t('missedMore', { count: missed.loans - missed.shown.length })}</p>}
                </details>
              </div>
            )}
            {nothing && summary.invalid === 0 && <p role="status" className="mt-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('nothingChanged')}</p>}
            {/* nothing to write and rows refused: say why no import is offered, and the way on */}
            {nothing && summary.invalid > 0 && imp.status !== 'DONE' && (
              <div className="mt-3 space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {/* the sentence is announced; the buttons below it are not part of the announcement */}
                <p role="status">{t(summary.unchanged > 0 ? 'nothingUnchangedRefused' : 'nothingAllRefused', { invalid: num(summary.invalid), count: summary.invalid })}</p>
                <div className="flex flex-wrap items-center gap-2">
                  <a href={`/api/impor/${imp.id}/ditolak`} className={buttonClass('secondary', 'sm')}><Download aria-hidden className="size-4" />{t('rejectedFile')}</a>
                  {/* set aside, so that the history stops listing it as a file with refused rows waiting */}
                  {imp.status === 'CHECKED' && <ConfirmAction action={discardImportCheck} fields={{ id: imp.id, version: String(imp.version) }} label={t('discard')} title={t('discardTitle')} body={t('discardBody')} confirmLabel={t('discardConfirm')} cancelLabel={t('cancelKeep')} variant="secondary" size="sm" />}
                </div>
              </div>
            )}
          </div>

          {invalid.length > 0 && (
            <div className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-semibold text-slate-900">{t('errorsTitle')}</h3>
                <a href={`/api/impor/${imp.id}/ditolak`} className={buttonClass('secondary', 'sm')}><Download aria-hidden className="size-4" />{t('rejectedFile')}</a>
              </div>
              {/* a phone reads each refused row as a card: column, what the cell held, why; the table from the small breakpoint up */}
              <ul className="space-y-2 sm:hidden" aria-label={t('errorsTitle')}>
                {invalid.map((r) => (
                  <li key={r.rowNumber} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                    <p className="text-xs text-slate-600 tabular-nums">{t('row')} {r.rowNumber}</p>
                    <dl className="mt-1 space-y-2">
                      {r.errors.map((e, i) => (
                        <div key={i}>
                          <dt className="break-words font-medium text-slate-900">{shownHeading(e.column, lang)}{e.typed && <span className="font-normal text-slate-700"> · “{e.typed}”</span>}</dt>
                          <dd className="break-words text-red-800">{rowErrorText(e, lang)}</dd>
                        </div>
                      ))}
                    </dl>
                  </li>
                ))}
              </ul>
              <div className="relative hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
                <table className="w-full text-sm">
                  <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600"><tr><th className="px-3 py-2">{t('row')}</th><th className="px-3 py-2">{t('column')}</th><th className="px-3 py-2">{t('typed')}</th><th className="px-3 py-2">{t('message')}</th></tr></thead>
                  <tbody className="divide-y divide-slate-100">
                    {invalid.flatMap((r) => r.errors.map((e, i) => (
                      <tr key={`${r.rowNumber}-${i}`}>
                        <td className="px-3 py-2 tabular-nums">{i === 0 ? r.rowNumber : ''}</td>
                        <td className="px-3 py-2 font-medium">{shownHeading(e.column, lang)}</td>
                        <td className="max-w-48 break-words px-3 py-2 text-slate-700" data-typed>{e.typed ? `“${e.typed}”` : '–'}</td>
                        <td className="px-3 py-2 text-red-800">{rowErrorText(e, lang)}</td>
                      </tr>
                    )))}
                  </tbody>
                </table>
              </div>
              {summary.invalid > invalid.length && <p className="text-xs text-slate-500">{t('moreRows', { shown: num(invalid.length), total: num(summary.invalid) })}</p>}
            </div>
          )}

          {changed.length > 0 && (
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-900">{t('changesTitle')}</h3>
              {/* a phone reads each change as column, then before → after; the five-column table from the small breakpoint up */}
              <ul className="space-y-2 sm:hidden" aria-label={t('changesTitle')}>
                {changed.map((r) => (
                  <li key={r.rowNumber} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                    <p className="text-xs text-slate-600"><span className="tabular-nums">{t('row')} {r.rowNumber}</span>{keyText(r) && <> · <span className="break-all">{keyText(r)}</span></>}</p>
                    <dl className="mt-1 space-y-2">
                      {r.changes.map((c, i) => (
                        <div key={i}>
                          <dt className="break-words font-medium text-slate-900">{shownHeading(c.column, lang)}</dt>
                          <dd className="break-words">
                            <span className="sr-only">{t('before')}: </span><span className="text-slate-500 line-through decoration-slate-300">{shown(c.field, c.before)}</span>
                            <span aria-hidden className="px-1 text-slate-400">→</span>
                            <span className="sr-only">{t('after')}: </span><span className="text-slate-900">{shown(c.field, c.after)}</span>
                            {c.masked && <span className="block text-xs text-slate-600">{t('maskedChange')}</span>}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </li>
                ))}
              </ul>
              <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
                <table className="w-full text-sm">
                  <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600"><tr><th className="px-3 py-2">{t('row')}</th><th className="px-3 py-2">{t('key')}</th><th className="px-3 py-2">{t('column')}</th><th className="px-3 py-2">{t('before')}</th><th className="px-3 py-2">{t('after')}</th></tr></thead>
                  <tbody className="divide-y divide-slate-100">
                    {changed.flatMap((r) => r.changes.map((c, i) => (
                      <tr key={`${r.rowNumber}-${i}`}>
                        <td className="px-3 py-2 tabular-nums">{i === 0 ? r.rowNumber : ''}</td>
                        <td className="px-3 py-2 tabular-nums">{i === 0 ? keyText(r) : ''}</td>
                        <td className="px-3 py-2 font-medium">{shownHeading(c.column, lang)}</td>
                        <td className="px-3 py-2 text-slate-500 line-through decoration-slate-300">{shown(c.field, c.before)}</td>
                        <td className="px-3 py-2 text-slate-900">{shown(c.field, c.after)}{c.masked && <span className="block text-xs text-slate-600">{t('maskedChange')}</span>}</td>
                      </tr>
                    )))}
                  </tbody>
                </table>
              </div>
              {changedRows > updates.length && <p className="text-xs text-slate-500">{t('moreRows', { shown: num(updates.length), total: num(changedRows) })}</p>}
            </div>
          )}
          {resent > 0 && <p className="text-sm text-slate-700" data-testid="import-resent">{t('resentRows', { count: resent, n: num(resent) })}</p>}

          {/* only when a claim is to be submitted: a file whose claims are all as recorded says "nothing changed" above */}
          {groups.some((g) => g.changed) && (
            <div className="space-y-2" data-testid="import-groups">
              <h3 className="text-sm font-semibold text-slate-900">{t('groupsTitle')}</h3>
              <p className="text-xs text-slate-600">{t('groupsNote')}</p>
              <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <table className="w-full text-sm">
                  <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600"><tr><th className="px-3 py-2">{t('groupName')}</th><th className="px-3 py-2 text-right">{t('groupRows')}</th><th className="px-3 py-2 text-right">{t('groupAmount')}</th></tr></thead>
                  <tbody className="divide-y divide-slate-100">
                    {groups.map((g) => (
                      <tr key={g.group} className={g.changed ? undefined : 'text-slate-500'}>
                        <td className="px-3 py-2">{g.name}{!g.changed && <span className="block text-xs">{t('groupUnchanged')}</span>}{g.changed && g.replaces && <span className="block text-xs text-amber-800" data-testid="group-replaces">{g.replaces}</span>}{g.changed && g.leftOut && <span className="block text-xs font-medium text-amber-800" data-testid="group-left-out">{g.leftOut}</span>}</td>
                        <td className="px-3 py-2 text-right tabular-nums">{num(g.rows)}</td>
                        <td className="px-3 py-2 text-right tabular-nums">{g.amount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}

          {imp.status !== 'DONE' && checkSummary && (summary.create > 0 || summary.update > 0) && (
            <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
              <CommitForm id={imp.id} version={imp.version} create={summary.create} update={summary.update} invalid={summary.invalid} rejectedHref={`/api/impor/${imp.id}/ditolak`} documents={[groupList ? t('commitGroups', { list: groupList }) : null, plannedNote].filter(Boolean).join(' ') || undefined} />
              {/* a dry run not to be imported is set aside, so that it cannot be confirmed later by mistake */}
              {imp.status === 'CHECKED' && (
                <div className="mt-3 border-t border-slate-100 pt-3">
                  <ConfirmAction action={discardImportCheck} fields={{ id: imp.id, version: String(imp.version) }} label={t('discard')} title={t('discardTitle')} body={t('discardBody')} confirmLabel={t('discardConfirm')} cancelLabel={t('cancelKeep')} variant="secondary" />
                </div>
              )}
            </div>
          )}
          {actions}
        </section>
      )}
      {/* a dry run that failed has no counts: the way on is to map again or start over */}
      {!remapping && !busy && !summary && imp.status === 'FAILED' && <div className="mt-4">{actions}</div>}
    </>
  )
}
