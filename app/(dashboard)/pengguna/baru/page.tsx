import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/ui/page-header'
import { UserForm } from '@/components/users/user-form'
import { userFormChoices } from '@/components/users/user-form-options'
import { userFormOptions } from '@/lib/data/users'
import { env } from '@/lib/env'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('createTitle') }
}

export default async function NewUserPage() {
  await requirePermission('users.manage')
  const [t, locale, options] = await Promise.all([getTranslations('users'), getLocale(), userFormOptions(env().AGENCY_PROVINCE_CODE)])
  return (
    <>
      <PageHeader title={t('createTitle')} />
      <UserForm {...userFormChoices(locale === 'en' ? 'en' : 'id', options)} />
    </>
  )
}
