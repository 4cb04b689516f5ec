import { getTranslations } from 'next-intl/server'
import { ListSkeleton } from '@/components/registers/list-skeleton'

export default async function Loading() {
  return <ListSkeleton label={(await getTranslations('common'))('loading')} />
}
