/**
 * The registers as the integration API returns them: stable snake_case field names (documented in the
 * OpenAPI document), dates as ISO text, money as numbers, the owner NIK masked, deleted records as
 * tombstones. The reads themselves are lib/data/*'s, with the same scope and filters as the pages.
 */
import 'server-only'
import { syncCooperatives, type SyncCursor } from '@/lib/data/cooperatives'
import { syncMsmes } from '@/lib/data/msmes'
import { syncWatermark } from '@/lib/data/sync-watermark'
import type { SessionUser } from '@/lib/session-user'
import { ApiProblem } from '@/lib/api/route'
import { readDb } from '@/lib/db'
import { regencyScope } from '@/lib/scope'
import { COOPERATIVE_STATUS_FILTER, decodeCursor, encodeCursor, type cooperativeQuery, type msmeQuery } from '@/lib/api/schemas'
import type { z } from 'zod'

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

/** The sync read's arguments: the cursor decoded, and the watermark up to which the read is complete. */
export async function syncArgs(q: { cursor?: string; updated_since?: string; limit: number }) {
  let after: SyncCursor | undefined
  if (q.cursor) {
    after = decodeCursor(q.cursor) ?? undefined
    if (!after) throw new ApiProblem('invalid-request', { errors: [{ path: 'query.cursor', detail: 'Cursor tidak valid; gunakan next_cursor dari jawaban sebelumnya.' }] })
  }
  return { after, updatedSince: q.updated_since ? new Date(q.updated_since) : undefined, until: await syncWatermark(), limit: q.limit }
}

const tombstone = (r: { id: string; deletedAt: Date; updatedAt: Date }) => ({ id: r.id, deleted: true as const, deleted_at: r.deletedAt.toISOString(), updated_at: r.updatedAt.toISOString() })

type CooperativeRow = Awaited<ReturnType<typeof syncCooperatives>>['rows'][number]
type MsmeRow = Awaited<ReturnType<typeof syncMsmes>>['rows'][number]

/** A live cooperative as the API (pages and snapshots) writes it: the fields of the OpenAPI `Cooperative`. */
export function cooperativeRecord(r: CooperativeRow) {
  return {
    id: r.id, deleted: false as const, nik: r.nik, name: r.name, type: r.type, form: r.form, pattern: r.pattern, group_name: r.groupName, active: r.active,
    health_outcome: r.healthOutcome, members_male: r.membersMale, members_female: r.membersFemale, managers: r.managers, employees: r.employees,
    legal_entity_number: r.legalEntityNumber, legal_entity_date: day(r.legalEntityDate), address: r.address, regency: r.regency,
    district: r.district?.name ?? null, village: r.village?.name ?? null, created_at: r.createdAt.toISOString(), updated_at: r.updatedAt.toISOString(),
  }
}

/** A live MSME as the API writes it, the owner NIK masked: the fields of the OpenAPI `Msme`. */
export function msmeRecord(r: MsmeRow) {
  return {
    id: r.id, deleted: false as const, nib: r.nib, business_name: r.businessName, owner_name: r.ownerName, owner_nik_masked: r.ownerNik, owner_gender: r.ownerGender,
    kbli: r.kbli, workers: r.workers, business_capital: Number(r.businessCapital), annual_sales: Number(r.annualSales), recorded_scale: r.recordedScale,
    computed_scale: r.computedScale, scale_mismatch: r.scaleMismatch, iumk_number: r.iumkNumber, iumk_date: day(r.iumkDate), address: r.address,
    regency: r.regency, district: r.district?.name ?? null, village: r.village?.name ?? null, cooperative_id: r.cooperative?.id ?? null,
    created_at: r.createdAt.toISOString(), updated_at: r.updatedAt.toISOString(),
  }
}

export async function cooperativePage(user: SessionUser, q: z.infer<typeof cooperativeQuery>) {
  const { rows, next, hasMore } = await syncCooperatives({ user, filter: { q: q.q, regency: q.regency, type: q.type, status: q.status && COOPERATIVE_STATUS_FILTER[q.status], health: q.health }, ...(await syncArgs(q)) })
  return {
    data: rows.map((r) =>
      r.deletedAt
        ? tombstone({ ...r, deletedAt: r.deletedAt })
        : cooperativeRecord(r),
    ),
    next_cursor: next ? encodeCursor(next) : null,
    has_more: hasMore,
  }
}

/**
 * The cooperative `koperasi` names (its id), among those the client may read (a regency client its regency's). One
 * that is no cooperative, or another regency's, is a 400 naming it, as the API's `program` and `bank` are: an empty
 * page would read as a cooperative without members.
 */
async function cooperativeOf(user: SessionUser, id: string): Promise<string> {
  const found = await readDb.cooperative.findFirst({ where: { id, ...regencyScope(user) }, select: { id: true } })
  if (!found) throw new ApiProblem('invalid-request', { errors: [{ path: 'query.koperasi', detail: `Koperasi ${id} tidak dikenal; gunakan id koperasi dari GET /api/v1/koperasi.` }] })
  return found.id
}

export async function msmePage(user: SessionUser, q: z.infer<typeof msmeQuery>) {
  if (q.koperasi) await cooperativeOf(user, q.koperasi)
  const { rows, next, hasMore } = await syncMsmes({ user, filter: { q: q.q, regency: q.regency, scale: q.scale, mismatch: q.mismatch, koperasi: q.koperasi }, ...(await syncArgs(q)) })
  return {
    data: rows.map((r) =>
      r.deletedAt
        ? tombstone({ ...r, deletedAt: r.deletedAt })
        : msmeRecord(r),
    ),
    next_cursor: next ? encodeCursor(next) : null,
    has_more: hasMore,
  }
}
