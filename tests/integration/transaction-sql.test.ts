import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Prisma } from '@/lib/generated/prisma/client'
import { db, transactionSql, withTransactionStatements } from '@/lib/db'
import { createPrismaClientWithPool } from '@/lib/prisma-client'

/**
 * lib/db.ts transactionSql: a statement sent without Prisma must belong to the transaction it is given — on
 * that transaction's own connection when it can be found for certain, else through the transaction's Prisma
 * call (behind a pooler such as PgBouncer the connection cannot be found by the server's process id) — and
 * come back with the rows Prisma's `$queryRawUnsafe` would give. Either way, a rollback takes it back.
 */
const other = createPrismaClientWithPool(process.env.DATABASE_URL!, 2)

beforeAll(async () => {
  await db.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS tx_sql_probe (id text PRIMARY KEY, amount numeric, day date)')
})

afterAll(async () => {
  await db.$executeRawUnsafe('DROP TABLE IF EXISTS tx_sql_probe')
  await other.prisma.$disconnect()
})

const count = async (id: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM tx_sql_probe WHERE id = $1', id))[0].n)
const backendOf = (tx: Prisma.TransactionClient) => tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`.then((r) => r[0].pid)

describe.each([
  ['a transaction of the app\'s client: its own connection', () => db],
  ['a transaction of a client whose connections are not known (as behind a pooler): through Prisma', () => other.prisma],
])('%s', (_label, client) => {
  it('commits and rolls back with the transaction, in the order of the calls, with Prisma\'s types', async () => {
    const id = `p-${Math.random().toString(36).slice(2)}`
    await client().$transaction(async (tx) => {
      // sent without waiting for each other: they still run in call order, on the transaction
      const [, , rows] = await Promise.all([
        transactionSql(tx, 'INSERT INTO tx_sql_probe (id, amount, day) VALUES ($1, $2, $3::date)', [id, '1234.50', '2025-03-01']),
        transactionSql(tx, 'UPDATE tx_sql_probe SET amount = amount + 1 WHERE id = $1', [id]),
        transactionSql<{ id: string; amount: Prisma.Decimal; day: Date; pid: number }>(tx, 'SELECT id, amount, day, pg_backend_pid() AS pid FROM tx_sql_probe WHERE id = $1', [id]),
      ])
      expect(rows).toHaveLength(1)
      expect(rows[0].amount).toBeInstanceOf(Prisma.Decimal)
      expect(rows[0].amount.toString()).toBe('1235.5')
      expect(rows[0].day.toISOString()).toBe('2025-03-01T00:00:00.000Z')
      expect(rows[0].pid).toBe(await backendOf(tx))
      // the same rows as Prisma's own raw call gives
      const viaPrisma = await tx.$queryRawUnsafe<{ amount: Prisma.Decimal; day: Date }[]>('SELECT amount, day FROM tx_sql_probe WHERE id = $1', id)
      expect(viaPrisma[0].amount.toString()).toBe(rows[0].amount.toString())
      expect(viaPrisma[0].day.toISOString()).toBe(rows[0].day.toISOString())
    })
    expect(await count(id)).toBe(1)

    const gone = `${id}-rolled-back`
    await expect(client().$transaction(async (tx) => {
      await transactionSql(tx, 'INSERT INTO tx_sql_probe (id, amount) VALUES ($1, 1)', [gone])
      expect(await transactionSql(tx, 'SELECT id FROM tx_sql_probe WHERE id = $1', [gone])).toHaveLength(1)
      throw new Error('roll back')
    })).rejects.toThrow('roll back')
    expect(await count(gone)).toBe(0)
  })

  it('ends its statements with the transaction: one still waiting its turn is refused, never run after the ROLLBACK', async () => {
    const id = `p-${Math.random().toString(36).slice(2)}-late`
    let late!: Promise<unknown>
    await expect(client().$transaction((tx) => withTransactionStatements(tx, async () => {
      void transactionSql(tx, 'SELECT pg_sleep(0.3)', []).catch(() => {})
      // sent when the sleep has answered: by then the callback has thrown
      late = transactionSql(tx, 'INSERT INTO tx_sql_probe (id, amount) VALUES ($1, 1)', [id])
      late.catch(() => {})
      throw new Error('roll back')
    }))).rejects.toThrow('roll back')
    await expect(late).rejects.toThrow('The transaction has ended')
    await new Promise((r) => setTimeout(r, 500))
    expect(await count(id)).toBe(0)
  })

  it('ends its statements before the transaction runs out of time: none runs after Prisma has rolled back on its own', async () => {
    const id = `p-${Math.random().toString(36).slice(2)}-timeout`
    let late!: Promise<unknown>
    await expect(client().$transaction((tx) => withTransactionStatements(tx, async () => {
      await transactionSql(tx, 'SELECT 1', [])
      // past the transaction's timeout: Prisma has rolled back and given the connection back to the pool
      await new Promise((r) => setTimeout(r, 2_500))
      late = transactionSql(tx, 'INSERT INTO tx_sql_probe (id, amount) VALUES ($1, 1)', [id])
      late.catch(() => {})
      await late
    }, 1_500), { timeout: 1_500 })).rejects.toThrow()
    await expect(late).rejects.toThrow('The transaction has ended')
    expect(await count(id)).toBe(0)
  })

  it('refuses a first statement called after the transaction\'s statements ended', async () => {
    let kept!: Prisma.TransactionClient
    await client().$transaction((tx) => withTransactionStatements(tx, async () => { kept = tx }))
    await expect(transactionSql(kept, 'SELECT 1', [])).rejects.toThrow('The transaction has ended')
  })
})
