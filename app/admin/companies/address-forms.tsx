'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { Checkbox, FormMessage, Input, Select } from '@/app/_components/field';
import { StatusBadge } from '@/app/_components/status-badge';
import type { CompanyAddress } from '@/lib/companies/admin-service';
import { frAdminCompanies as m } from '@/lib/i18n/fr-admin-companies';
import { deleteAddressAction, saveAddressAction } from './actions';

/** Adds an address (no `address`) or edits one; ids are prefixed so several forms share the page. */
function AddressForm({ accountId, address, idPrefix }: { accountId: string; address?: CompanyAddress; idPrefix: string }) {
  const [state, action, pending] = useActionState(saveAddressAction, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  const text = (key: 'label' | 'recipient' | 'line1' | 'line2' | 'postalCode' | 'city' | 'country' | 'kind') =>
    v?.[key] ?? (address ? (address[key] ?? '') : key === 'country' ? 'FR' : key === 'kind' ? 'delivery' : '');
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form action={action} noValidate className="space-y-3 pt-3">
      <input type="hidden" name="accountId" value={accountId} />
      {address ? <input type="hidden" name="addressId" value={address.id} /> : null}
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Select id={id('kind')} label={m.kind} name="kind" errors={fe?.kind} defaultValue={text('kind')}>
          <option value="billing">{m.addressKind.billing}</option>
          <option value="delivery">{m.addressKind.delivery}</option>
        </Select>
        <Input id={id('label')} label={m.label} name="label" errors={fe?.label} defaultValue={text('label')} />
        <Input id={id('recipient')} label={m.recipient} name="recipient" errors={fe?.recipient} defaultValue={text('recipient')} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Input id={id('line1')} label={m.line1} name="line1" required errors={fe?.line1} defaultValue={text('line1')} />
        <Input id={id('line2')} label={m.line2} name="line2" errors={fe?.line2} defaultValue={text('line2')} />
      </div>
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr_6rem]">
        <Input id={id('postalCode')} label={m.postalCode} name="postalCode" required errors={fe?.postalCode} defaultValue={text('postalCode')} />
        <Input id={id('city')} label={m.city} name="city" required errors={fe?.city} defaultValue={text('city')} />
        <Input id={id('country')} label={m.country} name="country" required maxLength={2} errors={fe?.country} defaultValue={text('country')} />
      </div>
      <Checkbox id={id('isDefault')} label={m.isDefault} name="isDefault" defaultChecked={v ? v.isDefault === 'on' : (address?.isDefault ?? false)} />
      <Button type="submit" size="sm" pending={pending} pendingLabel={m.saving}>
        {address ? m.saveAddress : m.addAddress}
      </Button>
    </form>
  );
}

function DeleteAddress({ accountId, address, label }: { accountId: string; address: CompanyAddress; label: string }) {
  const [state, action, pending] = useActionState(deleteAddressAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(m.confirmDelete)) event.preventDefault();
      }}
    >
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="addressId" value={address.id} />
      <Button type="submit" variant="danger" size="sm" pending={pending} aria-label={m.deleteAddressLabel(label)}>
        {m.deleteAddress}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

/** The company's addresses, each editable in place, and a form to add one. */
export function AddressEditor({ accountId, addresses }: { accountId: string; addresses: CompanyAddress[] }) {
  return (
    <div className="space-y-3">
      {addresses.length === 0 ? <p className="text-sm text-neutral-600">{m.noAddresses}</p> : null}
      <ul className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white">
        {addresses.map((a) => {
          const label = a.label ?? `${m.addressKind[a.kind]} — ${a.city}`;
          return (
            <li key={a.id} className="px-4 py-3">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0 text-sm">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-neutral-900">
                    <span>{m.addressKind[a.kind]}</span>
                    {a.label ? <span className="text-neutral-600">· {a.label}</span> : null}
                    {a.isDefault ? <StatusBadge label={m.defaultBadge} tone="info" /> : null}
                  </p>
                  <p className="text-neutral-700">
                    {[a.recipient, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ')}
                  </p>
                </div>
                <div className="shrink-0">
                  <DeleteAddress accountId={accountId} address={a} label={label} />
                </div>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-accent-700 hover:underline" aria-label={m.editAddressLabel(label)}>
                  {m.editAddress}
                </summary>
                <AddressForm accountId={accountId} address={a} idPrefix={`addr-${a.id}`} />
              </details>
            </li>
          );
        })}
      </ul>
      <details className="rounded-lg border border-neutral-200 bg-white px-4 py-3">
        <summary className="cursor-pointer text-sm font-medium text-accent-700">{m.addAddress}</summary>
        <AddressForm accountId={accountId} idPrefix="addr-new" />
      </details>
    </div>
  );
}
