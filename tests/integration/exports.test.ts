/**
 * What the downloads hold as people open them: dates as the app's import reads them back (dd/mm/yyyy) and
 * times in WIB, in CSV and .xlsx alike; labels, not stored codes; one date in a file's name.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { db } from '@/lib/db'
import { signInAs } from '../support/session-mock'
import { createUser } from '../support/factories'
import { GET as auditExport } from '@/app/api/audit/ekspor/route'
import { GET as cooperativesExport } from '@/app/api/koperasi/ekspor/route'
import { GET as msmesExport } from '@/app/api/umkm/ekspor/route'
import { GET as dashboardExport } from '@/app/api/dasbor/ekspor/[dataset]/route'
import { GET as completenessExport } from '@/app/api/laporan-triwulan/kelengkapan/ekspor/route'
import { GET as disbursementsExport } from '@/app/api/kredit/penyaluran/ekspor/route'
import { GET as actionsExport } from '@/app/api/tindak-lanjut/ekspor/route'
import { GET as usersExport } from '@/app/api/pengguna/ekspor/route'

type U = Awaited<ReturnType<typeof createUser>>
let admin: U
const NO_PARAMS = { params: Promise.resolve({}) }
const get = (url: string) => new Request(`http://localhost${url}`)

/** A CSV download's data lines as cells, keyed by header. */
async function csvRows(res: Response): Promise<Record<string, string>[]> {
  expect(res.status).toBe(200)
  const [head, ...lines] = (await res.text()).replace('\uFEFF', '').trimEnd().split('\r\n')
  const headers = head.split(';')
  return lines.map((l) => Object.fromEntries(l.split(';').map((c, i) => [headers[i], c])))
}

async function sheet(res: Response): Promise<ExcelJS.Worksheet> {
  expect(res.status).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await res.arrayBuffer())
  return wb.worksheets[0]
}

beforeAll(async () => {
  admin = await createUser('ADMIN')
})

/**
 * A 2026 programme `<scheme>-2026` of BPR Jatim with one loan per entry, accounts `<scheme>-0`, `-1`, … to MSMEs of
 * Jombang whose NIBs start with `nibPrefix` (10 digits; the loan's index completes them).
 */
async function programWithLoans(scheme: string, nibPrefix: string, loans: { contractDate: string; plafond: number; status?: 'ACTIVE' | 'PAID_OFF' | 'WRITTEN_OFF' }[]) {
  const bank = await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' }, select: { id: true } })
  const name = `${scheme[0]}${scheme.slice(1).toLowerCase()}`
  const program = await db.creditProgram.create({
    data: {
      code: `${scheme}-2026`, scheme, name: `Program ${name} 2026`, year: 2026, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bank.id }] }, rates: { create: [{ bankId: bank.id, effectiveFrom: new Date('2026-01-01'), rate: 0.12 }] },
    },
  })
  for (const [i, loan] of loans.entries()) {
    const msme = await db.msme.create({
      data: { nib: `${nibPrefix}00${i}`, businessName: `Usaha ${name} ${i}`, ownerName: 'Siti Rahayu', ownerNik: `35170141${nibPrefix.slice(-4)}${String(i).padStart(4, '0')}`, ownerGender: 'P', kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO', businessCapital: 50_000_000, annualSales: 300_000_000 },
    })
    await db.disbursement.create({
      data: { programId: program.id, bankId: bank.id, accountNumber: `${scheme}-${i}`, msmeId: msme.id, regencyCode: '35.17', contractDate: new Date(loan.contractDate), plafond: loan.plafond, tenorMonths: 12, bankRate: 0.12, borrowerRate: 0.03, eligibilityIssues: [], status: loan.status ?? 'ACTIVE' },
    })
  }
  return program
}

