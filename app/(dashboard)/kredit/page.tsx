import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Placeholder } from '@/components/ui/placeholder'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('credit') }
}

export default async function CreditPage() {
  const t = await getTranslations('nav')
  return <Placeholder title={t('credit')} issue={5} />
}
