import 'server-only'
import type { z } from 'zod'
import { getQuarterForms, getValidationRules, toRuleIndicators } from '@/lib/data/reporting'
import { AppError } from '@/lib/errors'
import { parseWholeNumber } from '@/lib/parse'
import { PermanentJobError } from '@/lib/jobs'
import { currentQuarter, isDueInQuarter, previousQuarter, quarterLabel, quarterStarted, type PeriodType } from '@/lib/reporting/periods'
import { COMPARED_REPORT_STATUSES, evaluateRules, isEntered, type Rule, type RuleIndicator, type Values } from '@/lib/reporting/rules'
import { STATUS_LABEL, writeReportValues } from '@/lib/reporting/writes'
import { decimalsProblem, parseDecimalInput, quarterNumber, reportValueRowSchema, type ReportValueRowInput } from '@/lib/validations/reporting'
import { headingKey, shownValue, type FieldDef } from '../fields'
import { resolveRegency, type RegionIndex } from '../regions'
import { fieldValue, formValue, showOf } from './common'
import type { BilingualMessage, RegisterKind, Tx } from './types'

/** A stored value as the import compares it, with its report's place and status. */
type ValueRow = { id: string; regencyCode: string; year: number; quarter: number; indicatorCode: string; value: unknown; comment: string | null; status: string }

type Report = { status: string; values: Values; comments: Record<string, string | null> }

/**
 * What the kind keeps of the whole file in the pipeline's first pass (gather): per report, the values the
 * file's rows set, as the file leaves them. Only the first row of an indicator counts (a later one is refused
 * as a duplicate); an empty value keeps the stored one, so it sets nothing.
 */
type Gathered = {
  /** code, name and English name (heading keys) → indicator code */
  indicatorByName: Map<string, string>
  /** every indicator of the catalogue by code: why one a row names is not in its report */
  indicatorInfo: Map<string, IndicatorInfo>
  /** `regency/year/quarter` → the file's values for that report, and the indicators its rows carry */
  reports: Map<string, { values: Values; seen: Set<string> }>
}

/** What a row's refusal says of an indicator that is in the catalogue but not in the row's report. */
type IndicatorInfo = { aggregation: 'SUM' | 'RATIO' | 'PROVINCE'; periodType: PeriodType }

type Prepared = {
  regions: RegionIndex
  /** code, name and English name (heading keys) → indicator code */
  indicatorByName: Map<string, string>
  indicatorInfo: Map<string, IndicatorInfo>
  /** `year/quarter` → the quarter's indicators (the forms due then, as the entry form shows them) */
  quarters: Map<string, RuleIndicator[]>
  /** `regency/year/quarter` → the stored report */
  reports: Map<string, Report>
  /** `regency/year/quarter` → the values of the whole file's rows for that report (so rules see them together) */
  file: Map<string, { values: Values }>
  rules: Rule[]
}

const LOCKED = new Set(['SUBMITTED', 'APPROVED'])

