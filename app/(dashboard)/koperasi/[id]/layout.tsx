import { notFound } from 'next/navigation'
import { load } from './load'

/**
 * The record is read here, above the page's loading skeleton: a missing record, or one of another
 * regency (indistinguishable, no existence leak), is a real 404 rather than a 404 page inside a 200.
 */
export default async function CooperativeLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  if (!(await load((await params).id)).record) notFound()
  return children
}
