'use client'

import { useLocale } from 'next-intl'
import { ErrorContent } from '../error-content'

/** A dashboard page that failed: inside the shell (its <main id="isi">), so the menu stays and a section, not a second main. */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorContent locale={useLocale()} digest={error.digest} reset={reset} inShell />
}
