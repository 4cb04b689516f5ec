import 'server-only'
import type { z } from 'zod'
import { provinceTotalCheck, quarterTargetsAboveYear } from '@/lib/config/catalogue'
import { storedGridCells, writeTargetGrid } from '@/lib/config/targets'
import { formatNumber } from '@/lib/format'
import { PermanentJobError } from '@/lib/jobs'
import { targetDecimalsErrors, targetPeriod, targetRowSchema, type TargetCell, type TargetRowInput } from '@/lib/validations/config'
import { headingKey, type FieldDef } from '../fields'
import { resolveRegency, type RegionIndex } from '../regions'
import { formValue, showOf } from './common'
import type { RegisterKind, Tx } from './types'
import { serverText } from '@/lib/i18n/server-text'

/** A stored target cell. */
type TargetRow = { id: string; indicatorCode: string; year: number; quarter: number; regencyCode: string | null; value: unknown }

type Prepared = {
  regions: RegionIndex
  /** code, name and English name (heading keys) → the indicator */
  indicators: Map<string, { code: string; aggregation: 'SUM' | 'RATIO' | 'PROVINCE'; timeAggregation: 'FLOW' | 'STOCK'; decimals: number }>
  /** `indicator/year` → the province total problem of that grid as it would be after the file (its year rows are refused with it) */
  offTotal: Map<string, string>
  /** `indicator/year/regency` → a flow's quarters above its year as the file would leave that row of the grid (its rows are refused with it) */
  aboveYear: Map<string, string>
}

type Aggregation = 'SUM' | 'RATIO' | 'PROVINCE'

export const PROVINCE_KEY = 'PROV'
/** The Periode column's drop-down: the year, or a quarter (the schema reads 0, 1–4 and TW III too: lib/validations/config.ts targetPeriod). */
const PERIOD_CHOICES = ['Tahun', 'I', 'II', 'III', 'IV']
const num = (n: number) => formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2 })

export const TARGET_FIELDS: FieldDef[] = [
  { key: 'indicatorCode', label: 'Indikator', labelEn: 'Indicator', synonyms: ['Kode Indikator', 'Nama Indikator'], required: true, type: 'text', help: 'Kode indikator (mis. KOP_AKTIF) atau namanya seperti di katalog indikator.', examples: ['KOP_AKTIF', 'KOP_AKTIF', 'KOP_AKTIF'] },
  { key: 'year', label: 'Tahun', labelEn: 'Year', synonyms: ['Tahun Target'], required: true, type: 'number', help: 'Tahun target, mis. 2027.', examples: ['2027', '2027', '2027'] },
  { key: 'quarter', label: 'Periode', labelEn: 'Period', synonyms: ['Triwulan', 'TW'], type: 'text', choices: PERIOD_CHOICES, format: 'Tahun, atau triwulan I–IV (kosong, 0 dan 1–4 juga diterima)', help: 'Kosong, 0 atau Tahun untuk target setahun; 1–4 (I–IV, TW III) untuk target triwulan.', examples: ['Tahun', 'Tahun', 'Tahun'] },
  { key: 'regencyCode', label: 'Kabupaten/Kota', labelEn: 'Regency/city', synonyms: ['Kode Kabupaten', 'Kab/Kota', 'Kabupaten', 'Kota', 'Wilayah'], type: 'regency', help: 'Kode Kemendagri (35.17) atau nama kabupaten/kota; kosong untuk target provinsi. Indikator tingkat provinsi hanya memiliki target provinsi. Kunci impor: indikator + tahun + periode + kabupaten/kota.', examples: ['', '35.17', '35.07'] },
  // the province's year target and two regencies' that add up to it: the province total check passes (provinceTotalCheck)
  { key: 'value', label: 'Target', labelEn: 'Target', synonyms: ['Nilai Target', 'Nilai'], required: true, type: 'number', decimals: true, help: 'Angka tidak negatif seperti di layar Target: 43.950 atau 85,30. Untuk indikator yang dijumlahkan, target setahun kabupaten/kota harus berjumlah sama dengan target provinsi. Untuk indikator yang dijumlah antar-triwulan, target triwulan I–IV tidak boleh berjumlah lebih dari target setahunnya.', examples: ['1.000', '600', '400'] },
]

const cellKey = (regencyCode: string | null, quarter: number) => `${regencyCode ?? PROVINCE_KEY}/${quarter}`
const gridKey = (indicatorCode: string, year: number) => `${indicatorCode}/${year}`
const rowKeyOf = (indicatorCode: string, year: number | string, quarter: number | string, regencyCode: string | null) => `${indicatorCode}/${year}/${quarter}/${regencyCode ?? PROVINCE_KEY}`

