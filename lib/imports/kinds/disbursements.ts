import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { BusinessScale } from '@/lib/generated/prisma/enums'
import type { EligibilityIssue } from '@/lib/credit/eligibility'
import { DISBURSEMENT_MESSAGES, disbursementErrorsWith, insertDisbursements, programRules } from '@/lib/credit/disbursements'
import { importedLoansMissedMonths, plannedLoansMissedMonths } from '@/lib/data/disbursements'
import { maskNik } from '@/lib/registers/nik'
import { jakartaToday } from '@/lib/dates'
import { disbursementSchema } from '@/lib/validations/credit'
import type { z } from 'zod'
import { headingKey, type FieldDef } from '../fields'
import { formValue, showOf } from './common'
import type { Importer, RegisterKind, Tx } from './types'

type DisbursementInput = z.infer<typeof disbursementSchema>

const disbursementProgramSelect = {
  id: true, code: true, year: true, borrowerRate: true, maxPlafond: true, maxTenorMonths: true, eligibleScales: true,
} satisfies Prisma.CreditProgramSelect
type DisbursementProgram = Prisma.CreditProgramGetPayload<{ select: typeof disbursementProgramSelect }>
const borrowerSelect = { id: true, nib: true, ownerNik: true, businessName: true, regencyCode: true, computedScale: true } satisfies Prisma.MsmeSelect
type Borrower = { id: string; nib: string; ownerNik: string; businessName: string; regencyCode: string; computedScale: BusinessScale }
type Loan = { program: DisbursementProgram; bankId: string; bankRate: number; borrower: Borrower; input: DisbursementInput; issues: EligibilityIssue[] }

/** A recorded loan as the import compares it: programme and bank by their codes, the borrower by NIB. */
type LoanRow = {
  id: string; programId: string; bankId: string; accountNumber: string; nib: string; ownerNik: string
  contractDate: Date; plafond: unknown; tenorMonths: number; method: string; regencyCode: string
}

type Prepared = {
  banks: { id: string; code: string; names: string[] }[]
  programs: (DisbursementProgram & { names: string[]; bankIds: string[] })[]
  rates: { programId: string; bankId: string; effectiveFrom: string; rate: number }[]
  borrowers: Map<string, Borrower>
}

const METHOD_OPTIONS = [
  { value: 'ANNUITY', label: 'Anuitas', labelEn: 'Annuity', aliases: ['Annuity', 'Anuitet'] },
  { value: 'FLAT', label: 'Flat', labelEn: 'Flat', aliases: ['Tetap'] },
]

