import 'server-only'
import type { z } from 'zod'
import { getQuarterForms, getValidationRules, toRuleIndicators } from '@/lib/data/reporting'
import { AppError } from '@/lib/errors'
import { PermanentJobError } from '@/lib/jobs'
import { previousQuarter, quarterLabel, quarterStarted } from '@/lib/reporting/periods'
import { evaluateRules, isEntered, type Rule, type RuleIndicator, type Values } from '@/lib/reporting/rules'
import { STATUS_LABEL, writeReportValues } from '@/lib/reporting/writes'
import { parseDecimalInput, quarterNumber, reportValueRowSchema, type ReportValueRowInput } from '@/lib/validations/reporting'
import { headingKey, type FieldDef } from '../fields'
import { resolveRegency, type RegionIndex } from '../regions'
import { formValue } from './common'
import type { RegisterKind, Tx } from './types'

/** A stored value as the import compares it, with its report's place and status. */
type ValueRow = { id: string; regencyCode: string; year: number; quarter: number; indicatorCode: string; value: unknown; comment: string | null; status: string }

type Report = { status: string; values: Values; comments: Record<string, string | null> }
type Prepared = {
  regions: RegionIndex
  /** code, name and English name (heading keys) → indicator code */
  indicatorByName: Map<string, string>
  /** `year/quarter` → the quarter's indicators (the forms due then, as the entry form shows them) */
  quarters: Map<string, RuleIndicator[]>
  /** `regency/year/quarter` → the stored report */
  reports: Map<string, Report>
  /** `regency/year/quarter` → the values of this batch's rows for that report (so rules see them together) */
  batch: Map<string, Values>
  rules: Rule[]
}

const LOCKED = new Set(['SUBMITTED', 'APPROVED'])

export const REPORT_VALUE_FIELDS: FieldDef[] = [
  { key: 'regencyCode', label: 'Kabupaten/Kota', synonyms: ['Kode Kabupaten', 'Kab/Kota', 'Kabupaten', 'Kota', 'Kode Kab/Kota', 'Wilayah'], required: true, type: 'regency', help: 'Kode Kemendagri (35.17) atau nama (Kabupaten Jombang). Petugas kabupaten/kota hanya dapat mengimpor wilayahnya sendiri.', examples: ['35.17', '35.17', 'Kabupaten Jombang'] },
  { key: 'year', label: 'Tahun', synonyms: ['Tahun Laporan'], required: true, type: 'number', help: 'Tahun laporan, mis. 2026.', examples: ['2026', '2026', '2026'] },
  { key: 'quarter', label: 'Triwulan', synonyms: ['TW', 'Kuartal', 'Periode'], required: true, type: 'text', help: 'Triwulan 1–4: 3, III, TW III atau Triwulan III. Triwulan yang belum dimulai ditolak.', examples: ['3', 'III', 'TW III'] },
  { key: 'indicatorCode', label: 'Indikator', synonyms: ['Kode Indikator', 'Nama Indikator'], required: true, type: 'text', help: 'Kode indikator (mis. KOP_AKTIF) atau namanya seperti di formulir laporan triwulan. Indikator yang dihitung otomatis (rasio) tidak diimpor. Kunci impor bersama kabupaten/kota, tahun dan triwulan: satu baris per indikator.', examples: ['KOP_TERDAFTAR', 'KOP_AKTIF', 'KOP_RAT'] },
  { key: 'value', label: 'Nilai', synonyms: ['Jumlah', 'Angka', 'Realisasi'], type: 'number', help: 'Angka seperti di formulir: 43.950 atau 85,30. Kosong pada baris baru berarti belum diisi; kosong pada nilai yang sudah tercatat berarti tetap.', examples: ['1.250', '980', '640'] },
  { key: 'comment', label: 'Keterangan', synonyms: ['Catatan', 'Komentar'], type: 'text', help: 'Keterangan nilai, paling banyak 1000 karakter; wajib sebelum laporan dikirim bila ada peringatan.', examples: ['', '', 'Termasuk 12 koperasi yang RAT susulan'] },
]