describe('dates in CSV exports', () => {
  it('writes a calendar day as dd/mm/yyyy, which the import reads back', async () => {
    await db.cooperative.create({ data: { nik: '3517000000009001', name: 'KSP Ekspor Tanggal', type: 'SIMPAN_PINJAM', regencyCode: '35.17', legalEntityDate: new Date('2018-09-21') } })
    signInAs(admin)
    const rows = await csvRows(await cooperativesExport(get('/api/koperasi/ekspor?format=csv&q=Ekspor Tanggal'), undefined))
    expect(rows.map((r) => r['Tanggal badan hukum'])).toEqual(['21/09/2018'])
  })

  it('writes an instant as dd/mm/yyyy HH.mm in WIB', async () => {
    await db.user.update({ where: { id: admin.id }, data: { lastSignInAt: new Date('2024-09-18T02:00:00Z') } })
    signInAs(admin)
    const rows = await csvRows(await usersExport(get(`/api/pengguna/ekspor?format=csv&q=${admin.username}`), undefined))
    expect(rows.find((r) => r['Nama pengguna'] === admin.username)?.['Terakhir masuk']).toBe('18/09/2024 09.00')
  })

  it('gives a follow-up’s meeting day as the Jakarta day of its start', async () => {
    // 06.30 WIB on 19 September is still the 18th in UTC
    const meeting = await db.meeting.create({ data: { title: 'Rakor pagi ekspor', type: 'RAKOR', startsAt: new Date('2024-09-18T23:30:00Z'), endsAt: new Date('2024-09-19T03:00:00Z'), organiser: 'Dinas' } })
    await db.actionItem.create({ data: { meetingId: meeting.id, title: 'Tindak lanjut rapat pagi', ownerKind: 'REGENCY', ownerRegencyCode: '35.17', dueDate: new Date('2024-10-01') } })
    signInAs(admin)
    const rows = await csvRows(await actionsExport(get('/api/tindak-lanjut/ekspor?format=csv&status=all'), NO_PARAMS))
    const row = rows.find((r) => r['Tindak lanjut'] === 'Tindak lanjut rapat pagi')
    expect(row).toMatchObject({ 'Tanggal rapat': '19/09/2024', Tenggat: '01/10/2024' })
  })

  it('names the follow-up file by its filters in Indonesian, the as-of day marked apart from the download day', async () => {
    signInAs(admin)
    const name = async (query: string) => /filename="(.+)"/.exec((await actionsExport(get(`/api/tindak-lanjut/ekspor?format=csv&${query}`), NO_PARAMS)).headers.get('content-disposition') ?? '')?.[1] ?? ''
    // a walk read `tindak-lanjut-terlambat-open-2026-12-07-2026-12-07.csv`
    expect(await name('overdue=1&status=open&asOf=2026-12-07')).toMatch(/^tindak-lanjut-terlambat-belum-selesai-per-2026-12-07-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(await name('status=all&ownerKind=BANK')).toMatch(/^tindak-lanjut-bank-mitra-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(await name('status=IN_PROGRESS')).toMatch(/^tindak-lanjut-dalam-proses-\d{4}-\d{2}-\d{2}\.csv$/)
  })
})

describe('times in .xlsx exports', () => {
  it('writes a report’s first submission at its WIB wall clock, as the app shows it', async () => {
    // 10.00 WIB on 4 July 2026
    await db.quarterlyReport.create({ data: { regencyCode: '35.17', year: 2026, quarter: 2, status: 'SUBMITTED', submittedAt: new Date('2026-07-04T03:00:00Z'), firstSubmittedAt: new Date('2026-07-04T03:00:00Z') } })
    signInAs(admin)
    const ws = await sheet(await completenessExport(get('/api/laporan-triwulan/kelengkapan/ekspor?tahun=2026'), undefined))
    const headers = (ws.getRow(1).values as unknown[]).map(String)
    const column = headers.indexOf('Dikirim pertama')
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === '35.17' && String(r.getCell(3).value).startsWith('Triwulan II '))!
    const cell = row.getCell(column)
    // ExcelJS reads the serial as UTC, which is what Excel displays: 04/07/2026 10:00
    expect(cell.value).toEqual(new Date('2026-07-04T10:00:00Z'))
    expect(cell.numFmt).toBe('dd/mm/yyyy hh:mm')
  })
})

describe('labels, not stored codes', () => {
  it('names a loan’s status as the loan page does', async () => {
    const program = await programWithLoans('EKSPOR', '9120000999', (['ACTIVE', 'PAID_OFF', 'WRITTEN_OFF'] as const).map((status) => ({ contractDate: '2026-01-15', plafond: 20_000_000, status })))
    signInAs(admin)
    const rows = await csvRows(await disbursementsExport(get(`/api/kredit/penyaluran/ekspor?format=csv&program=${program.id}`), undefined))
    const status = Object.fromEntries(rows.map((r) => [r['No. rekening'], r.Status]))
    expect(status).toMatchObject({ 'EKSPOR-0': 'Berjalan', 'EKSPOR-1': 'Lunas', 'EKSPOR-2': 'Macet (dihapusbukukan)' })
  })

  it('gives the audit trail’s role, action and record in words, and the address as stored', async () => {
    await db.auditLog.createMany({
      data: [
        { userId: admin.id, username: 'petugas.jombang', role: 'DISTRICT_OFFICER', action: 'EXPORT', entity: 'ActionItem', ip: '::1' },
        { userId: admin.id, username: 'petugas.jombang', role: 'DISTRICT_OFFICER', action: 'CREATE', entity: 'Cooperative', ip: 'local' },
        { userId: admin.id, username: 'petugas.jombang', role: 'DISTRICT_OFFICER', action: 'UPDATE', entity: 'Cooperative', ip: '203.0.113.7' },
      ],
    })
    signInAs(admin)
    const rows = (await csvRows(await auditExport(get(`/api/audit/ekspor?format=csv&user=${admin.id}`), undefined))).filter((r) => r.Pengguna === 'petugas.jombang')
    expect(rows.map((r) => [r.Peran, r.Tindakan, r.Entitas, r['Alamat IP']])).toEqual([
      ['Petugas Kabupaten/Kota', 'Mengubah', 'Koperasi', '203.0.113.7'],
      ['Petugas Kabupaten/Kota', 'Menambahkan', 'Koperasi', 'local'],
      ['Petugas Kabupaten/Kota', 'Mengekspor', 'Tindak lanjut', '::1'],
    ])
    expect(rows[0].Waktu).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}\.\d{2}$/)
  })

  it('says what each entry is about as named then, and its changes in words; a revoked token in its own verb', async () => {
    const coop = await db.cooperative.findFirstOrThrow({ where: { deletedAt: null }, select: { id: true, name: true } })
    const username = 'ekspor.kata'
    await db.auditLog.createMany({
      data: [
        // written when the cooperative had another name; its name now is the register's
        { userId: admin.id, username, role: 'ADMIN', action: 'UPDATE', entity: 'Cooperative', entityId: coop.id, before: { name: 'Nama Lama', membersMale: 120 }, after: { name: 'Nama Lama', membersMale: 150 } },
        { userId: admin.id, username, role: 'ADMIN', action: 'DEACTIVATE', entity: 'ApiClient', entityId: 'klien-ekspor', before: { name: 'Sistem Bank', revokedAt: null }, after: { name: 'Sistem Bank', revokedAt: '2026-12-06T10:00:00.000Z' } },
      ],
    })
    signInAs(admin)
    const rows = (await csvRows(await auditExport(get(`/api/audit/ekspor?format=csv&user=${admin.id}`), undefined))).filter((r) => r.Pengguna === username)
    const [token, updated] = rows
    expect(updated.Data).toBe(`Nama Lama (kini: ${coop.name})`)
    expect(updated.Perubahan).toBe('Anggota laki-laki: 120 → 150')
    // the forensic copy stays as stored
    expect(updated.Sesudah).toMatch(/membersMale\W+150/)
    expect(token.Tindakan).toBe('Mencabut token')
    expect(token.Data).toBe('Sistem Bank')
  })
})

