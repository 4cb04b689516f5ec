import clsx from 'clsx'

/**
 * A first column that stays in view while the table scrolls sideways (a phone): a row's name beside its figures,
 * where it had scrolled away and left rows of bare numbers. Its background is opaque, the figures passing under it;
 * a tinted row names its tint, mixed here over white as the row's translucent tint shows (a bare `bg-brand-50/60`
 * would let the figures show through). The line at its edge marks where the scrolled columns go under.
 */
export type StickyColumn = boolean | 'province' | 'own'
const STICKY_BG: Record<'true' | 'province' | 'own', string> = {
  true: 'bg-white',
  // the province line's `bg-brand-50/60` over the card's white
  province: 'bg-[color-mix(in_srgb,var(--color-brand-50)_60%,white)]',
  // the user's own regency: `bg-amber-50` is opaque already
  own: 'bg-amber-50',
}
export const stickyClass = (sticky: StickyColumn | undefined, header = false) =>
  sticky ? clsx('sticky left-0 z-10 shadow-[inset_-1px_0_0_var(--color-slate-200)]', !header && STICKY_BG[String(sticky) as keyof typeof STICKY_BG]) : undefined

