import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { DeletedRecords } from '@/components/registers/deleted-records'
import { restoreMsme } from '@/lib/actions/msmes'
import { findDeletedMsmes } from '@/lib/data/msmes'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { filterPage, filterText } from '@/lib/validations/registers-common'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('registers'))('deletedRecords') }
}

/** The deleted MSMEs the user may bring back (msmes.write, in its scope). */
export default async function DeletedMsmesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('msmes.write')
  const params = flatParams(await searchParams)
  const q = filterText.parse(params.q) ?? ''
  const page = filterPage.parse(params.page) ?? 1
  const { rows, total, pageSize } = await findDeletedMsmes({ user, q, page })
  return (
    <DeletedRecords register="msmes" q={q} page={page} pageSize={pageSize} total={total} restore={restoreMsme}
      rows={rows.map((m) => ({ id: m.id, key: m.nib, name: m.businessName, regencyName: m.regency.name, deletedAt: m.deletedAt!, version: m.version }))} />
  )
}
