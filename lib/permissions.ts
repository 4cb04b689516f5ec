/**
 * Who may do what: one table read by the server guards (lib/safe-action.ts, lib/data/*) and by the UI
 * (menus, buttons). Hiding a button is cosmetic; the guard is the rule.
 */
import type { Role } from '@/lib/generated/prisma/enums'

const ALL: readonly Role[] = ['ADMIN', 'DISTRICT_OFFICER', 'LEADERSHIP', 'BANK_OFFICER']

export const PERMISSIONS = {
  /** dashboards; a bank officer's figures are limited to its bank, a district officer's to its regency */
  'dashboard.read': ALL,
  'cooperatives.read': ['ADMIN', 'DISTRICT_OFFICER', 'LEADERSHIP'],
  'cooperatives.write': ['ADMIN', 'DISTRICT_OFFICER'],
  'msmes.read': ['ADMIN', 'DISTRICT_OFFICER', 'LEADERSHIP'],
  'msmes.write': ['ADMIN', 'DISTRICT_OFFICER'],
  /** unmasking an owner's NIK (personal data under UU 27/2022); every reveal is audited */
  'msmes.revealNik': ['ADMIN', 'DISTRICT_OFFICER'],
  /** pembinaan activities and their beneficiaries: a district officer its own regency's (lib/data/activities.ts), leadership reads */
  'activities.read': ['ADMIN', 'DISTRICT_OFFICER', 'LEADERSHIP'],
  'activities.write': ['ADMIN', 'DISTRICT_OFFICER'],
  /** time-bound programme targets: a district officer reads its own regency's; the province sets them */
  'programmeTargets.read': ['ADMIN', 'DISTRICT_OFFICER', 'LEADERSHIP'],
  'programmeTargets.manage': ['ADMIN'],
  'credit.read': ALL,
  'credit.configure': ['ADMIN'],
  'disbursements.write': ['ADMIN', 'BANK_OFFICER'],
  /** a claim's lines, its export and its verification record: the bank its own claims, the agency all */
  'claims.read': ['ADMIN', 'BANK_OFFICER'],
  'claims.submit': ['BANK_OFFICER'],
  'claims.verify': ['ADMIN'],
  'reports.read': ['ADMIN', 'DISTRICT_OFFICER', 'LEADERSHIP'],
  'reports.write': ['DISTRICT_OFFICER'],
  'reports.review': ['ADMIN'],
  /** a report's values from a spreadsheet: the district officer its own regency's drafts, the agency any regency's (lib/imports/kinds/report-values.ts) */
  'reports.import': ['ADMIN', 'DISTRICT_OFFICER'],
  /** meetings: a district officer those its regency took part in or owns actions from, a bank officer its bank's (lib/data/meetings.ts) */
  'meetings.read': ALL,
  'meetings.write': ['ADMIN'],
  /** progress notes and status on a follow-up: the owner's own regency or bank only (checked in lib/actions/meetings.ts) */
  'meetings.progress': ['ADMIN', 'DISTRICT_OFFICER', 'BANK_OFFICER'],
  'export.read': ['ADMIN', 'DISTRICT_OFFICER', 'LEADERSHIP', 'BANK_OFFICER'],
  /** spreadsheet imports: each kind also needs its register's write permission (lib/imports/kinds), rows stay in the role's scope */
  'imports.use': ['ADMIN', 'DISTRICT_OFFICER', 'BANK_OFFICER'],
  'users.manage': ['ADMIN'],
  /** the configuration screens: indicators, targets, deadlines, dashboard thresholds */
  'config.manage': ['ADMIN'],
  'audit.read': ['ADMIN'],
  /** one's own account: change password */
  'account.self': ALL,
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}

export const ROLES: readonly Role[] = ALL

/** Indonesian role names for screens. */
export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  ADMIN: { id: 'Admin Dinas Provinsi', en: 'Provincial agency admin' },
  DISTRICT_OFFICER: { id: 'Petugas Kabupaten/Kota', en: 'District officer' },
  LEADERSHIP: { id: 'Pimpinan', en: 'Leadership' },
  BANK_OFFICER: { id: 'Petugas Bank Mitra', en: 'Partner bank officer' },
}
