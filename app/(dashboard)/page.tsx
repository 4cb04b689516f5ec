import { getTranslations } from 'next-intl/server'
import { Placeholder } from '@/components/ui/placeholder'

export default async function HomePage() {
  const t = await getTranslations('nav')
  return <Placeholder title={t('home')} issue={7} />
}
