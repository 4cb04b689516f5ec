import 'server-only'
import type { z } from 'zod'
import { provinceTotalCheck } from '@/lib/config/catalogue'
import { writeTargetGrid } from '@/lib/config/targets'
import { formatNumber } from '@/lib/format'
import { PermanentJobError } from '@/lib/jobs'
import { targetPeriod, targetRowSchema, type TargetCell, type TargetRowInput } from '@/lib/validations/config'
import { headingKey, type FieldDef } from '../fields'
import { resolveRegency, type RegionIndex } from '../regions'
import { formValue } from './common'
import type { RegisterKind, Tx } from './types'

/** A stored target cell. */
type TargetRow = { id: string; indicatorCode: string; year: number; quarter: number; regencyCode: string | null; value: unknown }

type Prepared = {
  regions: RegionIndex
  /** code, name and English name (heading keys) → the indicator */
  indicators: Map<string, { code: string; aggregation: 'SUM' | 'RATIO' | 'PROVINCE' }>
}

const PROVINCE = 'PROV'
const num = (n: number) => formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2 })

export const TARGET_FIELDS: FieldDef[] = [
  { key: 'indicatorCode', label: 'Indikator', synonyms: ['Kode Indikator', 'Nama Indikator'], required: true, type: 'text', help: 'Kode indikator (mis. KOP_AKTIF) atau namanya seperti di katalog indikator.', examples: ['KOP_AKTIF', 'KOP_AKTIF', 'KOP_AKTIF'] },
  { key: 'year', label: 'Tahun', synonyms: ['Tahun Target'], required: true, type: 'number', help: 'Tahun target, mis. 2027.', examples: ['2027', '2027', '2027'] },
  { key: 'quarter', label: 'Periode', synonyms: ['Triwulan', 'TW'], type: 'text', help: 'Kosong, 0 atau Tahun untuk target setahun; 1–4 (I–IV, TW III) untuk target triwulan.', examples: ['Tahun', 'Tahun', 'III'] },
  { key: 'regencyCode', label: 'Kabupaten/Kota', synonyms: ['Kode Kabupaten', 'Kab/Kota', 'Kabupaten', 'Kota', 'Wilayah'], type: 'regency', help: 'Kode Kemendagri (35.17) atau nama kabupaten/kota; kosong untuk target provinsi. Indikator tingkat provinsi hanya memiliki target provinsi. Kunci impor: indikator + tahun + periode + kabupaten/kota.', examples: ['', '35.17', '35.17'] },
  { key: 'value', label: 'Target', synonyms: ['Nilai Target', 'Nilai'], required: true, type: 'number', help: 'Angka tidak negatif seperti di layar Target: 43.950 atau 85,30. Untuk indikator yang dijumlahkan, target setahun kabupaten/kota harus berjumlah sama dengan target provinsi.', examples: ['12.000', '350', '300'] },
]

const cellKey = (regencyCode: string | null, quarter: number) => `${regencyCode ?? PROVINCE}/${quarter}`
const rowKeyOf = (indicatorCode: string, year: number | string, quarter: number | string, regencyCode: string | null) => `${indicatorCode}/${year}/${quarter}/${regencyCode ?? PROVINCE}`

function regencyOfText(text: string | undefined, regions: RegionIndex): string | null {
  const t = (text ?? '').trim()
  if (!t) return null
  const r = resolveRegency(t, regions)
  return r && 'code' in r ? r.code : t
}

/**
 * Indicator targets (target indikator), by indicator + year + period + regency (empty: the province's own
 * target): admins only (config.manage), as on the target screen. Each cell is checked by the screen's rules
 * (a non-negative figure, a regency of the province, a province-level indicator only on the province's row)
 * and the grids the file touches are written through the screen's path (lib/config/targets.ts writeTargetGrid:
 * the grid's version moved on, one audit row per grid). The province total is checked on the grid as it would
 * be: a summed indicator whose regencies' year targets do not add up to the province's fails the import, unless
 * the difference is the one already stored (accepted on the screen).
 */