function regencyOfText(text: string | undefined, regions: RegionIndex): string | null {
  const t = (text ?? '').trim()
  if (!t) return null
  const r = resolveRegency(t, regions)
  return r && 'code' in r ? r.code : t
}

/**
 * The screen's province total check (lib/config/catalogue.ts provinceTotalCheck) on a grid as a file would
 * leave it: the sentence naming the regencies' sum, the difference and the province's target, or null when
 * they add up, the indicator is not summed, or the difference is the one already stored (accepted on the screen).
 */
function provinceTotalProblem(indicatorCode: string, year: number, aggregation: Aggregation, before: TargetCell[], after: TargetCell[]): string | null {
  const check = provinceTotalCheck(aggregation, after)
  if (check.difference === null || check.difference === 0 || check.difference === provinceTotalCheck(aggregation, before).difference) return null
  // more or less, unsigned, as the target screen says it
  return check.difference! > 0
    ? `Target ${indicatorCode} ${year}: jumlah target kabupaten/kota ${num(check.regencySum!)} lebih ${num(check.difference!)} dari target provinsi ${num(check.province!)}. Perbaiki berkasnya, atau simpan selisihnya di layar Target.`
    : `Target ${indicatorCode} ${year}: jumlah target kabupaten/kota ${num(check.regencySum!)} kurang ${num(-check.difference!)} dari target provinsi ${num(check.province!)}. Perbaiki berkasnya, atau simpan selisihnya di layar Target.`
}

/**
 * The screen's rule that a summed flow's quarter targets do not add up past its year target (lib/config/catalogue.ts
 * quarterTargetsAboveYear), on a grid as a file would leave it: each row of the grid (a regency, or the province)
 * that breaks it, keyed `regency or PROV`, with its sentence. A row the file leaves as stored is not judged (a grid
 * stored before the rule is no import's fault); a row the file touches is, whatever it was before.
 */
function quartersAboveYearProblems(indicatorCode: string, year: number, indicator: { aggregation: Aggregation; timeAggregation: 'FLOW' | 'STOCK' }, before: TargetCell[], after: TargetCell[]): Map<string, string> {
  return new Map(quarterTargetsAboveYear(indicator, after, before).map((r) => [
    r.regencyCode ?? PROVINCE_KEY,
    r.regencyCode
      ? `Target ${indicatorCode} ${year} kabupaten/kota ${r.regencyCode}: jumlah target triwulan ${num(r.quarterSum)} melebihi target tahun ${num(r.year)}; target triwulan tidak boleh melebihi target tahunnya.`
      : `Target ${indicatorCode} ${year} provinsi: jumlah target triwulan ${num(r.quarterSum)} melebihi target tahun ${num(r.year)}; target triwulan tidak boleh melebihi target tahunnya.`,
  ]))
}

/** A grid's stored cells and its cells after `cells` (a later cell of the same regency and period replaces the stored one). */
function gridAfter(stored: TargetCell[], cells: Iterable<TargetCell>): TargetCell[] {
  const merged = new Map(stored.map((c) => [cellKey(c.regencyCode, c.quarter), c]))
  for (const c of cells) merged.set(cellKey(c.regencyCode, c.quarter), c)
  return [...merged.values()]
}

/**
 * What the kind keeps of the whole file in the pipeline's first pass (gather): the cells the file sets (year and
 * quarters), per grid (`indicator/year` → cell → value), and the keys of the rows read (only the first row of a key
 * counts: a later one is refused as a duplicate, whether the first is valid or not).
 */
type Gathered = {
  indicators: Prepared['indicators']
  grids: Map<string, Map<string, TargetCell>>
  seen: Set<string>
}

/** Indicator code, name and English name (heading keys) → the indicator. */
async function indicatorNames(client: Tx): Promise<Prepared['indicators']> {
  const found = await client.indicator.findMany({ select: { code: true, name: true, nameEn: true, aggregation: true, timeAggregation: true, decimals: true } })
  const indicators: Prepared['indicators'] = new Map()
  for (const i of found) for (const n of [i.code, i.name, i.nameEn]) indicators.set(headingKey(n), { code: i.code, aggregation: i.aggregation, timeAggregation: i.timeAggregation, decimals: i.decimals })
  return indicators
}

/**
 * A row's cell as the schema and the cell's own checks will accept it (its grid and cell, a year or a quarter), or
 * null: refused on its own (unreadable, another province's regency, a regency of a province-level indicator, a
 * fraction of a count), so never written, and no part of the sums the other rows are judged by.
 */