export const REPORT_VALUE_FIELDS: FieldDef[] = [
  { key: 'regencyCode', label: 'Kabupaten/Kota', labelEn: 'Regency/city', synonyms: ['Kode Kabupaten', 'Kab/Kota', 'Kabupaten', 'Kota', 'Kode Kab/Kota', 'Wilayah'], required: true, type: 'regency', help: 'Kode Kemendagri (35.17) atau nama (Kabupaten Jombang). Petugas kabupaten/kota hanya dapat mengimpor wilayahnya sendiri.', examples: ['35.17', '35.17', 'Kabupaten Jombang'] },
  { key: 'year', label: 'Tahun', labelEn: 'Year', synonyms: ['Tahun Laporan'], required: true, type: 'number', help: 'Tahun laporan, mis. 2026.', examples: ['2026', '2026', '2026'] },
  { key: 'quarter', label: 'Triwulan', labelEn: 'Quarter', synonyms: ['TW', 'Kuartal', 'Periode'], required: true, type: 'text', choices: ['I', 'II', 'III', 'IV'], format: 'triwulan: I–IV (3, TW III dan Triwulan III juga diterima)', help: 'Triwulan 1–4: III, 3, TW III atau Triwulan III. Triwulan yang belum dimulai ditolak.', examples: ['III', 'III', 'III'] },
  { key: 'indicatorCode', label: 'Indikator', labelEn: 'Indicator', synonyms: ['Kode Indikator', 'Nama Indikator'], required: true, type: 'text', help: 'Kode indikator (mis. KOP_AKTIF) atau namanya seperti di formulir laporan triwulan. Indikator yang dihitung otomatis (rasio) tidak diimpor. Kunci impor bersama kabupaten/kota, tahun dan triwulan: satu baris per indikator.', examples: ['KOP_TERDAFTAR', 'KOP_AKTIF', 'KSP_SEHAT'] },
  { key: 'value', label: 'Nilai', labelEn: 'Value', synonyms: ['Jumlah', 'Angka', 'Realisasi'], type: 'number', decimals: true, help: 'Angka seperti di formulir: 43.950 atau 85,30. Kosong pada baris baru berarti belum diisi; kosong pada nilai yang sudah tercatat berarti tetap. Nilai yang melanggar aturan validasi bertingkat Galat (mis. koperasi aktif melebihi koperasi terdaftar) ditolak pada barisnya dengan alasannya: di formulir nilai seperti itu masih dapat disimpan sebagai draf, tetapi laporan tidak dapat dikirim sebelum diperbaiki. Aturan bertingkat Peringatan tidak menolak baris.', examples: ['1.250', '980', '640'] },
  { key: 'comment', label: 'Keterangan', labelEn: 'Comment', synonyms: ['Catatan', 'Komentar'], type: 'text', help: 'Keterangan nilai, paling banyak 1000 karakter; wajib sebelum laporan dikirim bila ada peringatan.', examples: ['', '', 'Angka sementara; diperbarui setelah verifikasi'] },
]

const VALUE_FIELD = REPORT_VALUE_FIELDS.find((f) => f.key === 'value')!
const COMMENT_FIELD = REPORT_VALUE_FIELDS.find((f) => f.key === 'comment')!

const ROMAN = ['I', 'II', 'III', 'IV']
/** The template's example values, in the order of its example indicators: the first is the largest (a count of registered cooperatives, then active ones, then healthy KSP), as the seeded ERROR rules want. */
const EXAMPLE_VALUES = ['1.250', '980', '640']

const reportKey = (regency: string, year: number | string, quarter: number | string) => `${regency}/${year}/${quarter}`

/**
 * The year a row's text names, read by the one parser (lib/parse.ts): `2026` and `2026.0` are one year, so one
 * report and one key (the file's duplicate check had told them apart by their text); null when it names none
 * (empty, not a number, not whole: `Number('')` had been year 0).
 */
function yearOf(text: string | undefined): number | null {
  const year = parseWholeNumber(text)
  return year !== null && Number.isInteger(year) ? year : null
}

/** The report a row's texts name, or null when they do not name one (the row is refused on its own). */
function placeOf(r: Record<string, string>, regions: RegionIndex): { regency: string; year: number; quarter: number } | null {
  const year = yearOf(r.year)
  const quarter = quarterNumber(r.quarter)
  const regency = regencyOfText(r.regencyCode, regions)
  return year !== null && quarter && regions.regencies.has(regency) ? { regency, year, quarter } : null
}

/**
 * Indicator code, name and English name (heading keys) → code, for every indicator of the catalogue: one that no
 * report carries (a province-level figure) is still known by its name, so that its row says why it is refused
 * instead of calling it unknown.
 */
async function indicatorNames(client: Tx): Promise<Pick<Gathered, 'indicatorByName' | 'indicatorInfo'>> {
  const indicators = await client.indicator.findMany({ select: { code: true, name: true, nameEn: true, aggregation: true, form: { select: { periodType: true } } } })
  const indicatorByName = new Map<string, string>()
  for (const i of indicators) for (const n of [i.code, i.name, i.nameEn]) indicatorByName.set(headingKey(n), i.code)
  return { indicatorByName, indicatorInfo: new Map(indicators.map((i) => [i.code, { aggregation: i.aggregation, periodType: i.form.periodType }])) }
}

