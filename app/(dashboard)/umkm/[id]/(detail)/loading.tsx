// In a route group of its own so that the skeleton covers the record's page only: the edit and other pages under
// [id] check their own permission (a 403) before anything streams, rather than inside a 200 behind this skeleton.
import { getTranslations } from 'next-intl/server'
import { DetailSkeleton } from '@/components/registers/list-skeleton'

export default async function Loading() {
  return <DetailSkeleton label={(await getTranslations('common'))('loading')} />
}
