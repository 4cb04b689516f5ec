/**
 * The claim months of a loan: one per period, the month its period ends, i.e. the 1st … `tenor`th month after the
 * contract month (lib/credit/subsidy.ts: period i ends i months after the contract date). Empty for a date or tenor
 * that cannot be read (the server names those).
 */
export function loanClaimMonths(contractDate: string | null, tenor: number): string[] {
  if (!contractDate || !/^\d{4}-\d{2}-\d{2}$/.test(contractDate) || !Number.isInteger(tenor) || tenor < 1 || tenor > 360) return []
  const [y, m] = contractDate.split('-').map(Number)
  return Array.from({ length: tenor }, (_, i) => {
    const k = y * 12 + (m - 1) + i + 1
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
  })
}
