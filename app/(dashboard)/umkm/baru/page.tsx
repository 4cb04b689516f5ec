import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { MsmeForm } from '@/components/registers/msme-form'
import { PageHeader } from '@/components/ui/page-header'
import { cooperativeChoices } from '@/lib/data/cooperatives'
import { agencyRegencies, locationChoices } from '@/lib/data/regions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('msmes'))('createTitle') }
}

export default async function NewMsmePage() {
  const user = await requirePermission('msmes.write')
  const [t, regencies, choices, cooperatives] = await Promise.all([
    getTranslations('msmes'),
    agencyRegencies(),
    locationChoices(user.regencyCode, null),
    user.regencyCode ? cooperativeChoices({ user, regencyCode: user.regencyCode }) : [],
  ])
  return (
    <>
      <PageHeader title={t('createTitle')} />
      <MsmeForm
        regencies={regencies}
        fixedRegency={user.regencyCode ?? undefined}
        districts={choices.districts}
        villages={[]}
        cooperatives={cooperatives}
        cancelHref="/umkm"
        initial={{ nib: '', businessName: '', ownerName: '', ownerNik: '', ownerGender: '', kbli: '', regencyCode: user.regencyCode ?? '', districtCode: '', villageCode: '', address: '', phone: '', workers: '0', businessCapital: '', annualSales: '', recordedScale: '', newRegistration: true, iumkNumber: '', iumkDate: '', cooperativeId: '' }}
      />
    </>
  )
}
