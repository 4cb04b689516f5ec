import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { MsmeForm } from '@/components/registers/msme-form'
import { PageHeader } from '@/components/ui/page-header'
import { cooperativeChoices } from '@/lib/data/cooperatives'
import { getMsme } from '@/lib/data/msmes'
import { agencyRegencies, locationChoices } from '@/lib/data/regions'
import { countInput, dateInput, moneyInput } from '@/lib/registers/form-values'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('msmes'))('editTitle') }
}

export default async function EditMsmePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('msmes.write')
  const { id } = await params
  const m = await getMsme({ user, id })
  if (!m) notFound()
  const [t, regencies, choices, cooperatives] = await Promise.all([
    getTranslations('msmes'),
    agencyRegencies(),
    locationChoices(m.regencyCode, m.districtCode),
    cooperativeChoices({ user, regencyCode: m.regencyCode, keep: m.cooperativeId }),
  ])
  return (
    <>
      <PageHeader title={`${t('editTitle')}: ${m.businessName}`} />
      <MsmeForm
        regencies={regencies}
        fixedRegency={user.regencyCode ?? undefined}
        districts={choices.districts}
        villages={choices.villages}
        cooperatives={cooperatives}
        cancelHref={`/umkm/${m.id}`}
        initial={{
          id: m.id,
          version: m.version,
          maskedNik: m.ownerNik,
          nib: m.nib,
          businessName: m.businessName,
          ownerName: m.ownerName,
          ownerNik: '',
          ownerGender: m.ownerGender,
          kbli: m.kbli,
          regencyCode: m.regencyCode,
          districtCode: m.districtCode ?? '',
          villageCode: m.villageCode ?? '',
          address: m.address ?? '',
          // a masked phone (roles without personal-data access cannot edit anyway) is not refilled
          phone: m.phone && /^\+?\d+$/.test(m.phone) ? m.phone : '',
          workers: countInput(m.workers),
          businessCapital: moneyInput(m.businessCapital),
          annualSales: moneyInput(m.annualSales),
          recordedScale: m.recordedScale ?? '',
          newRegistration: m.newRegistration,
          iumkNumber: m.iumkNumber ?? '',
          iumkDate: dateInput(m.iumkDate),
          cooperativeId: m.cooperativeId ?? '',
        }}
      />
    </>
  )
}
