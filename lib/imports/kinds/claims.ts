import 'server-only'
import type { z } from 'zod'
import type { BankLine } from '@/lib/credit/claim-reasons'
import { claimAmountProblem, dueByLoan, settleClaimNotices, writeClaim } from '@/lib/credit/claim-submission'
import { claimableMonths, lastEndedMonth } from '@/lib/dates'
import { formatMonth } from '@/lib/format'
import { AppError } from '@/lib/errors'
import { PermanentJobError } from '@/lib/jobs'
import { isIsoMonth, parseDateText } from '@/lib/parse'
import { claimLineSchema } from '@/lib/validations/credit'
import { headingKey, type FieldDef } from '../fields'
import { formValue, showOf } from './common'
import type { Importer, RegisterKind, Tx } from './types'

type ClaimLineInput = z.infer<typeof claimLineSchema>

/** A claim of the import, by programme code and month (`PROKESRA-2026/2026-10`): one claim per programme, bank and month. */
const claimKey = (programCode: string, month: Date | string) => `${programCode}/${typeof month === 'string' ? month : month.toISOString().slice(0, 7)}`

/** A stored claim line as the import compares it: programme by code, rate in % per year. */
type LineRow = {
  id: string; month: string; bankCode: string; accountNumber: string; programId: string; status: string
  amount: unknown; balance: unknown; days: number | null; rate: unknown; regencyCode: string
}

type Prepared = {
  bank: { id: string; code: string } | null
  programs: { id: string; code: string; scheme: string; name: string; year: number; names: string[] }[]
  /** account number → the bank's loan's plafond */
  loans: Map<string, number>
  /** `programme code/month` → the claim's status */
  claims: Map<string, string>
  /** `month/account` of the lines already in one of the bank's claims */
  lines: Set<string>
}

const STATUS_LABEL: Record<string, string> = { SUBMITTED: 'diajukan', RETURNED: 'dikembalikan', APPROVED: 'disetujui', PAID: 'dibayar' }

export const CLAIM_FIELDS: FieldDef[] = [
  { key: 'programId', label: 'Program', labelEn: 'Programme', synonyms: ['Kode Program', 'Nama Program'], required: true, type: 'text', help: 'Program (tahun anggaran) yang menanggung klaim: kode (PROKESRA-2026) atau nama (Prokesra 2026). Bulan klaim harus dalam tahun program.', examples: ['PROKESRA-2026', 'PROKESRA-2026', 'PROKESRA-2026'] },
  { key: 'month', label: 'Bulan Klaim', labelEn: 'Claim month', synonyms: ['Bulan', 'Periode', 'Periode Klaim', 'Masa Klaim'], required: true, type: 'text', format: 'bulan: 2026-10, 10/2026 atau Oktober 2026 (sel berformat Teks)', help: 'Bulan yang diklaim, sudah berakhir: 2026-10, 10/2026, Oktober 2026 atau sel tanggal Excel (bulannya yang dipakai).', examples: ['2026-10', '10/2026', 'Oktober 2026'] },
  { key: 'accountNumber', label: 'Nomor Rekening', labelEn: 'Loan account number', synonyms: ['No. Rekening', 'No Rekening', 'Rekening', 'No. Rek', 'Nomor Rekening Pinjaman'], required: true, type: 'text', help: 'Nomor rekening pinjaman yang tercatat sebagai penyaluran bank Anda. Kunci impor bersama bulan klaim dan bank: satu baris per rekening per bulan.', examples: ['PRK-2026-000101', 'PRK-2026-000102', 'PRK-2026-000103'] },
  { key: 'amount', label: 'Jumlah Klaim', labelEn: 'Claimed amount', synonyms: ['Jumlah', 'Subsidi', 'Nilai Klaim', 'Klaim (Rp)', 'Subsidi Bunga'], required: true, type: 'money', help: 'Subsidi bunga yang diklaim untuk rekening ini, Rupiah utuh: 193750, 193.750 atau Rp193.750. Dinas menghitung ulang setiap baris dan menampilkan selisihnya.', examples: ['193.750', '77500', 'Rp116.250'] },
  { key: 'balance', label: 'Saldo Awal', labelEn: 'Opening balance', synonyms: ['Saldo', 'Baki Debet', 'Outstanding', 'Saldo Pokok'], type: 'money', help: 'Saldo pokok awal bulan yang dipakai bank menghitung, Rupiah utuh. Boleh kosong; bila diisi, selisih dengan hitungan Dinas dijelaskan per baris.', examples: ['25.000.000', '', '15.000.000'] },
  { key: 'days', label: 'Hari', labelEn: 'Days', synonyms: ['Jumlah Hari', 'Hari Bunga'], type: 'number', help: 'Jumlah hari bunga yang dipakai bank, 1–62. Boleh kosong.', examples: ['31', '', '31'] },
  { key: 'rate', label: 'Suku Bunga (%)', labelEn: 'Interest rate (%)', synonyms: ['Suku Bunga', 'Bunga Bank', 'Bunga (%)'], type: 'number', decimals: true, format: 'persen per tahun: 14 atau 14,5', help: 'Suku bunga kontrak bank yang dipakai, % per tahun: 14 atau 14,5. Boleh kosong.', examples: ['14', '', '14'] },
]

