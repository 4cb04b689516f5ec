'use client'

export type Option = { value: string; label: string }

/** A select of options for a `Field` (its `p` props), with an optional empty first choice. */
export function OptionSelect({ p, options, value, empty, onChange }: { p: Record<string, unknown>; options: Option[]; value: string; empty?: string; onChange?: (v: string) => void }) {
  return (
    <select {...p} defaultValue={value} onChange={onChange ? (ev) => onChange(ev.target.value) : undefined}>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  )
}
