'use client'

import { useState } from 'react'
import { Check, Copy } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'

/**
 * Copy a secret shown once (an API token, a temporary password) to the clipboard, and say it was copied. Where the
 * browser gives no clipboard (a page served over plain HTTP on another host), the text is selected instead and the
 * user is told to press Ctrl+C: it had to be selected by hand.
 */
export function CopyButton({ text, target }: { text: string; /** the element showing the text, selected when copying fails */ target?: string }) {
  const t = useTranslations('common.copy')
  const [done, setDone] = useState<'copied' | 'failed' | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setDone('copied')
    } catch {
      const el = target ? document.querySelector(target) : null
      if (el) window.getSelection()?.selectAllChildren(el)
      setDone('failed')
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className={buttonClass('secondary', 'sm')}>
        {done === 'copied' ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
        {done === 'copied' ? t('done') : t('label')}
      </button>
      <span role="status" className="text-xs text-slate-700">{done === 'failed' ? t('failed') : ''}</span>
    </span>
  )
}
