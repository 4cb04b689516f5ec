import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { SignInForm } from '@/components/auth/sign-in-form'
import { getCurrentUser } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn'))('submit') }
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = flatParams(await searchParams)
  if (await getCurrentUser()) redirect('/')
  const t = await getTranslations('signIn')
  return (
    <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-1 text-sm text-slate-600">{t('subtitle')}</p>
      {params.sesi === 'berakhir' && <p className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">{t('sessionEnded')}</p>}
      {params.sesi === 'keluar-semua' && <p className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('signedOutEverywhere')}</p>}
      <SignInForm callbackUrl={params.callbackUrl ?? '/'} />
      <p className="mt-4 text-xs text-slate-500">{t('help')}</p>
    </div>
  )
}
