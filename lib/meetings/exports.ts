import 'server-only'
import path from 'node:path'
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from 'docx'
import PDFDocument from 'pdfkit'
import { createEvent } from 'ics'
import { markdownToPlainLines } from '@/components/meetings/markdown'
import type { Briefing, MeetingDetail } from '@/lib/data/meetings'
import { meetingPlace, meetingWhen } from '@/lib/meetings/when'
import { formatDate, formatNumber, formatPercent, formatRupiah, formatRupiahShort } from '@/lib/format'
import { isOverdue } from '@/lib/meetings/rules'
import { jakartaToday } from '@/lib/dates'
import { quarterLabel } from '@/lib/reporting/periods'
import type { ActionStatus } from '@/lib/generated/prisma/enums'
import { actionOwnerName as owner, ACTION_STATUS_LABEL as STATUS, ATTENDANCE_LABEL as ATTENDANCE, MEETING_STATUS_LABEL, MEETING_TYPE_LONG as TYPE, OUTCOME_LABEL as OUTCOME } from '@/lib/meetings/labels'

/**
 * The notulen (minutes) of a meeting as .docx (agencies circulate Word files) and PDF, and its
 * invitation as .ics. One text layout, built from the same MeetingDetail the meeting page shows;
 * Indonesian, as the agencies' documents are (lib/meetings/labels.ts).
 */

/**
 * A follow-up's status as the meeting page shows it on `today` (a Jakarta day), e.g. "Dalam proses (terlambat)":
 * the page's rule (isOverdue), so a document says what the screen said the day it was made.
 */
function actionStatus(a: Parameters<typeof isOverdue>[0] & { status: ActionStatus }, today: string): string {
  return `${STATUS[a.status]}${isOverdue(a, today) ? ' (terlambat)' : ''}`
}

/** Under a signature with no name on record: the signer writes it in by hand, as on the claim's berita acara. */
const NAME_BLANK = '(nama dan NIP)'

/**
 * The sign-off that closes Indonesian minutes: "{city}, {meeting date}" over the right-hand column, then the chair
 * and the minute-taker side by side, each with room to sign above the name (or a blank for it).
 */
function signOff(m: MeetingDetail) {
  return {
    placeDate: [m.city?.trim(), formatDate(m.startsAt)].filter(Boolean).join(', '),
    signers: [
      { role: 'Pimpinan Rapat,', name: m.chair?.trim() || NAME_BLANK },
      { role: 'Notulis,', name: NAME_BLANK },
    ],
  }
}
type SignOff = ReturnType<typeof signOff>

/** A meeting's facts as its documents head them (label, value): the minutes all of them, the attendance sheet some. */
function meetingFacts(m: MeetingDetail): [string, string][] {
  return [
    ['Jenis rapat', TYPE[m.type]],
    // a planned or cancelled meeting's notulen must not read as the record of a meeting held
    ['Status', MEETING_STATUS_LABEL[m.status]],
    ['Waktu', meetingWhen(m)],
    ['Tempat', meetingPlace(m) ?? '–'],
    ['Tuan rumah', m.hostRegency?.name ?? '–'],
    ['Penyelenggara', m.organiser],
    ['Pimpinan rapat', m.chair ?? '–'],
  ]
}

/** The notulen as a list of blocks, shared by the .docx and PDF writers; follow-ups flagged overdue as of `today`. */
function notulen(m: MeetingDetail, today: string) {
  return {
    title: m.title,
    facts: meetingFacts(m),
    attendance: m.participants.map((p, i) => [String(i + 1), p.name, p.position ?? '', p.agency, `${ATTENDANCE[p.attendance]}${p.representedBy ? `: ${p.representedBy}` : ''}`]),
    agenda: m.agendaItems.map((a) => ({
      heading: `${a.position}. ${a.title}${a.presenter ? ` (${a.presenter})` : ''}`,
      lines: a.minutes ? markdownToPlainLines(a.minutes) : ['Notulen belum ditulis.'],
      outcomes: a.outcomes.map((o) => `${OUTCOME[o.kind]}: ${o.text}${[o.program?.name, o.indicator?.name, o.regency?.name].filter(Boolean).length ? ` [terkait: ${[o.program?.name, o.indicator?.name, o.regency?.name].filter(Boolean).join(', ')}]` : ''}`),
    })),
    // with the meeting, as the page passes it: a follow-up of a meeting not yet started is not overdue
    actions: m.actions.map((a, i) => [String(i + 1), a.title, owner(a), formatDate(a.dueDate), actionStatus({ ...a, meeting: m }, today)]),
    signOff: signOff(m),
  }
}

