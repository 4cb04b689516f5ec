/**
 * The OJK collectibility classes (lib/credit/subsidy.ts `Collectibility`). Their names live in one message,
 * `credit.collectibilityClass` (`{value}` 1–5): the official Indonesian term, which the English interface
 * shows in brackets after the English one.
 */
import type { Collectibility } from '@/lib/credit/subsidy'

export const COLLECTIBILITY_CLASSES: readonly Collectibility[] = [1, 2, 3, 4, 5]

/** A badge's tone for a class: green current, blue special mention, amber substandard or doubtful, red loss. */
export function collectibilityTone(value: number): 'green' | 'blue' | 'amber' | 'red' {
  return value >= 5 ? 'red' : value >= 3 ? 'amber' : value === 2 ? 'blue' : 'green'
}
