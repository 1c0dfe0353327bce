import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { CrmForm } from '@/app/crm/accounts/crm-form';
import { formatMonth } from '@/app/crm/accounts/format';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { userStatusTone } from '@/app/_components/status-tones';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { getPerson } from '@/lib/crm/people-service';
import { frCrm as m } from '@/lib/i18n/fr-crm';
import { parisDate } from '@/lib/purchasing/periods';
import { changeJobAction, recordLeftAction, updateContactAction, updateProfileAction } from '../actions';

export const metadata: Metadata = { title: m.people };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const profileOptions = [{ value: '', label: m.noProfile }, ...(['user', 'buyer', 'both'] as const).map((p) => ({ value: p, label: m.purchaseProfile[p] }))];

export default async function CrmPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission('crm.use', `/crm/people/${id}`);
  if (!UUID.test(id)) notFound();
  const result = await getPerson(await getDb(), actor, id);
  if (!result.ok) {
    if (result.error === m.errors.personNotFound) notFound();
    forbidden();
  }
  const p = result.value;
  const name = `${p.firstName} ${p.lastName}`;
  const today = parisDate();
  const current = p.positions.filter((pos) => pos.endedOn === null);
  const firstAccount = p.positions[0];
  return (
    <>
      <PageHeader
        title={name}
        crumbs={[
          { label: m.crm, href: '/crm' },
          { label: m.accounts, href: '/crm/accounts' },
          ...(firstAccount ? [{ label: firstAccount.accountName, href: `/crm/accounts/${firstAccount.accountId}` }] : []),
          { label: name },
        ]}
        actions={
          actor.role === 'admin' ? (
            <Link href={`/crm/people/${id}/privacy`} className="text-sm font-medium text-accent-700 hover:underline">
              {m.privacyLink}
            </Link>
          ) : undefined
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <section aria-labelledby="contact" className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 id="contact" className="mb-3 text-base font-semibold">
            {m.contactData}
          </h2>
          <p className="mb-3 text-sm">
            <span className="text-neutral-500">{m.login} : </span>
            {p.login ? (
              <>
                {p.login.email}{' '}
                <StatusBadge label={p.login.status === 'active' ? m.loginActive : m.loginDeactivated} tone={userStatusTone[p.login.status]} />
              </>
            ) : (
              m.noLogin
            )}
          </p>
          <CrmForm
            action={updateContactAction}
            idPrefix="contact"
            compact
            submitLabel={m.save}
            pendingLabel={m.saving}
            fields={[
              { name: 'personId', kind: 'hidden', value: p.id },
              { name: 'firstName', kind: 'text', label: m.firstName, required: true, defaultValue: p.firstName },
              { name: 'lastName', kind: 'text', label: m.lastName, required: true, defaultValue: p.lastName },
              { name: 'emails', kind: 'textarea', label: m.emails, hint: m.emailsHint, defaultValue: p.emails.join('\n') },
              { name: 'phones', kind: 'textarea', label: m.phones, hint: m.phonesHint, defaultValue: p.phones.join('\n') },
            ]}
          />
        </section>

        <div className="space-y-4 lg:col-span-2">
          <section aria-labelledby="positions" className="rounded-lg border border-neutral-200 bg-white p-4">
            <h2 id="positions" className="mb-3 text-base font-semibold">
              {m.positions}
            </h2>
            {p.positions.length === 0 ? (
              <p className="text-sm text-neutral-600">{m.noPositions}</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {p.positions.map((pos) => (
                  <li key={pos.id} className="flex flex-wrap items-baseline gap-2">
                    <StatusBadge label={pos.endedOn === null || pos.endedOn >= today ? m.current : m.ended} tone={pos.endedOn === null ? 'success' : 'neutral'} />
                    <span>
                      {pos.title ?? m.noTitle}
                      {pos.department ? ` (${pos.department})` : ''} chez{' '}
                      <Link className="text-accent-700 hover:underline" href={`/crm/accounts/${pos.accountId}`}>
                        {pos.accountName}
                      </Link>
                      , {formatMonth(pos.startedOn)} – {pos.endedOn ? m.until(formatMonth(pos.endedOn)) : 'aujourd’hui'}
                    </span>
                    {pos.purchaseProfile ? (
                      <span className="text-neutral-500">
                        · {m.purchaseProfile[pos.purchaseProfile]}, {m.decisionWeight.toLowerCase()} {pos.decisionWeight ?? 0}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>

          {current.map((pos) => (
            <section key={pos.id} aria-labelledby={`pos-${pos.id}`} className="rounded-lg border border-neutral-200 bg-white p-4">
              <h2 id={`pos-${pos.id}`} className="mb-3 text-base font-semibold">
                {pos.title ?? m.noTitle} — {pos.accountName}
              </h2>
              <div className="grid gap-4 md:grid-cols-3">
                <CrmForm
                  action={updateProfileAction}
                  idPrefix={`profile-${pos.id}`}
                  title={m.profileTitle}
                  stacked
                  submitLabel={m.save}
                  pendingLabel={m.saving}
                  variant="secondary"
                  fields={[
                    { name: 'positionId', kind: 'hidden', value: pos.id },
                    { name: 'purchaseProfile', kind: 'select', label: m.purchaseProfileLabel, defaultValue: pos.purchaseProfile ?? '', options: profileOptions },
                    { name: 'decisionWeight', kind: 'number', label: m.decisionWeight, hint: m.decisionWeightHint, inputMode: 'numeric', defaultValue: pos.decisionWeight === null ? '' : String(pos.decisionWeight) },
                  ]}
                />
                <CrmForm
                  action={changeJobAction}
                  idPrefix={`job-${pos.id}`}
                  title={m.jobChange}
                  stacked
                  submitLabel={m.jobChangeSubmit}
                  pendingLabel={m.saving}
                  variant="secondary"
                  fields={[
                    { name: 'positionId', kind: 'hidden', value: pos.id },
                    { name: 'endedOn', kind: 'date', label: m.endDate, required: true, defaultValue: today, hint: m.jobChangeHint },
                    { name: 'title', kind: 'text', label: m.newTitle, required: true },
                    { name: 'department', kind: 'text', label: m.newDepartment, defaultValue: pos.department ?? '' },
                    { name: 'purchaseProfile', kind: 'select', label: m.purchaseProfileLabel, defaultValue: pos.purchaseProfile ?? '', options: profileOptions },
                    { name: 'decisionWeight', kind: 'number', label: m.decisionWeight, inputMode: 'numeric', defaultValue: pos.decisionWeight === null ? '' : String(pos.decisionWeight) },
                  ]}
                />
                <CrmForm
                  action={recordLeftAction}
                  idPrefix={`left-${pos.id}`}
                  title={m.left}
                  stacked
                  submitLabel={m.leftSubmit}
                  pendingLabel={m.saving}
                  variant="danger"
                  fields={[
                    { name: 'positionId', kind: 'hidden', value: pos.id },
                    { name: 'endedOn', kind: 'date', label: m.endDate, required: true, defaultValue: today, hint: m.leftHint },
                  ]}
                />
              </div>
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