const ATTENDANCE_HEAD = ['No.', 'Nama', 'Jabatan', 'Instansi', 'Kehadiran']
/** The follow-ups' heading: their status is today's, not the meeting day's (minutes of 2024 printed in 2026 say so). */
const actionHead = (today: string) => ['No.', 'Tindak lanjut', 'Penanggung jawab', 'Tenggat', `Status per ${formatDate(today)}`]

/**
 * A text's runs with its line breaks kept: Word shows a raw newline inside <w:t> as a space, so a single line break
 * of the minutes (two lines in the PDF) ran the lines together; each line after the first starts with <w:br/>.
 */
function docxRuns(text: string, opts: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, ...opts, ...(i > 0 && { break: 1 }) }))
}

function docxTable(head: string[], rows: string[][]) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' }
  const cell = (text: string, bold = false) => new TableCell({ borders: { top: border, bottom: border, left: border, right: border }, children: [new Paragraph({ children: docxRuns(text, { bold, size: 20 }) })] })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  })
}

/**
 * The sign-off as a borderless two-column table of one row that may not break across pages (cantSplit), so the
 * place and date, both roles and the names always stand on the same page.
 */
function docxSignOff({ placeDate, signers }: SignOff) {
  const line = (text: string, opts: { after?: number; rule?: boolean } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: opts.after ?? 0 },
      border: opts.rule ? { top: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } } : undefined,
      indent: opts.rule ? { left: 400, right: 400 } : undefined,
      children: [new TextRun(text)],
    })
  // the place and date sit over the right-hand signer; the left column keeps an empty line to stay level
  const column = (s: SignOff['signers'][number], i: number) =>
    new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [line(i === signers.length - 1 ? placeDate : ''), line(s.role, { after: 1200 }), line(s.name, { rule: true })] })
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE, rows: [new TableRow({ cantSplit: true, children: signers.map(column) })] })
}

/** The notulen as a Word document; follow-ups flagged overdue as of `today` (Jakarta), the day it is made. */
export async function minutesDocx(m: MeetingDetail, today = jakartaToday()): Promise<Buffer> {
  const n = notulen(m, today)
  const p = (text: string, opts: { bold?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {}) => new Paragraph({ heading: opts.heading, spacing: { after: 120 }, children: docxRuns(text, { bold: opts.bold }) })
  const doc = new Document({
    creator: 'Lumbung',
    // the library's default is "Un-named", which Word shows as the last author
    lastModifiedBy: 'Lumbung',
    title: `Notulen ${n.title}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: 'NOTULEN RAPAT', bold: true, size: 28 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: n.title, bold: true, size: 24 })] }),
          ...n.facts.map(([k, v]) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${k}: `, bold: true }), ...docxRuns(v)] })),
          p('Daftar hadir', { heading: HeadingLevel.HEADING_2 }),
          n.attendance.length ? docxTable(ATTENDANCE_HEAD, n.attendance) : p('Belum ada peserta.'),
          p('Agenda dan pembahasan', { heading: HeadingLevel.HEADING_2 }),
          ...n.agenda.flatMap((a) => [p(a.heading, { heading: HeadingLevel.HEADING_3 }), ...a.lines.map((l) => p(l)), ...a.outcomes.map((o) => p(o, { bold: true }))]),
          p('Tindak lanjut', { heading: HeadingLevel.HEADING_2 }),
          n.actions.length ? docxTable(actionHead(today), n.actions) : p('Belum ada tindak lanjut.'),
          new Paragraph({ spacing: { after: 360 }, children: [] }),
          docxSignOff(n.signOff),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/** DejaVu (shipped by the dejavu-fonts-ttf package): covers every Latin character a name can carry. */
const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf')
export const PDF_FONTS = { regular: path.join(FONT_DIR, 'DejaVuSans.ttf'), bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf') }

/** A new A4 PDF with the DejaVu fonts registered, collected into a Buffer when `end()` is called. */
export function newPdf(title: string): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: 50, font: PDF_FONTS.regular, info: { Title: title, Creator: 'Lumbung' }, bufferPages: true })
  doc.registerFont('regular', PDF_FONTS.regular)
  doc.registerFont('bold', PDF_FONTS.bold)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, done }
}

