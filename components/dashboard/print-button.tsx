'use client'

import { Printer } from 'lucide-react'
import { loadAllCharts } from '@/components/charts/on-screen'
import { buttonClass } from '@/components/ui/button'

/**
 * Opens the browser's print dialog (A4 landscape, see globals.css): paper or "Save as PDF"; charts
 * not yet scrolled to are loaded first (they load when on screen).
 */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => void loadAllCharts().then(() => window.print())} className={`${buttonClass('secondary')} no-print`}>
      <Printer aria-hidden className="size-4" />
      {label}
    </button>
  )
}
