/**
 * The message namespaces each section of the app passes to its client components. The server renders
 * with every message (`getTranslations`, `useTranslations` in server components read the request's
 * catalogue); only what a `'use client'` component reads has to travel to the browser, and before this
 * the whole catalogue (53,5 KB) was serialised into the RSC payload of every page. A section is the
 * root frame (app/*.tsx and the dashboard frame), the sign-in pages, or one folder of app/(dashboard);
 * its layout wraps it in `<ClientMessages section="…">` (components/i18n/client-messages.tsx).
 * `tests/unit/client-messages.test.ts` computes these lists from the import graph and fails when one
 * differs (a missing namespace shows raw keys in the browser).
 */
export const CLIENT_NAMESPACES = {
  root: [],
  auth: ['account', 'common', 'signIn'],
  '(beranda)': ['common', 'dashboard'],
  akun: ['account', 'common'],
  audit: ['common'],
  dasbor: ['common', 'dashboard'],
  impor: ['common', 'imports'],
  kegiatan: ['activities', 'common', 'programmeTargets'],
  koperasi: ['common', 'cooperatives', 'health', 'registers'],
  kredit: ['common', 'credit', 'dashboard'],
  'laporan-triwulan': ['activityFeed', 'common', 'dashboard', 'reporting.entry', 'reporting.review'],
  notifikasi: ['notifications'],
  pengaturan: ['activities', 'common', 'config', 'health', 'reporting.status'],
  pengguna: ['apiClients', 'common', 'users'],
  rapat: ['common', 'meetings'],
  'target-program': ['activities', 'common', 'programmeTargets'],
  'tindak-lanjut': ['common', 'meetings'],
  umkm: ['common', 'msmes', 'registers'],
} as const satisfies Record<string, readonly string[]>

export type MessageSection = keyof typeof CLIENT_NAMESPACES

type Tree = { [key: string]: unknown }

/** Only the given namespaces (dotted paths, e.g. `config.banks`) of a message tree, each with its whole subtree. */
export function pickMessages(messages: object, namespaces: readonly string[]): Tree {
  const out: Tree = {}
  for (const ns of namespaces) {
    const keys = ns.split('.')
    let from: unknown = messages
    let to = out
    keys.forEach((key, i) => {
      from = typeof from === 'object' && from !== null ? (from as Tree)[key] : undefined
      if (from === undefined) return
      if (i === keys.length - 1) to[key] = from
      else {
        const next = (to[key] ?? {}) as Tree
        to[key] = next
        to = next
      }
    })
  }
  return out
}
