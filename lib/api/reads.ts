/**
 * Indicators, meetings and follow-ups as the integration API returns them (stable snake_case names).
 * The reads are lib/data/*'s, scoped as the pages: lib/data/reporting.ts (a regency client its regency),
 * lib/data/meetings.ts (meetingScope/actionScope).
 */
import 'server-only'
import type { z } from 'zod'
import { getIndicatorsWithValues } from '@/lib/data/reporting'
import { syncActions, syncMeetings } from '@/lib/data/meetings'
import type { SessionUser } from '@/lib/session-user'
import { syncArgs } from '@/lib/api/registers'
import { encodeCursor, type indicatorQuery, type syncQuery } from '@/lib/api/schemas'

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

export async function indicatorsAnswer(user: SessionUser, q: z.infer<typeof indicatorQuery>) {
  const r = await getIndicatorsWithValues({ user, year: q.year, regencyCode: q.regency })
  return {
    year: q.year,
    regency_code: r.regencyCode,
    indicators: r.indicators.map((i) => ({
      code: i.code, form_code: i.formCode, name: i.name, name_en: i.nameEn, unit: i.unit, aggregation: i.aggregation, time_aggregation: i.timeAggregation,
      numerator_code: i.numeratorCode, denominator_code: i.denominatorCode, decimals: i.decimals, active: i.active,
      active_from: day(i.activeFrom), active_to: day(i.activeTo), updated_at: i.updatedAt.toISOString(),
    })),
    targets: r.targets.map((t) => ({ indicator_code: t.indicatorCode, regency_code: t.regencyCode, quarter: t.quarter, value: Number(t.value) })),
    values: r.values.map((v) => ({ indicator_code: v.indicatorCode, regency_code: v.report.regencyCode, quarter: v.report.quarter, value: Number(v.value), approved_at: v.report.approvedAt?.toISOString() ?? null })),
  }
}

export async function meetingsAnswer(user: SessionUser, q: z.infer<typeof syncQuery>) {
  const { rows, next, hasMore } = await syncMeetings({ user, ...(await syncArgs(q)) })
  return {
    data: rows.map((m) => ({
      id: m.id, title: m.title, type: m.type, status: m.status, starts_at: m.startsAt.toISOString(), ends_at: m.endsAt.toISOString(), venue: m.venue, city: m.city,
      organiser: m.organiser, chair: m.chair, host_regency_code: m.hostRegencyCode, previous_meeting_id: m.previousMeetingId,
      outcomes: m.outcomes.map((o) => ({ id: o.id, kind: o.kind, text: o.text, agenda_item: o.agendaItem.title, program_id: o.programId, indicator_code: o.indicatorCode, regency_code: o.regencyCode })),
      created_at: m.createdAt.toISOString(), updated_at: m.updatedAt.toISOString(),
    })),
    next_cursor: next ? encodeCursor(next) : null,
    has_more: hasMore,
  }
}

export async function actionsAnswer(user: SessionUser, q: z.infer<typeof syncQuery>) {
  const { rows, next, hasMore } = await syncActions({ user, ...(await syncArgs(q)) })
  return {
    data: rows.map((a) => ({
      id: a.id, meeting_id: a.meetingId, outcome_id: a.outcomeId, title: a.title, description: a.description, owner_kind: a.ownerKind,
      owner_regency_code: a.ownerRegencyCode, owner_bank_id: a.ownerBankId, owner_unit: a.ownerUnit, owner_user_name: a.ownerUser?.name ?? null,
      due_date: day(a.dueDate)!, status: a.status, closed_at: a.closedAt?.toISOString() ?? null, created_at: a.createdAt.toISOString(), updated_at: a.updatedAt.toISOString(),
    })),
    next_cursor: next ? encodeCursor(next) : null,
    has_more: hasMore,
  }
}
