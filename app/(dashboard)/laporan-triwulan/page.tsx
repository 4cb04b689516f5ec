import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Placeholder } from '@/components/ui/placeholder'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('quarterly') }
}

export default async function QuarterlyPage() {
  const t = await getTranslations('nav')
  return <Placeholder title={t('quarterly')} issue={6} />
}
