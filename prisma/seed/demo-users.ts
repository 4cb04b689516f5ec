/**
 * Demo accounts, one per role (printed by `npm run dev`, listed in the README). The passwords are for
 * the demo data only: a real deployment creates its own users and never runs the demo seed.
 */
export const DEMO_USERS = [
  { username: 'admin', password: 'Lumbung-Admin-2026', name: 'Admin Dinas Provinsi', role: 'ADMIN', label: 'staf Dinas Koperasi dan UKM Provinsi' },
  { username: 'pimpinan', password: 'Lumbung-Pimpinan-2026', name: 'Kepala Dinas', role: 'LEADERSHIP', label: 'pimpinan (hanya baca)' },
  { username: 'jombang', password: 'Lumbung-Jombang-2026', name: 'Petugas Kabupaten Jombang', role: 'DISTRICT_OFFICER', label: 'petugas Kabupaten Jombang (35.17)' },
  { username: 'bprjatim', password: 'Lumbung-BPRJatim-2026', name: 'Petugas PT BPR Jatim', role: 'BANK_OFFICER', label: 'petugas PT BPR Jatim (Bank UMKM Jatim)' },
] as const
