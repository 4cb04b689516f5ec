'use client'

import { useLocale } from 'next-intl'
import { ErrorContent } from './error-content'

/** A page that failed outside the dashboard (the sign-in pages): in the UI language, with a retry and a way home. */
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorContent locale={useLocale()} digest={error.digest} reset={reset} inShell={false} />
}
