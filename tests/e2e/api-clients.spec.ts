import { createHash, randomBytes } from 'node:crypto'
import { sql } from './db'
import { expect, test } from './fixtures'

/** The API clients' list as an admin reads it on a desktop. The client is written with SQL, as api-http.spec.ts does. */
test('the revoke button stays on one line in the clients’ table', async ({ page, login }) => {
  const id = `klien-e2e-${randomBytes(3).toString('hex')}`
  // a name and a contact as long as a walk's, whose columns took the width the button had had
  await sql(
    `INSERT INTO api_clients (id, name, owner, role, token_hash, token_prefix, expires_at, rate_limit_per_minute, created_by_id, updated_at)
     VALUES ($1, 'Core banking BPR Jatim ' || $1, 'Divisi TI BPR Jatim, Surabaya, ti-core@bprjatim.example.co.id', 'LEADERSHIP'::"Role", $2, 'lmb_e2e', now() + interval '30 days', 60, 'e2e', now())`,
    [id, createHash('sha256').update(id).digest('hex')],
  )
  try {
    await login('ADMIN')
    await page.goto('/pengguna/klien-api')
    const row = page.getByRole('row', { name: new RegExp(id) })
    const button = row.getByRole('button', { name: 'Cabut token' })
    await expect(button).toBeVisible()
    // one line of text-sm (20 px) and the button's padding (16): it had been two lines tall in every row
    expect((await button.boundingBox())!.height).toBeLessThan(40)
  } finally {
    await sql('DELETE FROM api_clients WHERE id = $1', [id])
  }
})