function regencyOfText(text: string | undefined, regions: RegionIndex): string {
  const r = resolveRegency(text ?? '', regions)
  return r && 'code' in r ? r.code : (text ?? '').trim()
}

function indicatorOfText(text: string | undefined, p: Pick<Prepared, 'indicatorByName'>): string {
  const t = (text ?? '').trim()
  return p.indicatorByName.get(headingKey(t)) ?? t.toUpperCase()
}

/** Why an indicator of the catalogue is not in a quarter's report: a form of another period, or not asked then. */
function notInReport(code: string, info: IndicatorInfo | undefined, quarter: number, period: string): string {
  if (info && !isDueInQuarter(info.periodType, quarter)) {
    return info.periodType === 'SEMESTER'
      ? `Indikator ${code} termasuk formulir semesteran, yang diisi pada laporan Triwulan II dan Triwulan IV; laporan ${period} tidak memuatnya.`
      : `Indikator ${code} termasuk formulir tahunan, yang diisi pada laporan Triwulan IV; laporan ${period} tidak memuatnya.`
  }
  return `Indikator ${code} tidak aktif pada ${period}, sehingga tidak diminta dalam laporannya (lihat Pengaturan › Indikator).`
}

/**
 * Quarterly report values (nilai laporan triwulan), by regency + year + quarter + indicator: a district
 * officer its own regency, the agency any. Only a report still in DRAFT or RETURNED is written, through the
 * entry form's path (lib/reporting/writes.ts writeReportValues: upsert of the file's indicators, the others
 * kept, one audit row per report); a value of a SUBMITTED or APPROVED report, or of a quarter not yet begun,
 * is refused on its row with the reason. Each value is read as the form reads it, and the form's rules
 * (lib/reporting/rules.ts, the one evaluator) are run on the report as the whole file would leave it (the
 * `gather` pass collects every report's values before any row gets its verdict): an ERROR refuses the row.
 */
