import 'server-only'
import { cache } from 'react'
import type { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'
import { yearAmounts, type HealthComponent, type HealthFigure, type HealthYearAnswer, type HealthTemplateShape, type ComponentWords, type RatioBand } from '@/lib/registers/health'
import { regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'

const componentSelect = {
  id: true, code: true, aspect: true, label: true, kind: true, numerator: true, denominator: true,
  numeratorLabel: true, denominatorLabel: true, labelEn: true, numeratorLabelEn: true, denominatorLabelEn: true, weight: true, bands: true, source: true, position: true,
} satisfies Prisma.HealthTemplateComponentSelect

const templateSelect = {
  version: true, bandSehat: true, bandCukupSehat: true, bandDalamPengawasan: true, bandsSource: true, createdBy: true, createdAt: true,
  components: { select: componentSelect, orderBy: { position: 'asc' } },
} satisfies Prisma.HealthTemplateSelect

type TemplateRow = Prisma.HealthTemplateGetPayload<{ select: typeof templateSelect }>

/** A template version as the scoring function and the screens use it (numbers, labels and sources). */
export type HealthTemplateView = Omit<HealthTemplateShape, 'components'> & {
  bandsSource: string
  createdBy: string | null
  createdAt: Date
  components: (HealthComponent & ComponentWords & { source: string })[]
}

function toView(t: TemplateRow): HealthTemplateView {
  return {
    version: t.version,
    bands: { sehat: Number(t.bandSehat), cukupSehat: Number(t.bandCukupSehat), dalamPengawasan: Number(t.bandDalamPengawasan) },
    bandsSource: t.bandsSource,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    components: t.components.map((c) => ({
      id: c.id, code: c.code, aspect: c.aspect, label: c.label, kind: c.kind,
      numerator: c.numerator as HealthFigure | HealthYearAnswer | null, denominator: c.denominator as HealthFigure | null,
      numeratorLabel: c.numeratorLabel, denominatorLabel: c.denominatorLabel,
      labelEn: c.labelEn, numeratorLabelEn: c.numeratorLabelEn, denominatorLabelEn: c.denominatorLabelEn,
      weight: Number(c.weight), bands: (c.bands as RatioBand[] | null) ?? null, source: c.source,
    })),
  }
}

/**
 * The agency's current health template (the highest version; the migration seeds the first), read once
 * per request. Not scoped: the worksheet is the same for every regency.
 */
export const getCurrentHealthTemplate = cache(async (): Promise<HealthTemplateView> => {
  const t = await readDb.healthTemplate.findFirstOrThrow({ select: templateSelect, orderBy: { version: 'desc' } })
  return toView(t)
})

/** The list of template versions (newest first) for the settings screen's history. */
export async function listHealthTemplateVersions() {
  return readDb.healthTemplate.findMany({ select: { version: true, createdBy: true, createdAt: true }, orderBy: { version: 'desc' }, take: 20 })
}

/**
 * The worksheet for a new assessment: the cooperative (in the user's scope, else null → 404), its latest
 * book year's figures to prefill ratios, and the current template.
 */
export async function getHealthWorksheet({ user, cooperativeId }: { user: SessionUser; cooperativeId: string }) {
  if (!can(user.role, 'cooperatives.write')) throw new AppError('FORBIDDEN')
  const [coop, template] = await Promise.all([
    readDb.cooperative.findFirst({
      where: { id: cooperativeId, deletedAt: null, ...regencyScope(user) },
      select: {
        id: true, name: true, nik: true, type: true, regency: { select: { name: true } },
        yearlyFigures: {
          select: { year: true, ownCapital: true, externalCapital: true, assets: true, businessVolume: true, netSurplus: true, ratHeld: true },
          orderBy: { year: 'desc' }, take: 1,
        },
      },
    }),
    getCurrentHealthTemplate(),
  ])
  if (!coop) return null
  const y = coop.yearlyFigures[0]
  const figures = y
    ? { year: y.year, ...yearAmounts(y), ratHeld: y.ratHeld }
    : null
  return { cooperative: { id: coop.id, name: coop.name, nik: coop.nik, type: coop.type, regencyName: coop.regency.name }, figures, template }
}

/**
 * One assessment with its answers and the template version that computed it (never recomputed), for
 * the result page; null when the cooperative is deleted or outside the user's scope.
 */
export async function getHealthAssessment({ user, cooperativeId, id }: { user: SessionUser; cooperativeId: string; id: string }) {
  if (!can(user.role, 'cooperatives.read')) throw new AppError('FORBIDDEN')
  const a = await readDb.healthAssessment.findFirst({
    where: { id, cooperativeId, cooperative: { deletedAt: null, ...regencyScope(user) } },
    select: {
      id: true, assessedOn: true, assessor: true, notes: true, createdAt: true, templateVersion: true,
      governanceScore: true, riskProfileScore: true, financialScore: true, capitalScore: true, totalScore: true, outcome: true,
      cooperative: { select: { id: true, name: true, nik: true, type: true, regency: { select: { name: true } } } },
      answers: {
        select: {
          numerator: true, denominator: true, value: true, score: true, figuresYear: true,
          component: { select: componentSelect },
        },
        orderBy: { component: { position: 'asc' } },
      },
    },
  })
  if (!a) return null
  const template = await readDb.healthTemplate.findUnique({
    where: { version: a.templateVersion },
    select: { version: true, bandSehat: true, bandCukupSehat: true, bandDalamPengawasan: true, bandsSource: true },
  })
  return { ...a, template }
}
