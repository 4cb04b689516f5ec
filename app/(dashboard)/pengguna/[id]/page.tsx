import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/ui/page-header'
import { UserForm } from '@/components/users/user-form'
import { userFormChoices } from '@/components/users/user-form-options'
import { getUser, userFormOptions } from '@/lib/data/users'
import { env } from '@/lib/env'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('editTitle') }
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('users.manage')
  const { id } = await params
  const [target, t, locale, options] = await Promise.all([getUser({ user, id }), getTranslations('users'), getLocale(), userFormOptions(env().AGENCY_PROVINCE_CODE)])
  if (!target) notFound()
  return (
    <>
      <PageHeader title={`${t('editTitle')}: ${target.username}`} />
      <UserForm
        {...userFormChoices(locale === 'en' ? 'en' : 'id', options)}
        initial={{
          id: target.id,
          version: target.version,
          username: target.username,
          name: target.name,
          email: target.email ?? '',
          role: target.role,
          regencyCode: target.regencyCode ?? '',
          bankId: target.bankId ?? '',
        }}
      />
    </>
  )
}