describe('an export is the list as sorted, and leaves a trace', () => {
  it('keeps the disbursement list’s order (its sort, else newest contract first) and audits the download', async () => {
    // the largest loan is neither the newest nor the oldest
    const program = await programWithLoans('URUT', '9120000888', [
      { contractDate: '2026-01-10', plafond: 10_000_000 }, { contractDate: '2026-03-10', plafond: 24_000_000 }, { contractDate: '2026-05-10', plafond: 15_000_000 },
    ])
    signInAs(admin)
    const accounts = async (query: string) => (await csvRows(await disbursementsExport(get(`/api/kredit/penyaluran/ekspor?format=csv&program=${program.id}${query}`), undefined))).map((r) => r['No. rekening'])
    expect(await accounts('')).toEqual(['URUT-2', 'URUT-1', 'URUT-0'])
    expect(await accounts('&sort=plafond&dir=desc')).toEqual(['URUT-1', 'URUT-2', 'URUT-0'])
    expect(await accounts('&sort=contractDate&dir=asc')).toEqual(['URUT-0', 'URUT-1', 'URUT-2'])
    const trail = await db.auditLog.findFirstOrThrow({ where: { userId: admin.id, action: 'EXPORT', entity: 'Disbursement' }, orderBy: { createdAt: 'desc' }, select: { after: true } })
    expect(trail.after).toMatchObject({ format: 'csv', rows: 3, filter: { program: program.id, sort: 'contractDate', dir: 'asc' } })
  })

  it('keeps the users list’s order and audits the download', async () => {
    await createUser('LEADERSHIP')
    await createUser('ADMIN')
    signInAs(admin)
    const names = (await csvRows(await usersExport(get('/api/pengguna/ekspor?format=csv&sort=username&dir=desc'), undefined))).map((r) => r['Nama pengguna'])
    expect(names.length).toBeGreaterThan(2)
    // the database's collation decides, as on the list
    const listed = await db.user.findMany({ select: { username: true }, orderBy: [{ username: 'desc' }, { id: 'asc' }] })
    expect(names).toEqual(listed.map((u) => u.username))
    expect(await db.auditLog.count({ where: { userId: admin.id, action: 'EXPORT', entity: 'User' } })).toBeGreaterThan(0)
  })
})