export const DISBURSEMENT_FIELDS: FieldDef[] = [
  { key: 'programId', label: 'Program', labelEn: 'Programme', synonyms: ['Kode Program', 'Nama Program', 'Program Kredit'], required: true, type: 'text', help: 'Kode program (PROKESRA-2024) atau namanya (Prokesra 2024): program yang disalurkan bank tersebut, seperti di menu Kredit.', examples: ['PROKESRA-2024', 'PROKESRA-2024', 'PROKESRA-2024'] },
  { key: 'bankId', label: 'Bank', labelEn: 'Bank', synonyms: ['Bank Penyalur', 'Kode Bank', 'Nama Bank'], type: 'text', help: 'Kode bank (BPRJATIM) atau namanya. Petugas bank boleh mengosongkannya: baris menjadi milik bank Anda; baris bank lain ditolak. Admin wajib mengisinya.', examples: ['BPRJATIM', '', 'BPRJATIM'] },
  { key: 'accountNumber', label: 'Nomor Rekening', labelEn: 'Loan account number', synonyms: ['No. Rekening', 'No Rekening', 'Rekening', 'No. Rek', 'Nomor Rekening Pinjaman', 'No. Pinjaman'], required: true, type: 'text', help: 'Nomor rekening pinjaman di bank, 3–30 karakter (huruf, angka, titik, garis miring, tanda hubung). Kunci impor bersama bank: rekening yang sudah tercatat tidak dicatat dua kali. Format kolom sebagai Teks.', examples: ['PRK-2024-000101', 'PRK-2024-000102', 'PRK-2024-000103'] },
  { key: 'nib', label: 'NIB', labelEn: 'NIB (business ID number)', synonyms: ['No. NIB', 'Nomor NIB', 'Nomor Induk Berusaha', 'NIB Debitur'], required: true, type: 'digits', digits: 13, help: 'NIB debitur (13 digit) seperti di register UMKM. Bersama NIK pemilik memastikan debiturnya.', examples: ['9120001234567', '9120001234568', '9120001234569'] },
  { key: 'ownerNik', label: 'NIK Pemilik', labelEn: 'Owner NIK', synonyms: ['NIK', 'NIK Debitur', 'No. KTP'], required: true, type: 'digits', digits: 16, help: 'NIK pemilik usaha dari berkas pinjaman, 16 digit; harus sama dengan register UMKM. Format kolom sebagai Teks: Excel membulatkan angka 16 digit.', examples: ['3517014101850001', '3517014202860002', '3517010303870003'] },
  { key: 'contractDate', label: 'Tanggal Akad', labelEn: 'Contract date', synonyms: ['Tgl Akad', 'Tanggal Realisasi', 'Tanggal Pencairan', 'Tgl Realisasi'], required: true, type: 'date', help: 'Tanggal akad/realisasi: 18/09/2024, 18 September 2024, 2024-09-18 atau sel tanggal Excel; dalam tahun program.', examples: ['15/01/2024', '3 Februari 2024', '2024-03-11'] },
  { key: 'plafond', label: 'Plafon', labelEn: 'Loan amount (plafond)', synonyms: ['Plafond', 'Plafon Kredit', 'Nilai Pinjaman', 'Plafon (Rp)'], required: true, type: 'money', help: 'Rupiah utuh, minimal 1.000.000 dan paling tinggi plafon maksimal program: 25000000, 25.000.000 atau Rp25.000.000.', examples: ['25.000.000', 'Rp10.000.000', '15000000'] },
  { key: 'tenorMonths', label: 'Tenor (bulan)', labelEn: 'Tenor (months)', synonyms: ['Tenor', 'Jangka Waktu', 'Jangka Waktu (bulan)', 'Tenor Bulan'], required: true, type: 'number', help: 'Jangka waktu dalam bulan penuh, 1 sampai tenor maksimal program.', examples: ['24', '12', '18'] },
  { key: 'method', label: 'Metode Angsuran', labelEn: 'Instalment method', synonyms: ['Metode', 'Jenis Angsuran'], type: 'enum', options: METHOD_OPTIONS, help: 'Anuitas atau Flat. Kosong: Anuitas.', examples: ['Anuitas', 'Anuitas', 'Flat'] },
  { key: 'acceptException', label: 'Terima Pengecualian', labelEn: 'Accept exception', synonyms: ['Pengecualian'], type: 'bool', help: 'Hanya admin: Ya untuk mencatat pinjaman yang melanggar ketentuan program (tetap ditandai). Diabaikan untuk petugas bank.', examples: ['', '', ''] },
  { key: 'exceptionReason', label: 'Alasan Pengecualian', labelEn: 'Exception reason', synonyms: ['Alasan'], type: 'text', help: 'Alasan admin menerima pengecualian, minimal 10 karakter, paling banyak 500.', examples: ['', '', ''] },
]

/** The schema's own ceiling for any programme (lib/validations/credit.ts), replaced by the programme's when it is known. */
const TENOR_SCHEMA_MAX = 'Tenor paling lama 120 bulan.'

const COMPARED = ['programId', 'nib', 'contractDate', 'plafond', 'tenorMonths', 'method']

const names = (...xs: (string | number | null | undefined)[]) => xs.filter((x) => x !== null && x !== undefined && x !== '').map((x) => headingKey(String(x)))

/** The bank a row names (code, name or short name); a bank officer's empty cell is its own bank. */
function bankOf(text: string | undefined, importer: Importer, p: Prepared) {
  const t = (text ?? '').trim()
  if (!t) return importer.role === 'BANK_OFFICER' ? p.banks.find((b) => b.id === importer.bankId) ?? null : null
  const k = headingKey(t)
  return p.banks.find((b) => b.names.includes(k)) ?? null
}

