import { z } from 'zod'
import { filterDir } from '@/lib/validations/registers-common'

export type SortDir = 'asc' | 'desc'

/**
 * The column and direction a dashboard table is sorted by, from the URL (`?sort=…&dir=…`, as the lists'): a column the
 * table does not have falls back to its default order instead of failing the page.
 */
export function tableSort<C extends string>(raw: Record<string, string>, columns: readonly [C, ...C[]]): { sort: C | undefined; dir: SortDir | undefined } {
  return { sort: z.enum(columns).optional().catch(undefined).parse(raw.sort), dir: filterDir.parse(raw.dir) }
}

/**
 * A dashboard table's rows in the order its header asks for. The rows are figures already computed in SQL, one per
 * regency (38 at most), so they are ordered here rather than by a query per column. A blank figure (no target, no
 * approved report) goes last in either direction, having nothing to compare; names compare the Indonesian way; ties
 * keep the order the rows came in (the ranking's), as the sort is stable.
 */
export function orderRows<T>(rows: readonly T[], value: (row: T) => number | string | null, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = value(a)
    const y = value(b)
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return sign * (typeof x === 'string' ? x.localeCompare(String(y), 'id') : x - (y as number))
  })
}