function cellOf(r: Record<string, string>, p: Pick<Prepared, 'indicators' | 'regions'>): { grid: string; cell: TargetCell } | null {
  const indicator = p.indicators.get(headingKey(r.indicatorCode ?? ''))
  const parsed = targetRowSchema.safeParse({ ...r, indicatorCode: indicator?.code ?? '', regencyCode: regencyOfText(r.regencyCode, p.regions) ?? '' })
  if (!parsed.success || !indicator) return null
  const { indicatorCode, year, quarter, regencyCode, value } = parsed.data
  if (regencyCode !== null && (!p.regions.regencies.has(regencyCode) || indicator.aggregation === 'PROVINCE')) return null
  if (Object.keys(targetDecimalsErrors([{ regencyCode, quarter, value }], indicator.decimals)).length) return null
  return { grid: gridKey(indicatorCode, year), cell: { regencyCode, quarter, value } }
}

/**
 * Indicator targets (target indikator), by indicator + year + period + regency (empty: the province's own
 * target): admins only (config.manage), as on the target screen. Each cell is checked by the screen's rules
 * (a non-negative figure, a regency of the province, a province-level indicator only on the province's row)
 * and the grids the file touches are written through the screen's path (lib/config/targets.ts writeTargetGrid:
 * the grid's version moved on, one audit row per grid). The province total is checked on the grid as the whole
 * file would leave it (the `gather` pass collects every grid's year cells before any row gets its verdict): a
 * summed indicator whose regencies' year targets do not add up to the province's has every year row refused,
 * unless the difference is the one already stored (accepted on the screen); the write checks again. So is the
 * screen's rule that a flow's quarter targets do not add up past its year: every row of a regency whose quarters
 * the file would take past its year (or whose year below its quarters) is refused with the sums.
 */