/** The bank's contract rate in force on the date (the latest effective on or before it). */
function rateFrom(p: Prepared, programId: string, bankId: string, date: string): number | null {
  let best: { effectiveFrom: string; rate: number } | null = null
  for (const r of p.rates) if (r.programId === programId && r.bankId === bankId && r.effectiveFrom <= date && (!best || r.effectiveFrom > best.effectiveFrom)) best = r
  return best ? best.rate : null
}

/** Everything one row's write needs, or the field → message that refuses it (the form's sentences). */
function loanOf(input: DisbursementInput, importer: Importer, p: Prepared): { errors: Record<string, string>; loan?: Loan } {
  const errors: Record<string, string> = {}
  const bank = p.banks.find((b) => b.code === input.bankId)
  const program = p.programs.find((x) => x.code === input.programId)
  if (!bank || !program) return { errors: { programId: DISBURSEMENT_MESSAGES.noProgramField } }
  // the bank confirms its borrower with two numbers from its loan file: one answer for an unknown NIB or a wrong NIK
  const found = p.borrowers.get(input.nib)
  const borrower = found && found.ownerNik === input.ownerNik ? found : null
  // the programme rules of the form and the API (lib/credit/disbursements.ts), in the same fields; the loan's own
  // limits also for a borrower not confirmed, as the form says them
  const rules = programRules(program, borrower, input, importer.role)
  for (const [field, messages] of Object.entries(rules.refusal?.fieldErrors ?? {})) errors[field] = messages.join(' ')
  if (!borrower) return { errors: { ...errors, nib: DISBURSEMENT_MESSAGES.borrowerField, ownerNik: DISBURSEMENT_MESSAGES.borrowerField } }
  const bankRate = rateFrom(p, program.id, bank.id, input.contractDate)
  if (bankRate === null) errors.contractDate ??= DISBURSEMENT_MESSAGES.noRateField
  return { errors, loan: { program, bankId: bank.id, bankRate: bankRate ?? 0, borrower, input, issues: rules.issues } }
}

/**
 * Disbursements (realisasi penyaluran), by bank + loan account number: a bank officer for its own bank
 * (another bank's rows are refused row by row), an admin for any partner bank. Each row passes the form's
 * checks (lib/credit/disbursements.ts): borrower by NIB + owner NIK, programme rules, bank rate in
 * force. A recorded loan is never changed by an import: the same row again is "unchanged", a different one refused.
 */