describe('export file names', () => {
  it('name the filters that chose the rows, before the day', async () => {
    signInAs(admin)
    const named = (res: Response) => /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1]
    expect(named(await msmesExport(get('/api/umkm/ekspor?format=csv&regency=35.17&scale=MIKRO&q=Keripik'), undefined))).toMatch(/^umkm-35\.17-mikro-keripik-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(named(await msmesExport(get('/api/umkm/ekspor?format=csv'), undefined))).toMatch(/^umkm-\d{4}-\d{2}-\d{2}\.csv$/)
    // one record's history names the record, its id whole
    // (its kind of record in the page's Indonesian word, as the other exports' names are Indonesian)
    expect(named(await auditExport(get('/api/audit/ekspor?format=csv&entity=Cooperative&record=cmxa8p3kc00z5ry7d2rzw8ppi'), undefined))).toMatch(/^log-audit-koperasi-cmxa8p3kc00z5ry7d2rzw8ppi-\d{4}-\d{2}-\d{2}\.csv$/)
    // a date range is one part, its ends told apart from each other and from the download day
    expect(named(await auditExport(get('/api/audit/ekspor?format=csv&entity=Meeting&action=UPDATE&from=2026-12-01&to=2026-12-07'), undefined))).toMatch(/^log-audit-rapat-mengubah-2026-12-01-sd-2026-12-07-\d{4}-\d{2}-\d{2}\.csv$/)
    // a filter the list ignores (not a regency code) names nothing either
    expect(named(await cooperativesExport(get('/api/koperasi/ekspor?format=xlsx&regency=zz&type=SIMPAN_PINJAM'), undefined))).toMatch(/^koperasi-simpan-pinjam-\d{4}-\d{2}-\d{2}\.xlsx$/)
  })
})

