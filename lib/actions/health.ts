'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { parseNumberInput } from '@/lib/parse'
import { figureValue, isHealthFigure, scoreHealth, yearAmounts, type HealthAnswer, type HealthFigure, type HealthYearAnswer, type HealthTemplateShape, type RatioBand } from '@/lib/registers/health'
import { ActionError, authAction, type ActionState } from '@/lib/safe-action'
import { regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import { conflictError } from '@/lib/transitions'
import { healthAssessmentSchema, healthTemplateSchema, healthWorksheetSchema } from '@/lib/validations/health'
import { NOT_A_NUMBER } from '@/lib/validations/reporting'

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

const NOT_FOUND = 'Koperasi tidak ditemukan atau di luar wilayah kerja Anda.'
const TEMPLATE_CHANGED = 'Templat penilaian kesehatan sudah diubah sejak lembar kerja ini dibuka. Muat ulang halaman, lalu isi ulang penilaian.'
const TEMPLATE_LABEL = 'Templat penilaian kesehatan'

/**
 * Save the health template as its next version (components, weights, bands, sources). A version is never
 * changed: the new one is inserted with number = the version the admin saw + 1, and the primary key makes
 * a second admin who saw the same version fail (CONFLICT naming who saved first). Assessments already
 * recorded keep the version that computed them.
 */
export const saveHealthTemplate = authAction('config.manage', healthTemplateSchema, async (input, user): Promise<ActionState> => {
  const next = input.version + 1
  try {
    await db.$transaction(async (tx) => {
      const current = await tx.healthTemplate.findFirst({ select: { version: true }, orderBy: { version: 'desc' } })
      if (current?.version !== input.version) throw await conflictError(tx, 'HealthTemplate', String(current?.version ?? 0), TEMPLATE_LABEL)
      const data = {
        version: next,
        bandSehat: input.sehat, bandCukupSehat: input.cukupSehat, bandDalamPengawasan: input.dalamPengawasan,
        bandsSource: input.bandsSource, createdBy: user.username,
      }
      // a concurrent save of the same version waits here on the primary key, then fails (P2002, below)
      await tx.healthTemplate.create({ data, select: { version: true } })
      const components = input.components.map((c, i) => ({
        id: `htc_${next}_${c.code}`, templateVersion: next, position: i + 1, code: c.code, aspect: c.aspect, label: c.label, kind: c.kind,
        numerator: c.numerator, denominator: c.denominator, numeratorLabel: c.numeratorLabel, denominatorLabel: c.denominatorLabel,
        labelEn: c.labelEn, numeratorLabelEn: c.numeratorLabelEn, denominatorLabelEn: c.denominatorLabelEn,
        weight: c.weight, bands: c.bands ?? Prisma.DbNull, source: c.source,
      }))
      await tx.healthTemplateComponent.createMany({ data: components })
      await writeAudit(tx, actor(user), {
        action: 'CREATE', entity: 'HealthTemplate', entityId: String(next),
        before: { version: input.version },
        after: { ...data, components: input.components },
      })
    })
  } catch (e) {
    // the lost race: its transaction is rolled back; who saved first is read after it
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw await conflictError(db, 'HealthTemplate', String(next), TEMPLATE_LABEL)
    throw e
  }
  revalidatePath('/pengaturan/kesehatan')
  return { ok: true, message: `Templat penilaian kesehatan versi ${next} disimpan; penilaian berikutnya memakai versi ini, penilaian yang sudah ada tetap memakai versinya.` }
})

/** A ratio's part as typed (Indonesian number, e.g. 1.250.000.000 or 12,5): null when empty or not a number. */
function amount(raw: string | undefined): number | null {
  const n = parseNumberInput(raw)
  return n === null || !Number.isFinite(n) ? null : n
}

/**
 * Record a health assessment from the worksheet: every component's answer is scored here with the
 * template version the worksheet showed (lib/registers/health.ts, the one scoring function; the browser's
 * figures are only a preview), refused if that version is no longer the current one. The assessment
 * (aspect scores, total, outcome, version), its answers, the cooperative's current outcome and the audit
 * row are written in one transaction.
 */
export const saveHealthAssessment = authAction('cooperatives.write', healthWorksheetSchema, async (worksheet, user) => {
  const { cooperativeId, templateVersion } = worksheet
  const raw = worksheet as unknown as Record<string, string>
  // the visible fields' errors are kept and reported together with the answers' (one round of errors)
  const parsed = healthAssessmentSchema.safeParse(worksheet)
  const errors: Record<string, string[]> = {}
  for (const issue of parsed.error?.issues ?? []) (errors[issue.path.join('.') || '_form'] ??= []).push(issue.message)
  const id = await db.$transaction(async (tx) => {
    const coop = await tx.cooperative.findFirst({
      where: { id: cooperativeId, deletedAt: null, ...regencyScope(user) },
      select: {
        id: true,
        yearlyFigures: { select: { year: true, ownCapital: true, externalCapital: true, assets: true, businessVolume: true, netSurplus: true }, orderBy: { year: 'desc' }, take: 1 },
      },
    })
    if (!coop) throw new ActionError(NOT_FOUND, undefined, 'NOT_FOUND')
    const current = await tx.healthTemplate.findFirst({
      select: {
        version: true, bandSehat: true, bandCukupSehat: true, bandDalamPengawasan: true,
        components: { select: { id: true, code: true, aspect: true, label: true, kind: true, numerator: true, denominator: true, weight: true, bands: true }, orderBy: { position: 'asc' } },
      },
      orderBy: { version: 'desc' },
    })
    if (!current || current.version !== templateVersion) throw new ActionError(TEMPLATE_CHANGED, undefined, 'CONFLICT')
    const template: HealthTemplateShape = {
      version: current.version,
      bands: { sehat: Number(current.bandSehat), cukupSehat: Number(current.bandCukupSehat), dalamPengawasan: Number(current.bandDalamPengawasan) },
      components: current.components.map((c) => ({
        ...c, numerator: c.numerator as HealthFigure | HealthYearAnswer | null, denominator: c.denominator as HealthFigure | null,
        weight: Number(c.weight), bands: (c.bands as RatioBand[] | null) ?? null,
      })),
    }
    const y = coop.yearlyFigures[0]
    const figures = y && { year: y.year, ...yearAmounts(y) }

    // each answer checked under its own field, so the worksheet shows the error where it is; a field the
    // schema already refused (e.g. too long) keeps that one message
    const answers: Record<string, HealthAnswer> = {}
    const figuresYear: Record<string, number | null> = {}
    for (const c of template.components) {
      const key = `a.${c.id}`
      if (c.kind === 'RATIO') {
        const n = amount(raw[`${key}.numerator`])
        const d = amount(raw[`${key}.denominator`])
        // a text typed that is not a number ("2,5 M") is said as such, not as an empty field
        const typed = (part: string) => Boolean(raw[`${key}.${part}`]?.trim())
        if (n === null) errors[`${key}.numerator`] ??= [typed('numerator') ? NOT_A_NUMBER : 'Isi angka pembilang.']
        // a numerator may be negative (SHU in a loss year), a denominator (assets, capital) may not
        if (d === null) errors[`${key}.denominator`] ??= [typed('denominator') ? NOT_A_NUMBER : 'Isi angka penyebut.']
        else if (d <= 0) errors[`${key}.denominator`] ??= ['Penyebut harus lebih dari nol.']
        if (n === null || d === null || d <= 0) continue
        answers[c.id] = { numerator: n, denominator: d }
        // the figures are the book year's when both parts are the prefilled ones, unchanged
        // (an amount the year did not report was not prefilled: whatever was typed for it is the assessor's)
        const same = (f: HealthFigure, typed: number) => { const v = figureValue(f, figures!); return v !== null && Math.abs(v - typed) < 0.005 }
        const fromFigures = figures && isHealthFigure(c.numerator) && c.denominator && same(c.numerator, n) && same(c.denominator, d)
        figuresYear[c.id] = fromFigures ? figures.year : null
      } else {
        const a = (raw[`${key}.answer`] ?? '').trim()
        const ok = c.kind === 'YES_NO' ? a === '1' || a === '0' : /^[1-5]$/.test(a)
        if (!ok) {
          errors[`${key}.answer`] ??= [c.kind === 'YES_NO' ? 'Pilih ya atau tidak.' : 'Pilih nilai 1–5.']
          continue
        }
        answers[c.id] = { answer: Number(a) }
      }
    }
    if (Object.keys(errors).length || !parsed.success) throw new ActionError('Periksa kembali isian yang ditandai.', errors)
    const { assessedOn, assessor, notes } = parsed.data
    const result = scoreHealth(template, answers)
    if (!result) throw new ActionError('Periksa kembali isian yang ditandai.')

    const created = await tx.healthAssessment.create({
      data: {
        cooperativeId, assessedOn, assessor, notes, templateVersion,
        governanceScore: result.aspects.GOVERNANCE, riskProfileScore: result.aspects.RISK_PROFILE,
        financialScore: result.aspects.FINANCIAL, capitalScore: result.aspects.CAPITAL,
        totalScore: result.total, outcome: result.outcome,
      },
      // the audit row's content, named (the whole row before)
      select: {
        id: true, cooperativeId: true, assessedOn: true, assessor: true, governanceScore: true, riskProfileScore: true, financialScore: true,
        capitalScore: true, totalScore: true, outcome: true, templateVersion: true, notes: true, createdAt: true,
      },
    })
    const rows = result.components.map((s) => {
      const a = answers[s.componentId]
      return {
        assessmentId: created.id, componentId: s.componentId, value: s.value, score: s.score,
        numerator: 'numerator' in a ? a.numerator : null, denominator: 'numerator' in a ? a.denominator : null,
        figuresYear: figuresYear[s.componentId] ?? null,
      }
    })
    await tx.healthAssessmentAnswer.createMany({ data: rows })
    // the register's current outcome follows the latest assessment by date
    const latest = await tx.healthAssessment.findFirstOrThrow({ where: { cooperativeId }, orderBy: [{ assessedOn: 'desc' }, { createdAt: 'desc' }], select: { outcome: true } })
    await tx.cooperative.update({ where: { id: cooperativeId }, data: { healthOutcome: latest.outcome, version: { increment: 1 } } })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'HealthAssessment', entityId: created.id, after: { ...created, answers: rows } })
    return created.id
  })
  revalidatePath(`/koperasi/${cooperativeId}`)
  revalidatePath('/koperasi')
  redirect(`/koperasi/${cooperativeId}/kesehatan/${id}?disimpan=1`)
})