/** `2026-10`, `2026-10-31`, `10/2026`, `Oktober 2026`, an Excel date serial or date cell → `2026-10`; anything else as typed (the schema refuses it). */
export function monthText(raw: string | undefined): string {
  const t = (raw ?? '').trim()
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(t)) return t.slice(0, 7)
  const mY = /^(\d{1,2})[/.-](\d{4})$/.exec(t)
  if (mY) return `${mY[2]}-${mY[1].padStart(2, '0')}`
  if (/^\d{5}$/.test(t)) return parseDateText(Number(t))?.slice(0, 7) ?? t
  if (/^\p{L}+\.?\s+\d{4}$/u.test(t)) return parseDateText(`1 ${t}`)?.slice(0, 7) ?? t
  return t
}

const bankOf = (p: Prepared) => p.bank

/**
 * The loans of the bank's scheme with subsidy due in `month` (lib/credit/claim-submission.ts dueByLoan) that neither the
 * import's valid rows of that month (their key: month/bank/account) nor a claim not returned already hold; null: none.
 */
async function loansLeftOut(client: Tx, importId: string, bank: { id: string; code: string }, scheme: string, month: string): Promise<{ loans: number; due: number } | null> {
  const monthStart = `${month}-01`
  const prefix = `${month}/${bank.code}/`
  const [r] = await client.$queryRaw<{ loans: number; due: string }[]>`
    WITH filed AS (
      SELECT substr(key, ${prefix.length + 1}) AS account FROM import_rows
      WHERE import_id = ${importId} AND outcome <> 'INVALID' AND left(key, ${prefix.length}) = ${prefix}
    )
    SELECT count(*)::int AS loans, coalesce(sum(d.due), 0)::text AS due
    FROM (${dueByLoan(bank.id, scheme, monthStart)}) d JOIN disbursements dd ON dd.id = d.disbursement_id
    WHERE dd.account_number NOT IN (SELECT account FROM filed)
      AND NOT EXISTS (
        SELECT 1 FROM claim_lines cl JOIN subsidy_claims c ON c.id = cl.claim_id
        WHERE cl.disbursement_id = d.disbursement_id AND c.bank_id = ${bank.id} AND c.month = ${monthStart}::date AND c.status <> 'RETURNED')`
  return r.loans > 0 ? { loans: r.loans, due: Number(r.due) } : null
}

/**
 * Claim lines (rincian klaim subsidi bunga), by claim month + bank + loan account: a bank officer's own
 * bank. The lines of one programme and month are that month's claim, written through the claim's own path
 * (lib/credit/claim-submission.ts writeClaim): the agency's recomputation and the reason of each difference
 * stored beside every line, a RETURNED claim resubmitted with the file's lines, one SUBMIT audit row. A
 * claim already submitted, approved or paid is never touched: its same lines are "unchanged", others refused.
 */