/** A simple table: columns by share of the width, rows wrapped, a new page when one runs out. */
export function pdfTable(doc: PDFKit.PDFDocument, head: string[], rows: string[][], widths: number[], { rowHeight = 0 }: { rowHeight?: number } = {}) {
  const left = doc.page.margins.left
  const full = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const cols = widths.map((w) => w * full)
  const line = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(9)
    const height = Math.max(bold ? 0 : rowHeight, Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i] - 6 }))) + 6)
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
    const y = doc.y
    let x = left
    cells.forEach((c, i) => {
      doc.text(c, x + 3, y + 3, { width: cols[i] - 6 })
      x += cols[i]
    })
    doc.moveTo(left, y + height).lineTo(left + full, y + height).strokeColor('#999999').lineWidth(0.5).stroke()
    doc.x = left
    doc.y = y + height
  }
  line(head, true)
  rows.forEach((r) => line(r, false))
  doc.moveDown(0.5)
}

/** A new page unless `height` points still fit above the bottom margin: what comes next is not split across pages. */
function keepTogether(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
}

/**
 * A section heading that starts a new page when fewer than `keep` points remain below it, so a heading is
 * never left alone at the foot of a page with its table or text on the next.
 */
function pdfHeading(doc: PDFKit.PDFDocument, text: string, { size = 12, keep = 72 }: { size?: number; keep?: number } = {}) {
  keepTogether(doc, keep)
  doc.font('bold').fontSize(size).text(text).moveDown(0.3)
}

/** Room left to sign between a role and the name under it. */
const SIGN_SPACE = 56

/**
 * The sign-off in two columns, measured first and moved whole to a new page when it does not fit: a signature
 * block split from its date, or a name from its role, would not be accepted as signed minutes.
 */
function pdfSignOff(doc: PDFKit.PDFDocument, { placeDate, signers }: SignOff) {
  const left = doc.page.margins.left
  const gap = 40
  const width = (doc.page.width - left - doc.page.margins.right - gap) / 2
  const x = (i: number) => left + i * (width + gap)
  doc.font('regular').fontSize(10).moveDown(2)
  const tallest = (texts: string[]) => Math.max(...texts.map((t) => doc.heightOfString(t, { width, align: 'center' })))
  const dateHeight = tallest([placeDate]) + 4
  const roleHeight = tallest(signers.map((s) => s.role))
  const nameHeight = tallest(signers.map((s) => s.name))
  keepTogether(doc, dateHeight + roleHeight + SIGN_SPACE + 3 + nameHeight)
  const top = doc.y
  doc.text(placeDate, x(signers.length - 1), top, { width, align: 'center' })
  const rule = top + dateHeight + roleHeight + SIGN_SPACE
  signers.forEach((s, i) => {
    doc.text(s.role, x(i), top + dateHeight, { width, align: 'center' })
    doc.moveTo(x(i) + 20, rule).lineTo(x(i) + width - 20, rule).strokeColor('#000000').lineWidth(0.5).stroke()
    doc.text(s.name, x(i), rule + 3, { width, align: 'center' })
  })
  doc.x = left
  doc.y = rule + 3 + nameHeight
}

/** A document's facts, one `label: value` line each, then a blank line. */
function pdfFacts(doc: PDFKit.PDFDocument, facts: [string, string][]) {
  for (const [k, v] of facts) doc.font('bold').fontSize(10).text(`${k}: `, { continued: true }).font('regular').text(v)
  doc.moveDown()
}

