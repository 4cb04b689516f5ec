'use client'

import { Field } from '@/components/ui/field'

type Option = { value: string; label: string }

/**
 * The role and what binds it: a district officer's regency, a bank officer's bank (the fields appear with
 * the role). One block for a user account and an API client, which carry the same scope.
 */
export function RoleScopeFields({
  role, onRole, roles, regencies, banks, values, errors, labels,
}: {
  role: string
  onRole: (role: string) => void
  roles: Option[]
  regencies: Option[]
  banks: Option[]
  values: { regencyCode?: string; bankId?: string }
  errors?: Record<string, string[] | undefined>
  labels: { role: string; chooseRole: string; regency: string; chooseRegency: string; regencyHint?: string; bank: string; chooseBank: string; bankHint?: string }
}) {
  return (
    <>
      <Field label={labels.role} name="role" errors={errors?.role} required>
        {(p) => (
          <select {...p} value={role} onChange={(e) => onRole(e.target.value)}>
            <option value="">{labels.chooseRole}</option>
            {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          </select>
        )}
      </Field>
      {role === 'DISTRICT_OFFICER' && (
        <Field label={labels.regency} name="regencyCode" errors={errors?.regencyCode} hint={labels.regencyHint} required>
          {(p) => (
            <select {...p} defaultValue={values.regencyCode}>
              <option value="">{labels.chooseRegency}</option>
              {regencies.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
            </select>
          )}
        </Field>
      )}
      {role === 'BANK_OFFICER' && (
        <Field label={labels.bank} name="bankId" errors={errors?.bankId} hint={labels.bankHint} required>
          {(p) => (
            <select {...p} defaultValue={values.bankId}>
              <option value="">{labels.chooseBank}</option>
              {banks.map((b) => <option key={b.value} value={b.value}>{b.label}</option>)}
            </select>
          )}
        </Field>
      )}
    </>
  )
}
