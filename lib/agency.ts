import 'server-only'
import { cache } from 'react'
import { db } from '@/lib/db'
import { env } from '@/lib/env'

/**
 * The agency that runs this Lumbung, for letterheads: its name (AGENCY_NAME, else "Dinas Koperasi
 * dan UKM Provinsi <province>") and logo (AGENCY_LOGO). Read once per request.
 */
export const getAgency = cache(async () => {
  const { AGENCY_NAME, AGENCY_LOGO, AGENCY_PROVINCE_CODE } = env()
  const province = AGENCY_NAME ? null : await db.province.findUnique({ where: { code: AGENCY_PROVINCE_CODE }, select: { name: true } })
  return { name: AGENCY_NAME ?? `Dinas Koperasi dan UKM Provinsi ${province?.name ?? ''}`.trim(), logo: AGENCY_LOGO }
})
