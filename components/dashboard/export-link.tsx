import { Download } from 'lucide-react'
import clsx from 'clsx'
import { buttonClass } from '@/components/ui/button'

/**
 * A download link for one chart's figures as .xlsx (the route re-reads them, scoped to the user). `of` names what
 * it downloads for screen readers: a page of charts has several "Unduh .xlsx" links that a list of links could
 * not tell apart.
 */
export function ExportLink({ href, label, of, className, size = 'sm' }: { href: string; label: string; of?: string; className?: string; size?: 'sm' | 'md' }) {
  return (
    // 'md' in a page header beside its other buttons (Cetak / PDF); 'sm' on a chart's card
    <a href={href} download className={clsx(buttonClass('secondary', size), 'no-print', className)}>
      <Download aria-hidden className={size === 'sm' ? 'size-3.5' : 'size-4'} />
      {label}
      {of && <span className="sr-only">: {of}</span>}
    </a>
  )
}
