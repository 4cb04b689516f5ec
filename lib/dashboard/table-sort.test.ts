import { describe, expect, it } from 'vitest'
import { orderRows, tableSort } from './table-sort'

const rows = [
  { name: 'Kota Batu', pct: 40 },
  { name: 'Kabupaten Jombang', pct: null },
  { name: 'Kabupaten Bangkalan', pct: 110.5 },
  { name: 'Kota Blitar', pct: 40 },
]

describe('orderRows', () => {
  it('orders numbers both ways, blanks last in either direction, ties in the order given', () => {
    expect(orderRows(rows, (r) => r.pct, 'desc').map((r) => r.name)).toEqual(['Kabupaten Bangkalan', 'Kota Batu', 'Kota Blitar', 'Kabupaten Jombang'])
    expect(orderRows(rows, (r) => r.pct, 'asc').map((r) => r.name)).toEqual(['Kota Batu', 'Kota Blitar', 'Kabupaten Bangkalan', 'Kabupaten Jombang'])
  })

  it('orders names alphabetically and leaves the rows it was given as they were', () => {
    expect(orderRows(rows, (r) => r.name, 'asc').map((r) => r.name)).toEqual(['Kabupaten Bangkalan', 'Kabupaten Jombang', 'Kota Batu', 'Kota Blitar'])
    expect(orderRows(rows, (r) => r.name, 'desc')[0].name).toBe('Kota Blitar')
    expect(rows[0].name).toBe('Kota Batu')
  })
})

describe('tableSort', () => {
  it('reads a column of the table and a direction, and drops anything else', () => {
    expect(tableSort({ sort: 'pct', dir: 'asc' }, ['regency', 'pct'])).toEqual({ sort: 'pct', dir: 'asc' })
    expect(tableSort({ sort: 'nik', dir: 'sideways' }, ['regency', 'pct'])).toEqual({ sort: undefined, dir: undefined })
    expect(tableSort({}, ['regency', 'pct'])).toEqual({ sort: undefined, dir: undefined })
  })
})