export const disbursementKind: RegisterKind<LoanRow, DisbursementInput> = {
  kind: 'penyaluran',
  permission: 'disbursements.write',
  listPath: '/kredit/penyaluran',
  title: { id: 'Penyaluran kredit', en: 'Disbursements' },
  fields: DISBURSEMENT_FIELDS,
  keyField: 'accountNumber',
  defaults: { method: 'ANNUITY' },
  // the form's schema; its number fields also accept numbers, which the import never passes (cells arrive as text)
  schema: disbursementSchema as unknown as z.ZodType<DisbursementInput, Record<string, string>>,
  async prepare(client: Tx, rows): Promise<Prepared> {
    const nibs = [...new Set(rows.map((r) => r.nib).filter((n) => n && /^\d{13}$/.test(n)))]
    const [banks, programs, rates, borrowers] = await Promise.all([
      client.bank.findMany({ select: { id: true, code: true, name: true, shortName: true } }),
      client.creditProgram.findMany({ select: { ...disbursementProgramSelect, scheme: true, name: true, banks: { select: { bankId: true } } } }),
      client.programRate.findMany({ select: { programId: true, bankId: true, effectiveFrom: true, rate: true } }),
      nibs.length ? client.msme.findMany({ where: { nib: { in: nibs }, deletedAt: null }, select: borrowerSelect }) : [],
    ])
    return {
      banks: banks.map((b) => ({ id: b.id, code: b.code, names: names(b.code, b.name, b.shortName) })),
      programs: programs.map(({ banks: pb, scheme, name, ...p }) => ({ ...p, names: names(p.code, name, `${scheme} ${p.year}`), bankIds: pb.map((b) => b.bankId) })),
      rates: rates.map((r) => ({ programId: r.programId, bankId: r.bankId, effectiveFrom: r.effectiveFrom.toISOString().slice(0, 10), rate: Number(r.rate) })),
      borrowers: new Map(borrowers.map((m) => [m.nib, m as Borrower])),
    }
  },
  async template(client, user) {
    // drop-downs of codes (the import also takes names): a bank officer's own bank and its programmes, the agency's all
    const own = user.role === 'BANK_OFFICER' ? user.bankId ?? '' : null
    const [banks, programs] = await Promise.all([
      client.bank.findMany({ where: own === null ? { active: true } : { id: own }, select: { code: true }, orderBy: { code: 'asc' } }),
      client.creditProgram.findMany({ where: own === null ? {} : { banks: { some: { bankId: own } } }, select: { code: true, year: true }, orderBy: [{ year: 'desc' }, { code: 'asc' }] }),
    ])
    // the examples name this year's programme (the latest begun), with contract dates in its year: they had named
    // PROKESRA-2024 in 2026
    const thisYear = Number(jakartaToday().slice(0, 4))
    const program = programs.find((p) => p.year <= thisYear) ?? programs[0]
    // an admin names the bank on every row (the examples' bank when it is a partner, else the first); a bank
    // officer may leave it empty (its own bank)
    const example = DISBURSEMENT_FIELDS.find((f) => f.key === 'bankId')!.examples[0]
    const bank = own === null && banks.some((b) => b.code === example) ? example : banks[0]?.code
    return {
      lists: { programId: programs.map((p) => p.code), bankId: banks.map((b) => b.code) },
      examples: {
        ...(bank && { bankId: own === null ? [bank, bank, bank] : [bank, '', bank] }),
        ...(program && {
          programId: [program.code, program.code, program.code],
          contractDate: [`15/01/${program.year}`, `3 Februari ${program.year}`, `${program.year}-03-11`],
          accountNumber: [`PRK-${program.year}-000101`, `PRK-${program.year}-000102`, `PRK-${program.year}-000103`],
        }),
      },
      // the exception columns are the agency's decision, ignored in a bank officer's file: not offered to one
      ...(own !== null && { omit: ['acceptException', 'exceptionReason'] }),
    }
  },
  rowKey(values, importer, prepared) {
    const account = (values.accountNumber ?? '').trim()
    if (!account) return null
    const bank = bankOf(values.bankId, importer, prepared as Prepared)
    return `${bank?.code ?? (values.bankId || '?').trim()}/${account}`
  },
  resolve(values, importer, prepared, errors) {
    const p = prepared as Prepared
    const bank = bankOf(values.bankId, importer, p)
    if (!bank) {
      errors.bankId = values.bankId ? `Bank "${values.bankId}" tidak dikenal; tulis kodenya (${p.banks.map((b) => b.code).join(', ')}) atau namanya.` : 'Pilih bank penyalur.'
      return
    }
    if (importer.role === 'BANK_OFFICER' && bank.id !== importer.bankId) {
      errors.bankId = 'Di luar bank Anda: petugas bank hanya dapat mengimpor pinjaman banknya sendiri.'
      return
    }
    values.bankId = bank.code
    const k = headingKey(values.programId ?? '')
    const program = k ? p.programs.find((x) => x.names.includes(k) && x.bankIds.includes(bank.id)) : undefined
    if (k && !program) errors.programId = 'Program tidak ditemukan untuk bank ini: tulis kode atau nama program yang disalurkan bank ini.'
    else if (program) values.programId = program.code
  },
  async findExisting(client, keys, importer) {
    const byBank = new Map<string, string[]>()
    for (const key of keys) {
      const i = key.indexOf('/')
      const list = byBank.get(key.slice(0, i)) ?? []
      list.push(key.slice(i + 1))
      byBank.set(key.slice(0, i), list)
    }
    const loans = await client.disbursement.findMany({
      where: {
        OR: [...byBank].map(([code, accounts]) => ({ bank: { code }, accountNumber: { in: accounts } })),
        // a bank officer's file never learns of another bank's loans
        ...(importer.role === 'BANK_OFFICER' ? { bankId: importer.bankId ?? '' } : {}),
      },
      select: {
        id: true, accountNumber: true, contractDate: true, plafond: true, tenorMonths: true, method: true, regencyCode: true,
        bank: { select: { code: true } }, program: { select: { code: true } }, msme: { select: { nib: true, ownerNik: true } },
      },
    })
    return loans.map((l) => ({
      id: l.id, programId: l.program.code, bankId: l.bank.code, accountNumber: l.accountNumber, nib: l.msme.nib, ownerNik: l.msme.ownerNik,
      contractDate: l.contractDate, plafond: l.plafond, tenorMonths: l.tenorMonths, method: l.method, regencyCode: l.regencyCode,
    }))
  },
  keyOf: (row) => `${row.bankId}/${row.accountNumber}`,
  regencyOf: (row) => row.regencyCode,
  isDeleted: () => false,
  asFormText: (row) => ({
    programId: row.programId, bankId: row.bankId, accountNumber: row.accountNumber, nib: row.nib, ownerNik: row.ownerNik,
    contractDate: formValue(row.contractDate), plafond: formValue(row.plafond), tenorMonths: String(row.tenorMonths), method: row.method,
  }),
  checkInput: (input, _regions, importer, prepared) => loanOf(input, importer, prepared as Prepared).errors,
  // a row the schema refused is told its programme limits and its borrower beside, as the form is (the form's helper on
  // the batch's programmes and borrowers): a tenor of 600 said with the programme's 24 months, not the schema's 120
  alsoWhenInvalid(values, importer, prepared, errors) {
    const p = prepared as Prepared
    // resolve() has turned the bank and the programme into their codes when it knew them
    const bank = bankOf(values.bankId, importer, p)
    if (!bank || errors.bankId) return
    const program = errors.programId ? null : p.programs.find((x) => x.code === values.programId && x.bankIds.includes(bank.id)) ?? null
    const msme = p.borrowers.get((values.nib ?? '').trim()) ?? null
    // an account already recorded is the comparison's to judge (an unchanged row is no fault), not a "taken" number
    const beside = disbursementErrorsWith(values, importer.role, { program, taken: false, msme })
    for (const [field, messages] of Object.entries(beside)) {
      // the programme's tenor limit replaces the schema's 120 months: the programme's is the one the row must meet
      if (!errors[field] || (field === 'tenorMonths' && errors[field] === TENOR_SCHEMA_MAX)) errors[field] = messages.join(' ')
    }
  },
  compareFields: COMPARED,
  immutable: 'Rekening ini sudah tercatat dengan nilai lain; impor tidak mengubah pinjaman yang sudah tercatat.',
  show: showOf(DISBURSEMENT_FIELDS, { field: 'ownerNik', with: maskNik }),
  async insert(tx, actor, input, importer, prepared) {
    const { loan } = loanOf(input, importer, prepared as Prepared)
    if (!loan) throw new Error('a row checked valid has no loan')
    // the write path of the form and the API: the loan, its subsidy schedule and its audit row
    const [created] = await insertDisbursements(tx, [{ input: loan.input, bankId: loan.bankId, program: loan.program, msme: loan.borrower, bankRate: loan.bankRate, issues: loan.issues }], actor)
    return created.id
  },
  update: async () => false,
  // before the write: the new loans that would fall in months their bank already claimed (said with the dry run and in
  // its confirmation); the row as checked: bank and programme by their codes, the date read, the tenor a number
  plannedOf: (input) => [input.accountNumber, input.bankId ?? '', input.programId, input.contractDate, input.tenorMonths],
  checkedFacts: async (client, importer, planned) => {
    const loans = planned.map(([accountNumber, bankCode, programCode, contractDate, tenorMonths]) => ({
      accountNumber: String(accountNumber), bankCode: String(bankCode), programCode: String(programCode), contractDate: String(contractDate), tenorMonths: Number(tenorMonths),
    }))
    const plannedMissedMonths = await plannedLoansMissedMonths(importer, loans, client)
    return plannedMissedMonths && { plannedMissedMonths }
  },
  // the new loans that fall in months their bank already claimed without them: the result names them, as the form does
  committedFacts: async (tx, importId, importer) => {
    const missedMonths = await importedLoansMissedMonths(importer, importId, tx)
    return missedMonths && { missedMonths }
  },
}
