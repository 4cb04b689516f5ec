'use client'

import { Printer } from 'lucide-react'
import { buttonClass } from '@/components/ui/button'

/** Opens the browser's print dialog (A4 landscape, see globals.css): paper or "Save as PDF". */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonClass('secondary')} no-print`}>
      <Printer aria-hidden className="size-4" />
      {label}
    </button>
  )
}
