'use client'

import { useState } from 'react'
import { Field } from '@/components/ui/field'

type Option = { code: string; name: string }
/** lib/data/cooperatives.ts CooperativeChoice */
type CoopOption = { id: string; name: string; place: string; active: boolean }

export type RegionFieldsLabels = {
  regency: string
  district: string
  village: string
  chooseRegency: string
  chooseDistrict: string
  chooseVillage: string
  regencyFixed: string
  cooperative?: string
  noCooperative?: string
  chooseRegencyFirst?: string
  /** the mark of an inactive cooperative, the MSME's own (only it is offered when inactive) */
  cooperativeInactive?: string
}

/**
 * Regency → district → village selects, each filled from the one before (a guarded route handler
 * returns the choices); with `withCooperatives`, also the cooperatives of the chosen regency. A
 * district officer's regency is fixed to its own. The server checks all of it again.
 */
export function RegionFields({
  regencies, fixedRegency, initial, initialDistricts, initialVillages, initialCooperatives = [], withCooperatives = false, errors, labels,
}: {
  regencies: Option[]
  fixedRegency?: string
  initial: { regencyCode?: string; districtCode?: string; villageCode?: string; cooperativeId?: string }
  initialDistricts: Option[]
  initialVillages: Option[]
  initialCooperatives?: CoopOption[]
  withCooperatives?: boolean
  errors?: Record<string, string[] | undefined>
  labels: RegionFieldsLabels
}) {
  const [regency, setRegency] = useState(fixedRegency ?? initial.regencyCode ?? '')
  const [district, setDistrict] = useState(initial.districtCode ?? '')
  const [village, setVillage] = useState(initial.villageCode ?? '')
  const [cooperative, setCooperative] = useState(initial.cooperativeId ?? '')
  const [districts, setDistricts] = useState(initialDistricts)
  const [villages, setVillages] = useState(initialVillages)
  const [cooperatives, setCooperatives] = useState(initialCooperatives)

  async function chooseRegency(code: string) {
    setRegency(code)
    setDistrict('')
    setVillage('')
    setCooperative('')
    setDistricts([])
    setVillages([])
    setCooperatives([])
    if (!code) return
    // the record's own cooperative is asked for too: back on its regency, an inactive one is still offered
    const keep = withCooperatives && initial.cooperativeId ? `&tetap=${encodeURIComponent(initial.cooperativeId)}` : ''
    const res = await fetch(`/api/wilayah?regency=${encodeURIComponent(code)}${withCooperatives ? `&koperasi=1${keep}` : ''}`)
    if (!res.ok) return
    const body = (await res.json()) as { districts: Option[]; cooperatives: CoopOption[] }
    setDistricts(body.districts)
    setCooperatives(body.cooperatives)
  }

  async function chooseDistrict(code: string) {
    setDistrict(code)
    setVillage('')
    setVillages([])
    if (!code) return
    const res = await fetch(`/api/wilayah?district=${encodeURIComponent(code)}`)
    if (res.ok) setVillages(((await res.json()) as { villages: Option[] }).villages)
  }

  return (
    <>
      <Field label={labels.regency} name="regencyCode" errors={errors?.regencyCode} hint={fixedRegency ? labels.regencyFixed : undefined} required>
        {(p) =>
          fixedRegency ? (
            <>
              <select {...p} name={undefined} value={regency} disabled>
                {regencies.filter((r) => r.code === fixedRegency).map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
              </select>
              <input type="hidden" name="regencyCode" value={fixedRegency} />
            </>
          ) : (
            <select {...p} value={regency} onChange={(e) => chooseRegency(e.target.value)}>
              <option value="">{labels.chooseRegency}</option>
              {regencies.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
            </select>
          )
        }
      </Field>
      <Field label={labels.district} name="districtCode" errors={errors?.districtCode}>
        {(p) => (
          <select {...p} value={district} onChange={(e) => chooseDistrict(e.target.value)} disabled={!regency}>
            <option value="">{labels.chooseDistrict}</option>
            {districts.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={labels.village} name="villageCode" errors={errors?.villageCode}>
        {(p) => (
          <select {...p} value={village} onChange={(e) => setVillage(e.target.value)} disabled={!district}>
            <option value="">{labels.chooseVillage}</option>
            {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
          </select>
        )}
      </Field>
      {withCooperatives && (
        // two columns wide: a choice reads "name · kecamatan (nonaktif)", cut short in one column
        <Field label={labels.cooperative ?? ''} name="cooperativeId" errors={errors?.cooperativeId} hint={regency ? undefined : labels.chooseRegencyFirst} className="sm:col-span-2">
          {(p) => (
            <select {...p} value={cooperative} onChange={(e) => setCooperative(e.target.value)} disabled={!regency}>
              <option value="">{labels.noCooperative}</option>
              {/* "name · kecamatan": two cooperatives of near-identical names are told apart */}
              {cooperatives.map((c) => <option key={c.id} value={c.id}>{`${c.name} · ${c.place}${c.active ? '' : ` ${labels.cooperativeInactive ?? ''}`}`}</option>)}
            </select>
          )}
        </Field>
      )}
    </>
  )
}
