'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button, buttonClass } from '@/app/_components/button';
import { FormMessage, Input, Select } from '@/app/_components/field';
import { frAdminAgreements as m } from '@/lib/i18n/fr-admin-agreements';
import { AGREEMENT_STATUSES } from '@/lib/purchasing/agreement-schemas';
import { createAgreementAction, updateAgreementAction } from './actions';

export interface AgreementFormValues {
  reference: string;
  accountId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  ceiling: string;
  status: string;
}

/** The agreement header: new (company chosen here, once) or edited. */
export function AgreementForm({
  agreementId,
  companyName,
  initial,
  companies,
}: {
  agreementId?: string;
  companyName?: string;
  initial: AgreementFormValues;
  companies: { id: string; name: string }[];
}) {
  const editing = Boolean(agreementId);
  const [state, action, pending] = useActionState(editing ? updateAgreementAction : createAgreementAction, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  const text = (key: keyof AgreementFormValues) => v?.[key] ?? initial[key];
  return (
    <form action={action} noValidate aria-label={editing ? m.header : m.newTitle} className="space-y-4 rounded-lg border border-neutral-200 bg-white p-5">
      {agreementId ? <input type="hidden" name="agreementId" value={agreementId} /> : null}
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label={m.reference} name="reference" required autoComplete="off" spellCheck={false} hint={m.referenceHint} errors={fe?.reference} defaultValue={text('reference')} />
        {editing ? (
          <div>
            <p className="mb-1 block text-sm font-medium text-neutral-800">{m.company}</p>
            <p className="py-2 text-sm text-neutral-900">{companyName}</p>
          </div>
        ) : (
          <Select label={m.company} name="accountId" required errors={fe?.accountId} defaultValue={text('accountId')}>
            <option value="">{m.chooseCompany}</option>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        )}
      </div>
      <Input label={m.agreementTitle} name="title" required errors={fe?.title} defaultValue={text('title')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label={m.startsOn} name="startsOn" type="date" required errors={fe?.startsOn} defaultValue={text('startsOn')} />
        <Input label={m.endsOn} name="endsOn" type="date" required errors={fe?.endsOn} defaultValue={text('endsOn')} />
        <Input label={m.ceiling} name="ceiling" inputMode="decimal" autoComplete="off" hint={m.ceilingHint} errors={fe?.ceiling} defaultValue={text('ceiling')} />
        <Select label={m.statusLabel} name="status" errors={fe?.status} defaultValue={text('status')}>
          {AGREEMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {m.status[s]}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-wrap items-center gap-2 border-t border-neutral-100 pt-4">
        <Button type="submit" pending={pending} pendingLabel={editing ? m.saving : m.creating}>
          {editing ? m.save : m.create}
        </Button>
        <Link href="/admin/agreements" className={buttonClass('ghost')}>
          {editing ? m.backToList : m.cancel}
        </Link>
      </div>
    </form>
  );
}
