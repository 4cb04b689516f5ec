/**
 * The figures the admin's confirmation dialogs state before a claim is approved or paid, worked out as the
 * server's actions (lib/actions/credit.ts approveClaim, recordClaimPayment) will, from what the page shows and
 * the form holds. They only word the dialog: the server decides, and refuses what it does not accept.
 */
import { parseRupiah } from '@/lib/parse'

export type ReviewLine = { id: string; claimed: number; computed: number }

/**
 * What approving gives with the corrections typed in the form (`typed(id)`, empty when none): the number of
 * corrected lines and the total, null when the total is not known or a correction cannot be read (the
 * server then refuses it with the field's message); and the corrections above the agency's computation, how
 * many and by how much in all (allowed up to the bank's claim, but the dialog says so before it is approved).
 */
export function approvalWithCorrections(base: number | null, lines: ReviewLine[], typed: (id: string) => string): { corrected: number; total: number | null; above: number; aboveBy: number } {
  let corrected = 0
  let total = base
  let above = 0
  let aboveBy = 0
  for (const l of lines) {
    const text = typed(l.id).trim()
    if (!text) continue
    corrected++
    const amount = parseRupiah(text)
    total = amount.ok && total !== null ? total - Math.min(l.claimed, l.computed) + amount.value : null
    if (amount.ok && amount.value > l.computed) {
      above++
      aboveBy += amount.value - l.computed
    }
  }
  return { corrected, total, above, aboveBy }
}

/** A correction typed above what the bank claimed for its line (the server refuses it too): true, else false (within it, empty or unreadable). */
export function correctionAboveClaimed(typed: string, claimed: number): boolean {
  const amount = parseRupiah(typed)
  return typed.trim() !== '' && amount.ok && amount.value > claimed
}

/** A payment typed above what is still to pay (the server refuses it too): the amount typed, or null when within it or unreadable. */
export function paymentAboveOutstanding(typed: string, outstanding: number): number | null {
  const amount = parseRupiah(typed)
  return amount.ok && amount.value > outstanding ? amount.value : null
}