const reportKey = (regency: string, year: number | string, quarter: number | string) => `${regency}/${year}/${quarter}`

function regencyOfText(text: string | undefined, regions: RegionIndex): string {
  const r = resolveRegency(text ?? '', regions)
  return r && 'code' in r ? r.code : (text ?? '').trim()
}

function indicatorOfText(text: string | undefined, p: Prepared): string {
  const t = (text ?? '').trim()
  return p.indicatorByName.get(headingKey(t)) ?? t.toUpperCase()
}

/**
 * Quarterly report values (nilai laporan triwulan), by regency + year + quarter + indicator: a district
 * officer its own regency, the agency any. Only a report still in DRAFT or RETURNED is written, through the
 * entry form's path (lib/reporting/writes.ts writeReportValues: upsert of the file's indicators, the others
 * kept, one audit row per report); a value of a SUBMITTED or APPROVED report, or of a quarter not yet begun,
 * is refused on its row with the reason. Each value is read as the form reads it, and the form's rules
 * (lib/reporting/rules.ts, the one evaluator) are run on the report as it would be: an ERROR refuses the row.
 */
export const reportValueKind: RegisterKind<ValueRow, ReportValueRowInput> = {
  kind: 'laporan-triwulan',
  permission: 'reports.import',
  listPath: '/laporan-triwulan',
  title: { id: 'Nilai laporan triwulan', en: 'Quarterly report values' },
  fields: REPORT_VALUE_FIELDS,
  keyField: 'indicatorCode',
  schema: reportValueRowSchema as unknown as z.ZodType<ReportValueRowInput, Record<string, string>>,
  async prepare(client: Tx, rows, _importer, regions): Promise<Prepared> {
    const indicators = await client.indicator.findMany({ where: { aggregation: { not: 'PROVINCE' } }, select: { code: true, name: true, nameEn: true } })
    const indicatorByName = new Map<string, string>()
    for (const i of indicators) for (const n of [i.code, i.name, i.nameEn]) indicatorByName.set(headingKey(n), i.code)
    const p: Prepared = { regions, indicatorByName, quarters: new Map(), reports: new Map(), batch: new Map(), rules: [] }
    const places = new Map<string, { regency: string; year: number; quarter: number }>()
    for (const r of rows) {
      const year = Number((r.year ?? '').trim())
      const quarter = quarterNumber(r.quarter)
      const regency = regencyOfText(r.regencyCode, regions)
      if (!Number.isInteger(year) || !quarter || !regions.regencies.has(regency)) continue
      const k = reportKey(regency, year, quarter)
      places.set(k, { regency, year, quarter })
      const value = parseDecimalInput(r.value)
      if (r.value?.trim() && value !== null && Number.isFinite(value)) p.batch.set(k, { ...p.batch.get(k), [indicatorOfText(r.indicatorCode, p)]: value })
    }
    const periods = new Map([...places.values()].map((x) => [`${x.year}/${x.quarter}`, x]))
    // the previous quarters too: a change rule compares with them
    const wanted = [...places.values()].flatMap((x) => [x, { ...x, ...previousQuarter(x.year, x.quarter) }])
    const [forms, rules, stored] = await Promise.all([
      Promise.all([...periods.values()].map(async (x) => [`${x.year}/${x.quarter}`, toRuleIndicators(await getQuarterForms(x.year, x.quarter))] as const)),
      getValidationRules(),
      wanted.length
        ? client.quarterlyReport.findMany({
          where: { OR: wanted.map((x) => ({ regencyCode: x.regency, year: x.year, quarter: x.quarter })) },
          select: { regencyCode: true, year: true, quarter: true, status: true, values: { select: { indicatorCode: true, value: true, comment: true } } },
        })
        : [],
    ])
    p.quarters = new Map(forms)
    p.rules = rules.filter((r) => r.severity === 'ERROR')
    for (const r of stored) {
      p.reports.set(reportKey(r.regencyCode, r.year, r.quarter), {
        status: r.status,
        values: Object.fromEntries(r.values.map((v) => [v.indicatorCode, v.value === null ? null : Number(v.value)])),
        comments: Object.fromEntries(r.values.map((v) => [v.indicatorCode, v.comment])),
      })
    }
    return p
  },
  rowKey(values, _importer, prepared) {
    const p = prepared as Prepared
    const indicator = (values.indicatorCode ?? '').trim()
    if (!indicator) return null
    return `${reportKey(regencyOfText(values.regencyCode, p.regions), (values.year ?? '').trim(), quarterNumber(values.quarter) ?? (values.quarter ?? '').trim())}/${indicatorOfText(indicator, p)}`
  },
  resolve(values, _importer, prepared, errors) {
    const p = prepared as Prepared
    const q = quarterNumber(values.quarter)
    if (!q) errors.quarter = 'Triwulan harus 1–4 (atau I–IV, TW III, Triwulan III).'
    else values.quarter = String(q)
    const code = p.indicatorByName.get(headingKey(values.indicatorCode ?? ''))
    if (!code) errors.indicatorCode = `Indikator "${values.indicatorCode}" tidak dikenal: tulis kode atau nama indikator seperti di formulir laporan triwulan.`
    else values.indicatorCode = code
  },
  async findExisting(client, keys) {
    const parsed = keys.map((k) => k.split('/')).filter((k) => k.length === 4 && /^\d{4}$/.test(k[1]) && /^[1-4]$/.test(k[2]))
    if (!parsed.length) return []
    const wanted = new Set(parsed.map((k) => k.join('/')))
    const rows = await client.reportValue.findMany({
      where: {
        indicatorCode: { in: [...new Set(parsed.map((k) => k[3]))] },
        report: { regencyCode: { in: [...new Set(parsed.map((k) => k[0]))] }, year: { in: [...new Set(parsed.map((k) => Number(k[1])))] }, quarter: { in: [...new Set(parsed.map((k) => Number(k[2])))] } },
      },
      select: { reportId: true, indicatorCode: true, value: true, comment: true, report: { select: { regencyCode: true, year: true, quarter: true, status: true } } },
    })
    return rows
      .map((r) => ({ id: `${r.reportId}/${r.indicatorCode}`, regencyCode: r.report.regencyCode, year: r.report.year, quarter: r.report.quarter, indicatorCode: r.indicatorCode, value: r.value, comment: r.comment, status: r.report.status }))
      .filter((r) => wanted.has(`${reportKey(r.regencyCode, r.year, r.quarter)}/${r.indicatorCode}`))
  },
  keyOf: (row) => `${reportKey(row.regencyCode, row.year, row.quarter)}/${row.indicatorCode}`,
  regencyOf: (row) => row.regencyCode,
  isDeleted: () => false,
  asFormText: (row) => ({ regencyCode: row.regencyCode, year: String(row.year), quarter: String(row.quarter), indicatorCode: row.indicatorCode, value: formValue(row.value), comment: row.comment ?? '' }),
  checkInput(input, _regions, _importer, prepared): Record<string, string> {
    const p = prepared as Prepared
    const period = `${quarterLabel(input.quarter)} ${input.year}`
    if (!quarterStarted(input.year, input.quarter, new Date())) return { quarter: `${period} belum dimulai; nilainya belum dapat diisi.` }
    const indicators = p.quarters.get(`${input.year}/${input.quarter}`) ?? []
    const indicator = indicators.find((i) => i.code === input.indicatorCode)
    if (!indicator) return { indicatorCode: `Indikator ${input.indicatorCode} tidak diminta dalam laporan ${period}.` }
    if (!isEntered(indicator)) return { indicatorCode: `Indikator ${input.indicatorCode} dihitung otomatis dari dua indikator lain; impor kedua indikator itu.` }
    const k = reportKey(input.regencyCode, input.year, input.quarter)
    const report = p.reports.get(k)
    if (report && LOCKED.has(report.status) && !(input.indicatorCode in report.values)) {
      return { indicatorCode: `Laporan ${period} berstatus ${STATUS_LABEL[report.status as 'SUBMITTED']}; nilainya tidak dapat ditambah lewat impor.` }
    }
    // the form's rules on the report as it would be after this file (stored values, then this batch's, then this row's)
    // an error on this value, or one this value brings on another (active > registered, a share over 100%)
    const prev = previousQuarter(input.year, input.quarter)
    const previous = p.reports.get(reportKey(input.regencyCode, prev.year, prev.quarter))?.values ?? {}
    const others: Values = { ...report?.values, ...p.batch.get(k) }
    const found = (values: Values) => evaluateRules({ indicators, rules: p.rules, values, previous })
    const before = new Set(found({ ...others, [input.indicatorCode]: report?.values[input.indicatorCode] ?? null }).map((f) => `${f.ruleCode}/${f.indicatorCode}`))
    const inBatch = p.batch.get(k) ?? {}
    const blamed = (f: { ruleCode: string; indicatorCode: string }) => {
      if (f.indicatorCode === input.indicatorCode) return true
      if (before.has(`${f.ruleCode}/${f.indicatorCode}`)) return false
      // a computed share: its numerator's row answers for it; another value of this file answers for itself
      const derived = indicators.find((i) => i.code === f.indicatorCode && !isEntered(i))
      return derived ? derived.numeratorCode === input.indicatorCode : !(f.indicatorCode in inBatch)
    }
    const finding = found({ ...others, [input.indicatorCode]: input.value }).find(blamed)
    return finding ? { value: finding.message } : {}
  },
  compareFields: ['value', 'comment'],
  immutable: (row) => (LOCKED.has(row.status) ? `Laporan ${quarterLabel(row.quarter)} ${row.year} berstatus ${STATUS_LABEL[row.status as 'SUBMITTED']}; nilainya tidak diubah lewat impor.` : null),
  show: (_field, value) => formValue(value),
  insert: async () => { throw new Error('report values are written per report (writeAll)') },
  update: async () => false,
  async writeAll(tx, actor, importer, rows) {
    // one write per report; a report whose rows are all unchanged is left as it is
    const groups = new Map<string, ReportValueRowInput[]>()
    const changed = new Set<string>()
    for (const r of rows) {
      const k = reportKey(r.input.regencyCode, r.input.year, r.input.quarter)
      groups.set(k, [...(groups.get(k) ?? []), r.input])
      if (r.outcome !== 'UNCHANGED') changed.add(k)
    }
    const catalogue = new Map<string, RuleIndicator[]>()
    for (const [k, inputs] of groups) {
      if (!changed.has(k)) continue
      const { regencyCode, year, quarter } = inputs[0]
      const period = `${year}/${quarter}`
      if (!catalogue.has(period)) catalogue.set(period, toRuleIndicators(await getQuarterForms(year, quarter)))
      const codes = new Set(inputs.map((i) => i.indicatorCode))
      try {
        await writeReportValues(tx, { ...actor, id: importer.id }, {
          regencyCode, year, quarter, replace: false,
          indicators: catalogue.get(period)!.filter((i) => codes.has(i.code)),
          values: Object.fromEntries(inputs.map((i) => [i.indicatorCode, i.value])),
          comments: Object.fromEntries(inputs.map((i) => [i.indicatorCode, i.comment])),
        })
      } catch (e) {
        // the report's own refusal (e.g. submitted meanwhile): the import fails with its sentence, nothing kept
        if (e instanceof AppError) throw new PermanentJobError(`Laporan ${regencyCode} ${quarterLabel(quarter)} ${year}: ${e.userMessage}`)
        throw e
      }
    }
  },
}