/** The notulen as a PDF (A4, DejaVu Sans); follow-ups flagged overdue as of `today` (Jakarta), the day it is made. */
export async function minutesPdf(m: MeetingDetail, today = jakartaToday()): Promise<Buffer> {
  const n = notulen(m, today)
  const { doc, done } = newPdf(`Notulen ${n.title}`)
  doc.font('bold').fontSize(14).text('NOTULEN RAPAT', { align: 'center' })
  doc.fontSize(12).text(n.title, { align: 'center' }).moveDown()
  pdfFacts(doc, n.facts)
  pdfHeading(doc, 'Daftar hadir')
  if (n.attendance.length) pdfTable(doc, ATTENDANCE_HEAD, n.attendance, [0.06, 0.26, 0.18, 0.3, 0.2])
  else doc.font('regular').fontSize(10).text('Belum ada peserta.')
  pdfHeading(doc, 'Agenda dan pembahasan')
  for (const a of n.agenda) {
    pdfHeading(doc, a.heading, { size: 10.5, keep: 48 })
    doc.font('regular').fontSize(10)
    for (const l of a.lines) doc.text(l, { paragraphGap: 3 })
    for (const o of a.outcomes) doc.font('bold').text(o, { paragraphGap: 3 }).font('regular')
    doc.moveDown(0.5)
  }
  pdfHeading(doc, 'Tindak lanjut')
  if (n.actions.length) pdfTable(doc, actionHead(today), n.actions, [0.06, 0.4, 0.22, 0.17, 0.15])
  else doc.font('regular').fontSize(10).text('Belum ada tindak lanjut.')
  pdfSignOff(doc, n.signOff)
  doc.end()
  return done
}

/** What heads the attendance sheet: which meeting, when and where, and whose. */
const SHEET_FACTS = new Set(['Jenis rapat', 'Waktu', 'Tempat', 'Penyelenggara'])
/** Rows left empty under the invited, for who comes without an invitation (a deputy, a late addition). */
const SHEET_SPARE_ROWS = 5
/** A row tall enough to sign in. */
const SHEET_ROW_HEIGHT = 30

/**
 * The daftar hadir: the attendance sheet passed round the table to be signed, printed before the meeting. The
 * meeting's facts, then every participant on record (number, name, position, agency) with an empty signature
 * cell, and a few empty rows for those who come unannounced. What the minutes record as attendance comes after;
 * this is the paper it is recorded from. Indonesian, as the minutes are.
 */
export async function attendanceSheetPdf(m: MeetingDetail): Promise<Buffer> {
  const { doc, done } = newPdf(`Daftar hadir ${m.title}`)
  doc.font('bold').fontSize(14).text('DAFTAR HADIR', { align: 'center' })
  doc.fontSize(12).text(m.title, { align: 'center' }).moveDown()
  pdfFacts(doc, meetingFacts(m).filter(([k]) => SHEET_FACTS.has(k)))
  const rows = [
    ...m.participants.map((p, i) => [String(i + 1), p.name, p.position ?? '', p.agency, '']),
    ...Array.from({ length: SHEET_SPARE_ROWS }, (_, i) => [String(m.participants.length + i + 1), '', '', '', '']),
  ]
  pdfTable(doc, ['No.', 'Nama', 'Jabatan', 'Instansi', 'Tanda tangan'], rows, [0.06, 0.26, 0.2, 0.26, 0.22], { rowHeight: SHEET_ROW_HEIGHT })
  doc.end()
  return done
}

/** The meeting as an iCalendar invitation (times in UTC, so every calendar shows them in its own zone). */
export function invitationIcs(m: MeetingDetail, baseUrl: string): string {
  const parts = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number]
  const { error, value } = createEvent({
    uid: `${m.id}@lumbung`,
    title: m.title,
    start: parts(m.startsAt), startInputType: 'utc', startOutputType: 'utc',
    end: parts(m.endsAt), endInputType: 'utc', endOutputType: 'utc',
    location: meetingPlace(m) ?? undefined,
    description: [`${TYPE[m.type]} · ${m.organiser}`, ...m.agendaItems.map((a) => `${a.position}. ${a.title}`), `${baseUrl}/rapat/${m.id}`].join('\n'),
    url: `${baseUrl}/rapat/${m.id}`,
    status: m.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED',
    sequence: m.version,
    productId: 'lumbung/rapat',
  })
  if (error || !value) throw error ?? new Error('ics')
  return foldIcs(value)
}

/**
 * RFC 5545 §3.1: content lines are folded at 75 octets, not characters; the library folds by characters, so
 * a title with an em dash or "é" ran past the limit. Unfolded, then folded again by UTF-8 bytes, never inside
 * a character (a continuation line starts with a space, which counts).
 */
