import { buttonClass } from '@/components/ui/button'
import { inputClass } from '@/components/ui/input-class'
import { FilterForm } from '@/components/ui/filter-form'
import { jakartaYear } from '@/lib/dates'

/** The reporting years on offer: from the first year with data to next year. */
export function reportingYears(now = Date.now()): number[] {
  const last = jakartaYear(now) + 1 // the year in Jakarta: on 1 January before 07.00 WIB the server's UTC still says the old one
  return Array.from({ length: last - 2023 + 1 }, (_, i) => last - i)
}

/** A GET form choosing the year (and keeping the other filters), so the view stays a shareable URL. */
export function YearPicker({ pathname, params, year, label, submit }: { pathname: string; params: Record<string, string>; year: number; label: string; submit: string }) {
  return (
    <FilterForm action={pathname} className="flex items-end gap-2">
      {Object.entries(params).filter(([k]) => k !== 'tahun').map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{label}</span>
        <select name="tahun" defaultValue={year} className={inputClass()}>
          {reportingYears().map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      <button type="submit" className={buttonClass('secondary')}>{submit}</button>
    </FilterForm>
  )
}