describe('the dashboard export', () => {
  it('names the file with the as-of day once and heads the figures with an Indonesian date', async () => {
    signInAs(admin)
    const res = await dashboardExport(get('/api/dasbor/ekspor/ringkasan?program=EKSPOR-2026&asOf=2026-12-04'), { params: Promise.resolve({ dataset: 'ringkasan' }) })
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="ringkasan-ekspor-2026-2026-12-04.xlsx"')
    const headers = (await sheet(res)).getRow(1).values as unknown[]
    expect(headers).toContain('Nilai per 4 Desember 2026')
  })

  it('formats each summary row as what it counts, and names months as people read them', async () => {
    signInAs(admin)
    const query = '?program=EKSPOR-2026&asOf=2026-12-04'
    const summary = await sheet(await dashboardExport(get(`/api/dasbor/ekspor/ringkasan${query}`), { params: Promise.resolve({ dataset: 'ringkasan' }) }))
    const format: Record<string, string | undefined> = {}
    summary.eachRow((row, n) => { if (n > 1) format[String(row.getCell(1).value)] = row.getCell(2).numFmt })
    expect(format).toMatchObject({ 'Kredit disalurkan (Rp)': '#,##0', 'Realisasi kredit (% target)': '0.00', 'Penerima manfaat (UMK)': '#,##0' })
    const monthly = await sheet(await dashboardExport(get(`/api/dasbor/ekspor/bulanan${query}`), { params: Promise.resolve({ dataset: 'bulanan' }) }))
    // real date cells (sortable, chartable) shown as Indonesian month names
    expect([monthly.getCell('A2').value, monthly.getCell('A13').value]).toEqual([new Date('2026-01-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z')])
    expect(monthly.getCell('A2').numFmt).toBe('[$-421]mmmm yyyy')
    // two months' claims: months as dates, then the total's row in words
    const program = await db.creditProgram.findUniqueOrThrow({ where: { code: 'EKSPOR-2026' }, select: { id: true, banks: { select: { bankId: true } }, disbursements: { select: { id: true }, take: 1 } } })
    for (const month of ['2026-02-01', '2026-03-01']) {
      await db.subsidyClaim.create({
        data: {
          programId: program.id, bankId: program.banks[0].bankId, month: new Date(month), submittedAt: new Date('2026-04-10T03:00:00Z'),
          lines: { create: [{ disbursementId: program.disbursements[0].id, claimedAmount: 150_000, computedAmount: 150_000 }] },
        },
      })
    }
    const claims = await sheet(await dashboardExport(get(`/api/dasbor/ekspor/klaim${query}`), { params: Promise.resolve({ dataset: 'klaim' }) }))
    const months = claims.getColumn(1).values.slice(2) as unknown[]
    expect(months).toHaveLength(3)
    expect(months.at(-1)).toBe('Jumlah')
    expect(months.slice(0, -1).every((m) => m instanceof Date)).toBe(true)
  })

  it('reads a district officer’s own regency when the link names none, as its dashboard tabs open, and the province for regency=all', async () => {
    signInAs(await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' }))
    const named = async (query: string) => (await dashboardExport(get(`/api/dasbor/ekspor/bulanan?program=EKSPOR-2026&asOf=2026-12-04${query}`), { params: Promise.resolve({ dataset: 'bulanan' }) })).headers.get('Content-Disposition')
    expect(await named('')).toBe('attachment; filename="bulanan-ekspor-2026-35.17-2026-12-04.xlsx"')
    expect(await named('&regency=35.17')).toBe('attachment; filename="bulanan-ekspor-2026-35.17-2026-12-04.xlsx"')
    expect(await named('&regency=all')).toBe('attachment; filename="bulanan-ekspor-2026-2026-12-04.xlsx"')
    // an older link's empty regency= meant the province, and still does
    expect(await named('&regency=')).toBe('attachment; filename="bulanan-ekspor-2026-2026-12-04.xlsx"')
  })
})