function foldIcs(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').map((line) => {
    const chunks: string[] = []
    let current = ''
    let bytes = 0
    for (const ch of line) {
      const size = Buffer.byteLength(ch)
      if (bytes + size > (chunks.length ? 74 : 75)) {
        chunks.push(current)
        current = ''
        bytes = 0
      }
      current += ch
      bytes += size
    }
    chunks.push(current)
    return chunks.join('\r\n ')
  }).join('\r\n')
}

/**
 * The briefing pack (bahan rapat) as an A4 PDF a phone can share: the same figures as the printable
 * page (getBriefing: the dashboards' own functions, each "per" its as-of date) and where the previous
 * meeting's follow-ups stand.
 */
export async function briefingPdf(b: Briefing): Promise<Buffer> {
  const { meeting, programs, indicators, previous, previousHidden, today } = b
  const { doc, done } = newPdf(`Bahan rapat ${meeting.title}`)
  doc.font('bold').fontSize(14).text('BAHAN RAPAT', { align: 'center' })
  doc.fontSize(12).text(meeting.title, { align: 'center' })
  doc.font('regular').fontSize(10).text(`${TYPE[meeting.type]} · ${meetingWhen(meeting)} · ${meetingPlace(meeting) ?? '–'}`, { align: 'center' }).moveDown()

  pdfHeading(doc, 'Program kredit yang dibahas')
  if (programs.length === 0) doc.font('regular').fontSize(10).text('Tidak ada keputusan yang dikaitkan dengan program kredit.').moveDown(0.5)
  else {
    pdfTable(
      doc,
      ['Program', 'Realisasi kredit', 'Serapan subsidi', 'Penerima'],
      programs.map((p) => [
        `${p.program.name}\nper ${formatDate(p.asOf)}`,
        `${formatPercent(p.realisationPct)}\n${formatRupiah(p.disbursed)} dari ${formatRupiah(p.creditTarget)}`,
        `${formatPercent(p.absorptionPct)}\n${formatRupiahShort(p.subsidyPaid)} dari pagu ${formatRupiahShort(p.subsidyCeiling)}`,
        formatNumber(p.beneficiaries),
      ]),
      [0.3, 0.28, 0.28, 0.14],
    )
  }
  if (indicators.length > 0) {
    pdfHeading(doc, 'Indikator yang dibahas')
    const value = (v: number | null, unit: string, decimals: number) =>
      v === null ? 'belum ada' : unit === 'PERCENT' ? formatPercent(v, { decimals }) : unit === 'RUPIAH' ? formatRupiah(v) : formatNumber(v, { decimals })
    pdfTable(
      doc,
      ['Indikator', 'Realisasi', 'Target', 'Capaian', 'Periode'],
      indicators.map((i) => [
        `${i.indicator.name}${i.regency ? ` · ${i.regency}` : ''}`,
        value(i.cell.value, i.indicator.unit, i.indicator.decimals),
        i.cell.target === null ? 'tanpa target' : value(i.cell.target, i.indicator.unit, i.indicator.decimals),
        formatPercent(i.cell.achievement),
        // Roman numerals, as every screen writes the quarter (Triwulan II 2026)
        i.quarter ? `${quarterLabel(i.quarter)} ${i.year}` : String(i.year),
      ]),
      [0.36, 0.17, 0.17, 0.12, 0.18],
    )
  }
  // the same previous meeting for every reader (getBriefing); one the reader may not open is said, not replaced
  if (!previous) pdfHeading(doc, previousHidden ? 'Tindak lanjut rapat sebelumnya tidak tersedia untuk akun Anda: rapat itu di luar cakupan Anda.' : 'Belum ada rapat sebelumnya yang terlaksana.', { keep: 24 })
  else {
    pdfHeading(doc, `Tindak lanjut ${previous.title} (${formatDate(previous.startsAt)})`)
    if (previous.actions.length === 0) doc.font('regular').fontSize(10).text('Tidak ada tindak lanjut.')
    else {
      pdfTable(
        doc,
        actionHead(today),
        previous.actions.map((a, i) => [String(i + 1), a.title, owner(a), formatDate(a.dueDate), actionStatus(a, today)]),
        [0.06, 0.4, 0.22, 0.17, 0.15],
      )
    }
  }
  doc.moveDown().font('regular').fontSize(8).fillColor('#666666').text(`Disusun oleh Lumbung pada ${formatDate(today)} dari angka dasbor yang sama.`)
  doc.end()
  return done
}