export const claimLineKind: RegisterKind<LineRow, ClaimLineInput> = {
  kind: 'klaim',
  permission: 'claims.submit',
  listPath: '/kredit/klaim',
  title: { id: 'Rincian klaim subsidi', en: 'Claim lines' },
  fields: CLAIM_FIELDS,
  keyField: 'accountNumber',
  schema: claimLineSchema as unknown as z.ZodType<ClaimLineInput, Record<string, string>>,
  async prepare(client: Tx, rows, importer: Importer): Promise<Prepared> {
    const bankId = importer.bankId ?? ''
    const accounts = [...new Set(rows.map((r) => (r.accountNumber ?? '').trim()).filter(Boolean))]
    // only real months are looked up (`2023-13` is the schema's refusal of its row, not a query's)
    const months = [...new Set(rows.map((r) => monthText(r.month)).filter(isIsoMonth))]
    const [bank, programs, loans, claims, lines] = await Promise.all([
      client.bank.findUnique({ where: { id: bankId }, select: { id: true, code: true } }),
      client.creditProgram.findMany({ where: { banks: { some: { bankId } } }, select: { id: true, code: true, scheme: true, name: true, year: true } }),
      accounts.length ? client.disbursement.findMany({ where: { bankId, accountNumber: { in: accounts } }, select: { accountNumber: true, plafond: true } }) : [],
      months.length ? client.subsidyClaim.findMany({ where: { bankId, month: { in: months.map((m) => new Date(`${m}-01`)) } }, select: { month: true, status: true, program: { select: { code: true } } } }) : [],
      months.length && accounts.length
        ? client.claimLine.findMany({ where: { claim: { bankId, month: { in: months.map((m) => new Date(`${m}-01`)) } }, disbursement: { accountNumber: { in: accounts } } }, select: { claim: { select: { month: true } }, disbursement: { select: { accountNumber: true } } } })
        : [],
    ])
    return {
      bank,
      programs: programs.map((p) => ({ ...p, names: [p.code, p.name, `${p.scheme} ${p.year}`].map(headingKey) })),
      loans: new Map(loans.map((l) => [l.accountNumber, Number(l.plafond)])),
      claims: new Map(claims.map((c) => [claimKey(c.program.code, c.month), c.status])),
      lines: new Set(lines.map((l) => `${l.claim.month.toISOString().slice(0, 7)}/${l.disbursement.accountNumber}`)),
    }
  },
  async template(client, user) {
    const programs = await client.creditProgram.findMany({ where: { banks: { some: { bankId: user.bankId ?? '' } } }, select: { code: true, year: true }, orderBy: [{ year: 'desc' }, { code: 'asc' }] })
    const lists = { programId: programs.map((p) => p.code) }
    // examples of a month that can be claimed: the newest one of the programmes' years, as the claim form offers first
    const month = claimableMonths(programs.map((p) => p.year), lastEndedMonth())[0]
    const program = month && programs.find((p) => String(p.year) === month.slice(0, 4))
    if (!program) return { lists }
    const [y, m] = month.split('-')
    return { lists, examples: { programId: [program.code, program.code, program.code], month: [month, `${m}/${y}`, formatMonth(month)] } }
  },
  rowKey(values, _importer, prepared) {
    const account = (values.accountNumber ?? '').trim()
    if (!account) return null
    return `${monthText(values.month)}/${bankOf(prepared as Prepared)?.code ?? '?'}/${account}`
  },
  resolve(values, _importer, prepared, errors) {
    const p = prepared as Prepared
    values.month = monthText(values.month)
    const k = headingKey(values.programId ?? '')
    const program = k ? p.programs.find((x) => x.names.includes(k)) : undefined
    if (k && !program) errors.programId = 'Program ini tidak diikuti bank Anda: tulis kode atau nama salah satu program bank Anda.'
    else if (program) values.programId = program.code
  },
  async findExisting(client, keys, importer) {
    const parsed = keys.map((k) => { const [month, , ...rest] = k.split('/'); return { month, account: rest.join('/') } }).filter((k) => isIsoMonth(k.month))
    if (!parsed.length) return []
    const lines = await client.claimLine.findMany({
      where: {
        claim: { bankId: importer.bankId ?? '', month: { in: [...new Set(parsed.map((k) => k.month))].map((m) => new Date(`${m}-01`)) } },
        disbursement: { accountNumber: { in: [...new Set(parsed.map((k) => k.account))] } },
      },
      select: {
        id: true, claimedAmount: true, claimedBalance: true, claimedDays: true, claimedRate: true,
        claim: { select: { month: true, status: true, bank: { select: { code: true } }, program: { select: { code: true } } } },
        disbursement: { select: { accountNumber: true, regencyCode: true } },
      },
    })
    return lines.map((l) => ({
      id: l.id, month: l.claim.month.toISOString().slice(0, 7), bankCode: l.claim.bank.code, accountNumber: l.disbursement.accountNumber, programId: l.claim.program.code,
      status: l.claim.status, amount: l.claimedAmount, balance: l.claimedBalance, days: l.claimedDays, rate: l.claimedRate?.mul(100) ?? null, regencyCode: l.disbursement.regencyCode,
    }))
  },
  keyOf: (row) => `${row.month}/${row.bankCode}/${row.accountNumber}`,
  regencyOf: (row) => row.regencyCode,
  isDeleted: () => false,
  asFormText: (row) => {
    const out: Record<string, string> = { programId: row.programId, month: row.month, accountNumber: row.accountNumber, amount: formValue(row.amount) }
    if (row.balance !== null) out.balance = formValue(row.balance)
    if (row.days !== null) out.days = String(row.days)
    if (row.rate !== null) out.rate = formValue(row.rate)
    return out
  },
  checkInput(input, _regions, _importer, prepared): Record<string, string> {
    const p = prepared as Prepared
    const program = p.programs.find((x) => x.code === input.programId)
    if (!program) return { programId: 'Pilih salah satu program bank Anda.' }
    // the claim form's rules (lib/credit/claim-submission.ts submitClaimFor)
    if (Number(input.month.slice(0, 4)) !== program.year) return { month: `${program.name} hanya menanggung klaim bulan-bulan tahun ${program.year}.` }
    if (input.month > lastEndedMonth()) return { month: `Bulan ${formatMonth(input.month)} belum berakhir: klaimnya diajukan setelah bulan itu selesai.` }
    const plafond = p.loans.get(input.accountNumber)
    if (plafond === undefined) return { accountNumber: 'Rekening tidak dikenal untuk bank Anda: tidak tercatat sebagai penyaluran bank ini.' }
    const tooLarge = claimAmountProblem(input.amount, plafond)
    if (tooLarge) return { amount: tooLarge }
    const status = p.claims.get(claimKey(program.code, input.month))
    if (status && status !== 'RETURNED' && !p.lines.has(`${input.month}/${input.accountNumber}`)) {
      return { month: `Klaim ${program.name} bulan ${formatMonth(input.month)} sudah ${STATUS_LABEL[status] ?? status}; barisnya tidak dapat ditambah.` }
    }
    return {}
  },
  compareFields: ['programId', 'amount', 'balance', 'days', 'rate'],
  // a returned claim's line sent again as it was resubmits the claim (returned for a missing attachment, the bank
  // files the same amounts again); before, the file was "nothing to import" and the form only claims computed amounts
  resubmits: (row) => row.status === 'RETURNED',
  immutable: (row) => (row.status === 'RETURNED' ? null : `Klaim bulan ${formatMonth(row.month)} sudah ${STATUS_LABEL[row.status] ?? row.status}; rinciannya tidak diubah lewat impor.`),
  show: showOf(CLAIM_FIELDS),
  insert: async () => { throw new Error('claim lines are written as their claim (writeAll)') },
  update: async () => false,
  groupOf: (input) => ({ group: claimKey(input.programId, input.month), amount: input.amount }),
  async describeGroups(client, groups, importer, lang, importId) {
    const split = groups.map((g) => { const at = g.lastIndexOf('/'); return { group: g, code: g.slice(0, at), month: g.slice(at + 1) } }).filter((g) => isIsoMonth(g.month))
    const codes = [...new Set(split.map((g) => g.code))]
    const bank = await client.bank.findUnique({ where: { id: importer.bankId ?? '' }, select: { id: true, code: true } })
    const [programs, returned] = await Promise.all([
      client.creditProgram.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, scheme: true } }),
      // the bank's own returned claims of those programmes and months: what a resubmission replaces
      client.subsidyClaim.findMany({
        where: { bankId: importer.bankId ?? '', status: 'RETURNED', program: { code: { in: codes } }, month: { in: [...new Set(split.map((g) => g.month))].map((m) => new Date(`${m}-01`)) } },
        select: { id: true, month: true, program: { select: { code: true } } },
      }),
    ])
    const sums = returned.length
      ? await client.claimLine.groupBy({ by: ['claimId'], where: { claimId: { in: returned.map((c) => c.id) } }, _count: { _all: true }, _sum: { claimedAmount: true } })
      : []
    const name = new Map(programs.map((p) => [p.code, p.name]))
    const replaced = new Map(returned.map((c) => {
      const t = sums.find((x) => x.claimId === c.id)
      return [claimKey(c.program.code, c.month), { lines: t?._count._all ?? 0, sen: Math.round(Number(t?._sum.claimedAmount ?? 0) * 100) }]
    }))
    // the month's loans with subsidy due that the claim would leave out: the bank filing a few lines of a month of
    // 10.000 is told before it confirms, not on the claim's page after (one claim a month: they cannot follow)
    const scheme = new Map(programs.map((p) => [p.code, p.scheme]))
    const leftOut = new Map(await Promise.all(split.map(async (g) => [g.group, bank && scheme.has(g.code) ? await loansLeftOut(client, importId, bank, scheme.get(g.code)!, g.month) : null] as const)))
    return new Map(split.map((g) => [g.group, { name: `${name.get(g.code) ?? g.code} · ${formatMonth(g.month, { locale: lang })}`, replaces: replaced.get(g.group) ?? null, leftOut: leftOut.get(g.group) ?? null }]))
  },
  async writeAll(tx, actor, importer, rows) {
    // one claim per programme and month; a claim whose lines are all unchanged is left as it is
    const groups = new Map<string, { input: ClaimLineInput; outcome: string }[]>()
    for (const r of rows) {
      const k = claimKey(r.input.programId, r.input.month)
      groups.set(k, [...(groups.get(k) ?? []), r])
    }
    const written: string[] = []
    for (const group of groups.values()) {
      if (group.every((r) => r.outcome === 'UNCHANGED')) continue
      const { programId: code, month } = group[0].input
      const program = await tx.creditProgram.findFirstOrThrow({ where: { code, banks: { some: { bankId: importer.bankId ?? '' } } }, select: { id: true, scheme: true } })
      const amounts = new Map<string, BankLine>(group.map(({ input }) => [input.accountNumber, {
        amount: input.amount,
        ...(input.balance !== undefined && { balance: input.balance }),
        ...(input.days !== undefined && { days: input.days }),
        ...(input.rate !== undefined && { rate: input.rate / 100 }),
      }]))
      try {
        written.push(await writeClaim(tx, { ...actor, id: importer.id }, importer.bankId ?? '', program, `${month}-01`, amounts))
      } catch (e) {
        // the claim's own refusal (e.g. submitted meanwhile): the import fails with its sentence, nothing kept
        if (e instanceof AppError) throw new PermanentJobError(`Klaim ${formatMonth(month)}: ${e.userMessage}`)
        throw e
      }
    }
    // once committed: a returned claim sent again by file answers its notice to the bank, as the form's does
    return async () => {
      for (const id of written) await settleClaimNotices(id)
    }
  },
}