export const reportValueKind: RegisterKind<ValueRow, ReportValueRowInput> = {
  kind: 'laporan-triwulan',
  permission: 'reports.import',
  listPath: '/laporan-triwulan',
  title: { id: 'Nilai laporan triwulan', en: 'Quarterly report values' },
  fields: REPORT_VALUE_FIELDS,
  keyField: 'indicatorCode',
  keyFields: ['regencyCode', 'year', 'quarter', 'indicatorCode'],
  schema: reportValueRowSchema as unknown as z.ZodType<ReportValueRowInput, Record<string, string>>,
  async gather(client, rows, _importer, regions, gathered): Promise<Gathered> {
    const g = (gathered as Gathered | undefined) ?? { ...await indicatorNames(client), reports: new Map() }
    for (const r of rows) {
      const place = placeOf(r, regions)
      if (!place) continue
      const k = reportKey(place.regency, place.year, place.quarter)
      const report = g.reports.get(k) ?? { values: {}, seen: new Set<string>() }
      g.reports.set(k, report)
      const indicator = indicatorOfText(r.indicatorCode, g)
      if (!indicator || report.seen.has(indicator)) continue
      report.seen.add(indicator)
      const value = parseDecimalInput(r.value)
      if (r.value?.trim() && value !== null && Number.isFinite(value)) report.values[indicator] = value
    }
    return g
  },
  async prepare(client: Tx, rows, importer, regions, gathered): Promise<Prepared> {
    // the pipeline gathers the whole file first; called on its own, a batch is its own file
    const file = (gathered as Gathered | undefined) ?? await reportValueKind.gather!(client, rows, importer, regions, undefined) as Gathered
    const p: Prepared = { regions, indicatorByName: file.indicatorByName, indicatorInfo: file.indicatorInfo, quarters: new Map(), reports: new Map(), file: file.reports, rules: [] }
    const places = new Map<string, { regency: string; year: number; quarter: number }>()
    for (const r of rows) {
      const place = placeOf(r, regions)
      if (place) places.set(reportKey(place.regency, place.year, place.quarter), place)
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
  async template(client, user, regencies) {
    // the indicators a regency enters (not a province-level figure, not a computed share), as a drop-down of codes
    const entered = await client.indicator.findMany({
      where: { active: true, aggregation: 'SUM' }, select: { code: true, name: true, nameEn: true }, orderBy: [{ form: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { code: 'asc' }],
    })
    const codes = { field: 'indicatorCode', rows: entered.map((i): [string, string, string] => [i.code, i.name, i.nameEn]) }
    // examples that pass the checks today: the quarter open now, the user's own regency (the first for the agency),
    // the first indicators of that quarter's forms
    const { year, quarter } = currentQuarter(new Date())
    const regency = regencies.find((r) => r.code === user.regencyCode) ?? regencies[0]
    const picks = toRuleIndicators(await getQuarterForms(year, quarter)).filter(isEntered).slice(0, EXAMPLE_VALUES.length)
    const lists = { indicatorCode: entered.map((i) => i.code) }
    if (!regency || !picks.length) return { lists, codes }
    const each = (text: string) => picks.map(() => text)
    return {
      lists,
      codes,
      examples: {
        regencyCode: each(regency.name), year: each(String(year)), quarter: each(ROMAN[quarter - 1]), indicatorCode: picks.map((i) => i.code),
        value: EXAMPLE_VALUES.slice(0, picks.length), comment: REPORT_VALUE_FIELDS.find((f) => f.key === 'comment')!.examples.slice(0, picks.length),
      },
    }
  },
  rowKey(values, _importer, prepared) {
    const p = prepared as Prepared
    const indicator = (values.indicatorCode ?? '').trim()
    if (!indicator) return null
    return `${reportKey(regencyOfText(values.regencyCode, p.regions), yearOf(values.year) ?? (values.year ?? '').trim(), quarterNumber(values.quarter) ?? (values.quarter ?? '').trim())}/${indicatorOfText(indicator, p)}`
  },
  resolve(values, _importer, prepared, errors) {
    const p = prepared as Prepared
    const q = quarterNumber(values.quarter)
    if (!q) errors.quarter = 'Triwulan harus 1–4 (atau I–IV, TW III, Triwulan III).'
    else values.quarter = String(q)
    const code = p.indicatorByName.get(headingKey(values.indicatorCode ?? ''))
    if (!code) errors.indicatorCode = `Indikator "${values.indicatorCode}" tidak dikenal: tulis kode atau nama indikator seperti di formulir laporan triwulan.`
    else if (p.indicatorInfo.get(code)?.aggregation === 'PROVINCE') {
      // in the catalogue, but a province-level figure (PDRB): the agency records it, no regency's report carries it
      errors.indicatorCode = `Indikator ${code} adalah angka tingkat provinsi yang dicatat Dinas, bukan nilai laporan kabupaten/kota; tidak diimpor di sini.`
    } else values.indicatorCode = code
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
  // the row names the regency it is for: the refusal says so in that column, with the officer's own
  outOfScope: (regencyCode, importer, regions) => ({
    regencyCode: `Baris ini untuk ${regions.regencies.get(regencyCode) ?? regencyCode}; Anda hanya dapat mengimpor nilai kabupaten/kota Anda (${regions.regencies.get(importer.regencyCode ?? '') ?? importer.regencyCode}).`,
  }),
  isDeleted: () => false,
  asFormText: (row) => ({ regencyCode: row.regencyCode, year: String(row.year), quarter: String(row.quarter), indicatorCode: row.indicatorCode, value: formValue(row.value), comment: row.comment ?? '' }),
  checkInput(input, _regions, _importer, prepared): Record<string, string | BilingualMessage> {
    const p = prepared as Prepared
    const period = `${quarterLabel(input.quarter)} ${input.year}`
    if (!quarterStarted(input.year, input.quarter, new Date())) return { quarter: `${period} belum dimulai; nilainya belum dapat diisi.` }
    const indicators = p.quarters.get(`${input.year}/${input.quarter}`) ?? []
    const indicator = indicators.find((i) => i.code === input.indicatorCode)
    if (!indicator) return { indicatorCode: notInReport(input.indicatorCode, p.indicatorInfo.get(input.indicatorCode), input.quarter, period) }
    if (!isEntered(indicator)) return { indicatorCode: `Indikator ${input.indicatorCode} dihitung otomatis dari dua indikator lain; impor kedua indikator itu.` }
    // the entry form's check (saveReport): more decimals than the indicator allows is refused, never rounded
    const fraction = decimalsProblem(input.value, indicator.decimals)
    if (fraction) return { value: fraction }
    const k = reportKey(input.regencyCode, input.year, input.quarter)
    const report = p.reports.get(k)
    // a submitted or approved report: the reason is the report's status, so the refusal stands under the quarter
    // the row names (the pipeline's `immutable` would put it under Nilai or Keterangan); an unchanged row passes
    if (report && LOCKED.has(report.status)) {
      const status = STATUS_LABEL[report.status as 'SUBMITTED']
      if (!(input.indicatorCode in report.values)) return { quarter: `Laporan ${period} berstatus ${status}; nilainya tidak dapat ditambah lewat impor.` }
      const stored = { value: fieldValue(VALUE_FIELD, report.values[input.indicatorCode]), comment: fieldValue(COMMENT_FIELD, report.comments[input.indicatorCode]) }
      const valueChanged = stored.value !== fieldValue(VALUE_FIELD, input.value)
      const commentChanged = stored.comment !== fieldValue(COMMENT_FIELD, input.comment)
      if (valueChanged || commentChanged) {
        const recorded = `${shownValue(VALUE_FIELD, stored.value) || '(kosong)'}${commentChanged ? `, keterangan: ${stored.comment || '(kosong)'}` : ''}`
        // worded as the pipeline's own refusal ("… tidak diubah lewat impor. Tercatat: …"), so both have one English
        return { quarter: `Laporan ${period} berstatus ${status}; nilainya tidak diubah lewat impor. Tercatat: ${recorded}.` }
      }
    }
    // the form's rules on the report as the whole file leaves it (stored values, then the file's, then this row's)
    // an error on this value, or one this value brings on another (active > registered, a share over 100%)
    const prev = previousQuarter(input.year, input.quarter)
    const prevReport = p.reports.get(reportKey(input.regencyCode, prev.year, prev.quarter))
    const previous = prevReport && (COMPARED_REPORT_STATUSES as readonly string[]).includes(prevReport.status) ? prevReport.values : {}
    const inFile = p.file.get(k)?.values ?? {}
    const others: Values = { ...report?.values, ...inFile }
    const found = (values: Values) => evaluateRules({ indicators, rules: p.rules, values, previous })
    const before = new Set(found({ ...others, [input.indicatorCode]: report?.values[input.indicatorCode] ?? null }).map((f) => `${f.ruleCode}/${f.indicatorCode}`))
    const blamed = (f: { ruleCode: string; indicatorCode: string }) => {
      if (f.indicatorCode === input.indicatorCode) return true
      if (before.has(`${f.ruleCode}/${f.indicatorCode}`)) return false
      // a computed share: its numerator's row answers for it; another value of this file answers for itself
      const derived = indicators.find((i) => i.code === f.indicatorCode && !isEntered(i))
      return derived ? derived.numeratorCode === input.indicatorCode : !(f.indicatorCode in inFile)
    }
    const finding = found({ ...others, [input.indicatorCode]: input.value }).find(blamed)
    // the rule's own English (the report form shows it by locale), stored with the verdict
    return finding ? { value: { id: finding.message, en: finding.messageEn } } : {}
  },
  compareFields: ['value', 'comment'],
  // a backstop only: checkInput refuses a changed row of such a report first, under its quarter
  immutable: (row) => (LOCKED.has(row.status) ? `Laporan ${quarterLabel(row.quarter)} ${row.year} berstatus ${STATUS_LABEL[row.status as 'SUBMITTED']}; nilainya tidak diubah lewat impor.` : null),
  show: showOf(REPORT_VALUE_FIELDS),
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
