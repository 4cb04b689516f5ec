'use client'

import clsx from 'clsx'
import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { inputClass } from '@/components/ui/input-class'
import { FormMessage } from '@/components/ui/form-message'
import { useFormAction } from '@/components/ui/use-form-action'
import { mapImportColumns } from '@/lib/actions/imports'
import { hasPersonalField, shownSample } from './sample'

type FieldOption = { key: string; label: string; required: boolean; isKey: boolean }

/** One select per column of the file: the field it fills, or ignored. Required fields left unmatched are named. */
export function MappingForm({ id, sheet, headings, samples, initial, fields }: {
  id: string
  sheet: string
  headings: string[]
  /** the first data row's cell per column, to recognise a column by its content */
  samples: string[]
  initial: (string | null)[]
  fields: FieldOption[]
}) {
  const t = useTranslations('imports')
  // submitted through onSubmit (useFormAction), not <form action>: React resets a form after its action, and the
  // controlled selects would then show "ignore" while `chosen` still held the mapping; a success leaves the page
  const [state, onSubmit, pending] = useFormAction(mapImportColumns, { keepAfterSuccess: true })
  const [chosen, setChosen] = useState<string[]>(initial.map((f) => f ?? ''))
  const personal = hasPersonalField(fields)
  const missing = fields.filter((f) => f.required && !chosen.includes(f.key)).map((f) => f.label)
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="sheet" value={sheet} />
      {state && !state.ok && <FormMessage state={state} />}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        {/* on a phone each column is a card, its heading over a select as wide as the screen: two columns had left the
            select under half the row, and the field names cut ("Kabupaten/Kota (waj…") */}
        <table className="block w-full text-sm sm:table">
          <thead className="hidden bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600 sm:table-header-group">
            <tr><th className="px-3 py-2">{t('column')}</th><th className="px-3 py-2">{t('field')}</th></tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 sm:table-row-group">
            {headings.map((h, i) => (
              <tr key={`${i}-${h}`} className={clsx('block sm:table-row', !chosen[i] && 'bg-amber-50/40')}>
                <td className="block px-3 pt-2 align-top sm:table-cell sm:py-2">
                  <label htmlFor={`col_${i}`} className="font-medium text-slate-900">{h}</label>
                  {samples[i] && <p className="truncate text-xs text-slate-500 sm:max-w-[16rem]">{shownSample(samples[i], { kindHasPersonal: personal, chosen: chosen[i], initial: initial[i] })}</p>}
                </td>
                <td className="block px-3 pb-2 pt-1 sm:table-cell sm:py-2">
                  <select
                    id={`col_${i}`}
                    name={`col_${i}`}
                    value={chosen[i]}
                    onChange={(e) => setChosen((c) => c.map((v, j) => (j === i ? e.target.value : v)))}
                    className={inputClass()}
                  >
                    <option value="">{t('ignore')}</option>
                    {fields.map((f) => (
                      <option key={f.key} value={f.key} disabled={chosen.includes(f.key) && chosen[i] !== f.key}>
                        {f.label}{f.isKey ? ` (${t('keyField')})` : f.required ? ` (${t('required')})` : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length > 0 && <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('unmappedRequired', { fields: missing.join(', ') })}</p>}
      <Button type="submit" disabled={pending}>{pending ? t('checking') : t('runCheck')}</Button>
    </form>
  )
}
