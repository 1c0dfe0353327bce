'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button, buttonClass } from '@/app/_components/button';
import { Checkbox, FormMessage, Input, Select } from '@/app/_components/field';
import { COMPANY_STATUSES } from '@/lib/companies/admin-schemas';
import { frAdminCompanies as m } from '@/lib/i18n/fr-admin-companies';
import { createCompanyAction, updateCompanyAction } from './actions';

/** The company form's values as text, the way the inputs hold them. */
export interface CompanyFormValues {
  legalName: string;
  tradeName: string;
  siren: string;
  siret: string;
  vatNumber: string;
  country: string;
  status: string;
  paymentTermDays: string;
  paymentEndOfMonth: boolean;
  creditLimit: string;
  fiscalYearEndMonth: string;
  ownerUserId: string;
  allowOffContract: boolean;
  approvalThreshold: string;
  approvalExpiryDays: string;
  usesCostCentres: boolean;
}

type TextKey = Exclude<keyof CompanyFormValues, 'paymentEndOfMonth' | 'allowOffContract' | 'usesCostCentres'>;
type BoolKey = 'paymentEndOfMonth' | 'allowOffContract' | 'usesCostCentres';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 border-t border-neutral-100 pt-4 first:border-t-0 first:pt-0">
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-neutral-500">{title}</legend>
      {children}
    </fieldset>
  );
}

/** Creates a prospect or edits a company; errors appear beside each field. */
export function CompanyForm({
  accountId,
  initial,
  owners,
}: {
  accountId?: string;
  initial: CompanyFormValues;
  owners: { id: string; name: string }[];
}) {
  const editing = Boolean(accountId);
  const [state, action, pending] = useActionState(editing ? updateCompanyAction : createCompanyAction, null);
  const fe = state?.fieldErrors;
  const v = state?.values;
  const text = (key: TextKey) => v?.[key] ?? initial[key];
  const checked = (key: BoolKey) => (v ? v[key] === 'on' : initial[key]);
  return (
    <form action={action} noValidate aria-label={editing ? m.save : m.newTitle} className="space-y-5 rounded-lg border border-neutral-200 bg-white p-5">
      {accountId ? <input type="hidden" name="accountId" value={accountId} /> : null}
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />

      <Section title={m.sectionIdentity}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Input label={m.legalName} name="legalName" required errors={fe?.legalName} defaultValue={text('legalName')} />
          <Input label={m.tradeName} name="tradeName" errors={fe?.tradeName} defaultValue={text('tradeName')} />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <Input label={m.siren} name="siren" inputMode="numeric" autoComplete="off" hint={m.sirenHint} errors={fe?.siren} defaultValue={text('siren')} />
          <Input label={m.siret} name="siret" inputMode="numeric" autoComplete="off" hint={m.siretHint} errors={fe?.siret} defaultValue={text('siret')} />
          <Input label={m.vatNumber} name="vatNumber" autoComplete="off" spellCheck={false} hint={m.vatNumberHint} errors={fe?.vatNumber} defaultValue={text('vatNumber')} />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <Input label={m.country} name="country" required maxLength={2} autoComplete="off" hint={m.countryHint} errors={fe?.country} defaultValue={text('country')} />
          {editing ? (
            <Select label={m.statusLabel} name="status" errors={fe?.status} defaultValue={text('status')}>
              {COMPANY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {m.status[s]}
                </option>
              ))}
            </Select>
          ) : null}
          <Select label={m.owner} name="ownerUserId" errors={fe?.ownerUserId} defaultValue={text('ownerUserId')}>
            <option value="">{m.noOwner}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </div>
      </Section>

      <Section title={m.sectionTerms}>
        <div className="grid gap-4 sm:grid-cols-3">
          <Input label={m.paymentTermDays} name="paymentTermDays" inputMode="numeric" required errors={fe?.paymentTermDays} defaultValue={text('paymentTermDays')} />
          <Input label={m.creditLimit} name="creditLimit" inputMode="decimal" autoComplete="off" hint={m.creditLimitHint} errors={fe?.creditLimit} defaultValue={text('creditLimit')} />
          <Select label={m.fiscalYearEndMonth} name="fiscalYearEndMonth" errors={fe?.fiscalYearEndMonth} defaultValue={text('fiscalYearEndMonth')}>
            {m.months.map((label, i) => (
              <option key={label} value={String(i + 1)}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <Checkbox label={m.paymentEndOfMonth} name="paymentEndOfMonth" hint={m.paymentEndOfMonthHint} errors={fe?.paymentEndOfMonth} defaultChecked={checked('paymentEndOfMonth')} />
      </Section>

      <Section title={m.sectionPurchasing}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            label={m.approvalThreshold}
            name="approvalThreshold"
            inputMode="decimal"
            autoComplete="off"
            hint={m.approvalThresholdHint}
            errors={fe?.approvalThreshold}
            defaultValue={text('approvalThreshold')}
          />
          <Input
            label={m.approvalExpiryDays}
            name="approvalExpiryDays"
            inputMode="numeric"
            required
            hint={m.approvalExpiryDaysHint}
            errors={fe?.approvalExpiryDays}
            defaultValue={text('approvalExpiryDays')}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Checkbox label={m.allowOffContract} name="allowOffContract" hint={m.allowOffContractHint} errors={fe?.allowOffContract} defaultChecked={checked('allowOffContract')} />
          <Checkbox label={m.usesCostCentres} name="usesCostCentres" hint={m.usesCostCentresHint} errors={fe?.usesCostCentres} defaultChecked={checked('usesCostCentres')} />
        </div>
      </Section>

      <div className="flex flex-wrap items-center gap-2 border-t border-neutral-100 pt-4">
        <Button type="submit" pending={pending} pendingLabel={editing ? m.saving : m.creating}>
          {editing ? m.save : m.create}
        </Button>
        <Link href="/admin/companies" className={buttonClass('ghost')}>
          {editing ? m.backToList : m.cancel}
        </Link>
      </div>
    </form>
  );
}
