import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { DeletedRecords } from '@/components/registers/deleted-records'
import { restoreCooperative } from '@/lib/actions/cooperatives'
import { findDeletedCooperatives } from '@/lib/data/cooperatives'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { filterPage, filterText } from '@/lib/validations/registers-common'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('registers'))('deletedRecords') }
}

/** The deleted cooperatives the user may bring back (cooperatives.write, in its scope). */
export default async function DeletedCooperativesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('cooperatives.write')
  const params = flatParams(await searchParams)
  const q = filterText.parse(params.q) ?? ''
  const page = filterPage.parse(params.page) ?? 1
  const { rows, total, pageSize } = await findDeletedCooperatives({ user, q, page })
  return (
    <DeletedRecords register="cooperatives" q={q} page={page} pageSize={pageSize} total={total} restore={restoreCooperative}
      rows={rows.map((c) => ({ id: c.id, key: c.nik, name: c.name, regencyName: c.regency.name, deletedAt: c.deletedAt!, version: c.version }))} />
  )
}
