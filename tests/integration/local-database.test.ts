import { describe, expect, it } from 'vitest'
import { assertLocalDatabaseUrl } from '../support/local-database'

describe('test database guard', () => {
  it('refuses a DATABASE_URL that is not on this machine', () => {
    expect(() => assertLocalDatabaseUrl('postgresql://u:p@db.prod.example.go.id:5432/lumbung')).toThrow(/bukan lokal/)
    expect(() => assertLocalDatabaseUrl('postgresql://u:p@10.0.0.5/lumbung')).toThrow(/bukan lokal/)
  })
  it('accepts localhost and loopback', () => {
    expect(() => assertLocalDatabaseUrl('postgresql://u:p@localhost:5432/x')).not.toThrow()
    expect(() => assertLocalDatabaseUrl('postgresql://u:p@127.0.0.1:5432/x')).not.toThrow()
  })
})
