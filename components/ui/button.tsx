import Link from 'next/link'
import clsx from 'clsx'

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost'

// every variant has a 1 px border (transparent except the secondary's), so buttons side by side are one height
const VARIANTS: Record<Variant, string> = {
  primary: 'border border-transparent bg-brand-600 text-white hover:bg-brand-700 focus-visible:outline-brand-600',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 focus-visible:outline-slate-400',
  danger: 'border border-transparent bg-red-600 text-white hover:bg-red-700 focus-visible:outline-red-600',
  ghost: 'border border-transparent text-slate-700 hover:bg-slate-100 focus-visible:outline-slate-400',
}

export function buttonClass(variant: Variant = 'primary', size: 'sm' | 'md' = 'md') {
  return clsx(
    'inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60',
    size === 'sm' ? 'px-2.5 py-1.5 text-xs' : 'px-4 py-2 text-sm',
    VARIANTS[variant],
  )
}

export function Button({ variant, size, className, ...props }: React.ComponentProps<'button'> & { variant?: Variant; size?: 'sm' | 'md' }) {
  return <button {...props} className={clsx(buttonClass(variant, size), className)} />
}

export function LinkButton({ variant, size, className, ...props }: React.ComponentProps<typeof Link> & { variant?: Variant; size?: 'sm' | 'md' }) {
  return <Link {...props} className={clsx(buttonClass(variant, size), className)} />
}