export const targetKind: RegisterKind<TargetRow, TargetRowInput> = {
  kind: 'target-indikator',
  permission: 'config.manage',
  listPath: '/pengaturan/target',
  title: { id: 'Target indikator', en: 'Indicator targets' },
  fields: TARGET_FIELDS,
  keyField: 'indicatorCode',
  keyFields: ['indicatorCode', 'year', 'quarter', 'regencyCode'],
  schema: targetRowSchema as unknown as z.ZodType<TargetRowInput, Record<string, string>>,
  async gather(client, rows, importer, regions, gathered): Promise<Gathered> {
    const g = (gathered as Gathered | undefined) ?? { indicators: await indicatorNames(client), grids: new Map(), seen: new Set() }
    const p = { indicators: g.indicators, regions }
    for (const r of rows) {
      const key = targetKind.rowKey!(r, importer, p)
      if (!key || g.seen.has(key)) continue
      g.seen.add(key)
      const found = cellOf(r, p)
      if (!found) continue
      const cells = g.grids.get(found.grid) ?? new Map<string, TargetCell>()
      g.grids.set(found.grid, cells)
      cells.set(cellKey(found.cell.regencyCode, found.cell.quarter), found.cell)
    }
    return g
  },
  async prepare(client: Tx, rows, importer, regions, gathered): Promise<Prepared> {
    // the pipeline gathers the whole file first; called on its own, a batch is its own file
    const file = (gathered as Gathered | undefined) ?? await targetKind.gather!(client, rows, importer, regions, undefined) as Gathered
    const { indicators } = file
    const offTotal = new Map<string, string>()
    const aboveYear = new Map<string, string>()
    // as the write will check them, on the grids of this batch's rows as the whole file leaves them: the province
    // total of a summed indicator (year rows), and a flow's quarters against its year (each regency's rows)
    const byCode = new Map([...indicators.values()].map((i) => [i.code, i]))
    const touched = new Set(rows.map((r) => cellOf(r, { indicators, regions })?.grid).filter((k): k is string => Boolean(k)))
    const checked = [...touched].map((k) => k.split('/')).filter(([code]) => byCode.get(code)?.aggregation === 'SUM' || byCode.get(code)?.timeAggregation === 'FLOW')
    const stored = checked.length
      ? await client.indicatorTarget.findMany({
        where: { OR: checked.map(([indicatorCode, year]) => ({ indicatorCode, year: Number(year) })) },
        select: { indicatorCode: true, year: true, regencyCode: true, quarter: true, value: true },
      })
      : []
    for (const [indicatorCode, yearText] of checked) {
      const year = Number(yearText)
      const grid = gridKey(indicatorCode, year)
      const indicator = byCode.get(indicatorCode)!
      const before = stored.filter((c) => c.indicatorCode === indicatorCode && c.year === year).map((c) => ({ regencyCode: c.regencyCode, quarter: c.quarter, value: Number(c.value) }))
      const fileCells = [...file.grids.get(grid)?.values() ?? []]
      // what "valid rows only" would write must pass the write's checks too: a row refused for its quarters leaves
      // its cells out of the province total, and year rows refused for the total leave the quarters judged by the
      // years that stay
      const above = quartersAboveYearProblems(indicatorCode, year, indicator, before, gridAfter(before, fileCells))
      const kept = fileCells.filter((c) => !above.has(c.regencyCode ?? PROVINCE_KEY))
      const problem = provinceTotalProblem(indicatorCode, year, indicator.aggregation, before, gridAfter(before, kept))
      if (problem) {
        offTotal.set(grid, problem)
        const quartersOnly = kept.filter((c) => c.quarter !== 0)
        for (const [row, text] of quartersAboveYearProblems(indicatorCode, year, indicator, before, gridAfter(before, quartersOnly))) above.set(row, text)
      }
      for (const [row, text] of above) aboveYear.set(`${grid}/${row}`, text)
    }
    return { regions, indicators, offTotal, aboveYear }
  },
  async template(client, _user, regencies) {
    const indicators = await client.indicator.findMany({ where: { active: true }, select: { code: true, name: true, nameEn: true, aggregation: true }, orderBy: [{ form: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { code: 'asc' }] })
    const lists = { indicatorCode: indicators.map((i) => i.code) }
    // a province-level indicator says so beside its name: its target has no regency
    const codes = { field: 'indicatorCode', rows: indicators.map((i): [string, string, string] => i.aggregation === 'PROVINCE'
      ? [i.code, `${i.name} (tingkat provinsi: Kabupaten/Kota dikosongkan)`, serverText(`${i.nameEn} (tingkat provinsi: Kabupaten/Kota dikosongkan)`, 'en')]
      : [i.code, i.name, i.nameEn]) }
    // examples that pass the checks: next year's targets of a summed indicator, the province's and two regencies' adding up to it
    const summed = indicators.find((i) => i.aggregation === 'SUM')
    if (!summed || regencies.length < 2) return { lists, codes }
    const year = String(new Date().getUTCFullYear() + 1)
    return {
      lists,
      codes,
      examples: {
        indicatorCode: [summed.code, summed.code, summed.code], year: [year, year, year], quarter: ['Tahun', 'Tahun', 'Tahun'],
        regencyCode: ['', regencies[0].name, regencies[1].name], value: ['1.000', '600', '400'],
      },
    }
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
    const p = prepared as Prepared
    const indicator = [...p.indicators.values()].find((i) => i.code === input.indicatorCode)
    if (input.regencyCode !== null && !regions.regencies.has(input.regencyCode)) return { regencyCode: 'Kabupaten/kota di luar provinsi.' }
    // the target screen's "only the province row" names no row in a file: the row says what to do with it
    if (indicator?.aggregation === 'PROVINCE' && input.regencyCode !== null) return { regencyCode: `${indicator.code} adalah indikator tingkat provinsi: kosongkan Kabupaten/Kota.` }
    // the indicator's decimals, as on the target screen: a count's target is whole
    const decimals = indicator ? targetDecimalsErrors([{ regencyCode: input.regencyCode, quarter: input.quarter, value: input.value }], indicator.decimals) : {}
    const decimalsProblem = Object.values(decimals)[0]?.[0]
    if (decimalsProblem) return { value: decimalsProblem }
    // a year target of a grid whose regencies would not add up to the province's: every year row of it answers
    const offTotal = input.quarter === 0 ? p.offTotal.get(gridKey(input.indicatorCode, input.year)) : undefined
    if (offTotal) return { value: offTotal }
    // a flow's quarters above its year: every row of that regency's (or the province's) year and quarters answers
    const above = p.aboveYear.get(`${gridKey(input.indicatorCode, input.year)}/${input.regencyCode ?? PROVINCE_KEY}`)
    return above ? { value: above } : {}
  },
  compareFields: ['value'],
  show: showOf(TARGET_FIELDS),
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
      const [indicator, before] = await Promise.all([
        tx.indicator.findUniqueOrThrow({ where: { code: indicatorCode }, select: { aggregation: true, timeAggregation: true } }),
        storedGridCells(tx, indicatorCode, year),
      ])
      const after = gridAfter(before, inputs.map((i) => ({ regencyCode: i.regencyCode, quarter: i.quarter, value: i.value })))
      // the screen's province total check, again on what is written (the grid may have changed since the dry run)
      const problem = provinceTotalProblem(indicatorCode, year, indicator.aggregation, before, after) ?? [...quartersAboveYearProblems(indicatorCode, year, indicator, before, after).values()][0]
      if (problem) throw new PermanentJobError(problem)
      await writeTargetGrid(tx, { ...actor, id: importer.id }, { indicatorCode, year, cells: after })
    }
  },
}
