'use client'

import { useTranslations } from 'next-intl'

/**
 * A register's amount field (a book year's figures, an MSME's capital and sales). It reads amounts the Indonesian way
 * in either language (`25.000.000`, sen after a comma: lib/validations/registers-common.ts money()), so the English
 * screen, whose tables show `Rp2,800,000,000`, gives an example of that as its placeholder before a first refusal
 * (it had shown only "Rp"); the Indonesian one keeps "Rp". `signed`: an amount that may be negative (the SHU), without
 * the decimal keypad, which has no minus sign on a phone.
 */
export function MoneyInput({ signed = false, ...props }: Omit<React.ComponentProps<'input'>, 'inputMode' | 'placeholder'> & { signed?: boolean }) {
  const r = useTranslations('registers')
  return <input {...props} inputMode={signed ? undefined : 'decimal'} placeholder={r('moneyPlaceholder')} />
}