export const targetKind: RegisterKind<TargetRow, TargetRowInput> = {
  kind: 'target-indikator',
  permission: 'config.manage',
  listPath: '/pengaturan/target',
  title: { id: 'Target indikator', en: 'Indicator targets' },
  fields: TARGET_FIELDS,
  keyField: 'indicatorCode',
  schema: targetRowSchema as unknown as z.ZodType<TargetRowInput, Record<string, string>>,
  async prepare(client: Tx, _rows, _importer, regions): Promise<Prepared> {
    const found = await client.indicator.findMany({ select: { code: true, name: true, nameEn: true, aggregation: true } })
    const indicators = new Map<string, { code: string; aggregation: 'SUM' | 'RATIO' | 'PROVINCE' }>()
    for (const i of found) for (const n of [i.code, i.name, i.nameEn]) indicators.set(headingKey(n), { code: i.code, aggregation: i.aggregation })
    return { regions, indicators }
  },
  rowKey(values, _importer, prepared) {
    const p = prepared as Prepared
    const text = (values.indicatorCode ?? '').trim()
    if (!text) return null
    const code = p.indicators.get(headingKey(text))?.code ?? text.toUpperCase()
    return rowKeyOf(code, (values.year ?? '').trim(), targetPeriod(values.quarter) ?? (values.quarter ?? '').trim(), regencyOfText(values.regencyCode, p.regions))
  },
  resolve(values, _importer, prepared, errors) {
    const indicator = (prepared as Prepared).indicators.get(headingKey(values.indicatorCode ?? ''))
    if (!indicator) errors.indicatorCode = `Indikator "${values.indicatorCode}" tidak dikenal: tulis kode atau nama indikator seperti di katalog indikator.`
    else values.indicatorCode = indicator.code
  },
  async findExisting(client, keys) {
    const parsed = keys.map((k) => k.split('/')).filter((k) => k.length === 4 && /^\d{4}$/.test(k[1]) && /^[0-4]$/.test(k[2]))
    if (!parsed.length) return []
    const wanted = new Set(parsed.map((k) => k.join('/')))
    const rows = await client.indicatorTarget.findMany({
      where: { indicatorCode: { in: [...new Set(parsed.map((k) => k[0]))] }, year: { in: [...new Set(parsed.map((k) => Number(k[1])))] } },
      select: { id: true, indicatorCode: true, year: true, quarter: true, regencyCode: true, value: true },
    })
    return rows.filter((r) => wanted.has(rowKeyOf(r.indicatorCode, r.year, r.quarter, r.regencyCode)))
  },
  keyOf: (row) => rowKeyOf(row.indicatorCode, row.year, row.quarter, row.regencyCode),
  regencyOf: (row) => row.regencyCode ?? '',
  isDeleted: () => false,
  asFormText: (row) => ({ indicatorCode: row.indicatorCode, year: String(row.year), quarter: String(row.quarter), regencyCode: row.regencyCode ?? '', value: formValue(row.value) }),
  checkInput(input, regions, _importer, prepared): Record<string, string> {
    const indicator = [...(prepared as Prepared).indicators.values()].find((i) => i.code === input.indicatorCode)
    if (input.regencyCode !== null && !regions.regencies.has(input.regencyCode)) return { regencyCode: 'Kabupaten/kota di luar provinsi.' }
    if (indicator?.aggregation === 'PROVINCE' && input.regencyCode !== null) return { regencyCode: 'Hanya baris provinsi yang diisi.' }
    return {}
  },
  compareFields: ['value'],
  show: (_field, value) => formValue(value),
  insert: async () => { throw new Error('targets are written per grid (writeAll)') },
  update: async () => false,
  async writeAll(tx, actor, importer, rows) {
    // one grid per indicator and year; a grid whose cells are all unchanged is left as it is
    const grids = new Map<string, TargetRowInput[]>()
    const changed = new Set<string>()
    for (const r of rows) {
      const k = `${r.input.indicatorCode}/${r.input.year}`
      grids.set(k, [...(grids.get(k) ?? []), r.input])
      if (r.outcome !== 'UNCHANGED') changed.add(k)
    }
    for (const [k, inputs] of grids) {
      if (!changed.has(k)) continue
      const { indicatorCode, year } = inputs[0]
      const [indicator, stored] = await Promise.all([
        tx.indicator.findUniqueOrThrow({ where: { code: indicatorCode }, select: { aggregation: true } }),
        tx.indicatorTarget.findMany({ where: { indicatorCode, year }, select: { regencyCode: true, quarter: true, value: true } }),
      ])
      const before: TargetCell[] = stored.map((c) => ({ regencyCode: c.regencyCode, quarter: c.quarter, value: Number(c.value) }))
      const cells = new Map(before.map((c) => [cellKey(c.regencyCode, c.quarter), c]))
      for (const i of inputs) cells.set(cellKey(i.regencyCode, i.quarter), { regencyCode: i.regencyCode, quarter: i.quarter, value: i.value })
      const after = [...cells.values()]
      // the screen's province total check; a difference already stored was accepted there and stays acceptable
      const check = provinceTotalCheck(indicator.aggregation, after)
      if (check.difference !== null && check.difference !== 0 && check.difference !== provinceTotalCheck(indicator.aggregation, before).difference) {
        throw new PermanentJobError(`Target ${indicatorCode} ${year}: jumlah target kabupaten/kota ${num(check.regencySum!)} berbeda ${num(check.difference)} dari target provinsi ${num(check.province!)}. Perbaiki berkasnya, atau simpan selisihnya di layar Target.`)
      }
      await writeTargetGrid(tx, { ...actor, id: importer.id }, { indicatorCode, year, cells: after })
    }
  },
}
