import { expect, test as base, type Page } from '@playwright/test'
import { DEMO_USERS } from '../../prisma/seed/demo-users'

export type DemoRole = (typeof DEMO_USERS)[number]['role']

export const demo = (role: DemoRole) => DEMO_USERS.find((u) => u.role === role)!

/** Sign in through the real form, as a person would. */
export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/masuk')
  await page.getByLabel('Nama pengguna').fill(username)
  await page.getByLabel('Kata sandi').fill(password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page).not.toHaveURL(/\/masuk/)
}

/** `login(role)` signs the page in as that role's demo user. */
export const test = base.extend<{ login: (role: DemoRole) => Promise<void> }>({
  // `provide` is Playwright's fixture callback (named `use` in its docs, which trips the React hooks rule)
  login: async ({ page }, provide) => {
    await provide(async (role) => {
      const u = demo(role)
      await signIn(page, u.username, u.password)
    })
  },
})

export { expect }
