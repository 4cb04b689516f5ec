import { Download } from 'lucide-react'
import clsx from 'clsx'
import { buttonClass } from '@/components/ui/button'

/** A download link for one chart's figures as .xlsx (the route re-reads them, scoped to the user). */
export function ExportLink({ href, label, className }: { href: string; label: string; className?: string }) {
  return (
    <a href={href} download className={clsx(buttonClass('secondary', 'sm'), 'no-print', className)}>
      <Download aria-hidden className="size-3.5" />
      {label}
    </a>
  )
}
