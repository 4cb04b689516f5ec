import { getTranslations } from 'next-intl/server'
import { DetailSkeleton } from '@/components/registers/list-skeleton'

export default async function Loading() {
  return <DetailSkeleton label={(await getTranslations('common'))('loading')} />
}
