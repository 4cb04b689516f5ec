import 'server-only'
import { cache } from 'react'
import { readDb } from '@/lib/db'
import { env } from '@/lib/env'
import { cachedFigures } from '@/lib/figure-cache'

/**
 * The agency that runs this Lumbung, for letterheads: its name (AGENCY_NAME, else "Dinas Koperasi
 * dan UKM Provinsi <province>") and logo (AGENCY_LOGO). Once per request, and the province's name from
 * the snapshot-keyed cache (lib/figure-cache.ts) across requests: every signed-in page prints the
 * letterhead, and an ORM read per page costs Prisma a query compilation.
 */
export const getAgency = cache(async () => {
  const { AGENCY_NAME, AGENCY_LOGO, AGENCY_PROVINCE_CODE } = env()
  const province = AGENCY_NAME
    ? null
    : await cachedFigures('agency-province', [AGENCY_PROVINCE_CODE], () => readDb.province.findUnique({ where: { code: AGENCY_PROVINCE_CODE }, select: { name: true } }))
  // `province` and `custom` let the English interface name a default agency in English (an agency's own
  // AGENCY_NAME is its name in any language; official documents keep the Indonesian name)
  return { name: AGENCY_NAME ?? `Dinas Koperasi dan UKM Provinsi ${province?.name ?? ''}`.trim(), logo: AGENCY_LOGO, custom: Boolean(AGENCY_NAME), province: province?.name ?? '' }
})
