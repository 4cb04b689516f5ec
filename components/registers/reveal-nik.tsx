'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { Eye } from 'lucide-react'
import { revealOwnerNik } from '@/lib/actions/msmes'
import { Button } from '@/components/ui/button'

/**
 * The masked owner NIK with a "Tampilkan NIK" button for roles allowed to see it: the full number is
 * fetched by an audited server action only when pressed, never sent with the page.
 */
export function RevealNik({ id, masked, canReveal }: { id: string; masked: string; canReveal: boolean }) {
  const t = useTranslations('msmes')
  const [state, action, pending] = useActionState(revealOwnerNik, undefined)
  const nik = state?.ok ? state.data?.nik : undefined
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono tabular-nums" data-testid="owner-nik">{nik ?? masked}</span>
      {canReveal && !nik && (
        <form action={action}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" size="sm" variant="secondary" disabled={pending} title={t('revealNote')}>
            <Eye aria-hidden className="size-3.5" />
            {pending ? t('revealing') : t('revealNik')}
          </Button>
        </form>
      )}
      {state && !state.ok && <span role="status" className="text-xs text-red-700">{state.message}</span>}
    </span>
  )
}
