'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { saveHealthTemplate } from '@/lib/actions/config'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'

export type HealthTemplateValues = Record<'governance' | 'riskProfile' | 'financial' | 'capital' | 'sehat' | 'cukupSehat' | 'dalamPengawasan' | 'weightsSource' | 'bandsSource', string>

/** The cooperative health template: four aspect weights (adding up to 100) and three band limits, with their sources. */
export function HealthTemplateForm({ version, initial }: { version: number; initial: HealthTemplateValues }) {
  const t = useTranslations('config.health')
  const tc = useTranslations('config')
  const [state, action, pending] = useActionState(saveHealthTemplate, undefined)
  const v = { ...initial, ...state?.values }
  const err = (k: string) => state?.errors?.[k]
  const number = (k: keyof HealthTemplateValues) => (
    <Field key={k} label={t(`field.${k}`)} name={k} errors={err(k)} required>
      {(p) => <input {...p} inputMode="decimal" defaultValue={v[k]} />}
    </Field>
  )
  return (
    <form action={action} className="max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t('weights')}</legend>
        <div className="grid gap-4 sm:grid-cols-4">{(['governance', 'riskProfile', 'financial', 'capital'] as const).map(number)}</div>
        <Field label={t('field.weightsSource')} name="weightsSource" errors={err('weightsSource')}>
          {(p) => <input {...p} defaultValue={v.weightsSource} maxLength={300} />}
        </Field>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t('bands')}</legend>
        <div className="grid gap-4 sm:grid-cols-3">{(['sehat', 'cukupSehat', 'dalamPengawasan'] as const).map(number)}</div>
        <Field label={t('field.bandsSource')} name="bandsSource" errors={err('bandsSource')}>
          {(p) => <input {...p} defaultValue={v.bandsSource} maxLength={300} />}
        </Field>
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? tc('saving') : tc('save')}</Button>
    </form>
  )
}
