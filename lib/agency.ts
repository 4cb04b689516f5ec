import 'server-only'
import { cache } from 'react'
import { readDb } from '@/lib/db'
import { env } from '@/lib/env'
import { cachedFigures } from '@/lib/figure-cache'

/**
 * The seat of each province's government (Kemendagri codes), where a provincial Dinas dates and signs its
 * records unless AGENCY_CITY says otherwise.
 */
export const PROVINCE_CAPITALS: Record<string, string> = {
  '11': 'Banda Aceh', '12': 'Medan', '13': 'Padang', '14': 'Pekanbaru', '15': 'Jambi', '16': 'Palembang', '17': 'Bengkulu',
  '18': 'Bandar Lampung', '19': 'Pangkalpinang', '21': 'Tanjungpinang', '31': 'Jakarta', '32': 'Bandung', '33': 'Semarang',
  '34': 'Yogyakarta', '35': 'Surabaya', '36': 'Serang', '51': 'Denpasar', '52': 'Mataram', '53': 'Kupang', '61': 'Pontianak',
  '62': 'Palangka Raya', '63': 'Banjarbaru', '64': 'Samarinda', '65': 'Tanjung Selor', '71': 'Manado', '72': 'Palu',
  '73': 'Makassar', '74': 'Kendari', '75': 'Gorontalo', '76': 'Mamuju', '81': 'Ambon', '82': 'Sofifi', '91': 'Jayapura',
  '92': 'Manokwari', '93': 'Merauke', '94': 'Nabire', '95': 'Wamena', '96': 'Sorong',
}

/**
 * The agency that runs this Lumbung, for letterheads: its name (AGENCY_NAME, else "Dinas Koperasi
 * dan UKM Provinsi <province>"), logo (AGENCY_LOGO) and the city it signs in (AGENCY_CITY, else the
 * province's capital). Once per request, and the province's name from
 * the snapshot-keyed cache (lib/figure-cache.ts) across requests: every signed-in page prints the
 * letterhead, and an ORM read per page costs Prisma a query compilation.
 */
export const getAgency = cache(async () => {
  const { AGENCY_NAME, AGENCY_LOGO, AGENCY_PROVINCE_CODE, AGENCY_CITY } = env()
  const province = AGENCY_NAME
    ? null
    : await cachedFigures('agency-province', [AGENCY_PROVINCE_CODE], () => readDb.province.findUnique({ where: { code: AGENCY_PROVINCE_CODE }, select: { name: true } }))
  // `province` and `custom` let the English interface name a default agency in English (an agency's own
  // AGENCY_NAME is its name in any language; official documents keep the Indonesian name)
  return { name: AGENCY_NAME ?? `Dinas Koperasi dan UKM Provinsi ${province?.name ?? ''}`.trim(), logo: AGENCY_LOGO, custom: Boolean(AGENCY_NAME), province: province?.name ?? '', city: AGENCY_CITY ?? PROVINCE_CAPITALS[AGENCY_PROVINCE_CODE] ?? '' }
})
