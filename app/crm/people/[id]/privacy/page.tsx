import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { buttonClass } from '@/app/_components/button';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { getPersonForPrivacy, PERSON_NOT_FOUND } from '@/lib/crm/personal-data-service';
import { frCrmValue as m } from '@/lib/i18n/fr-crm-value';
import { EraseForm } from './erase-form';

export const metadata: Metadata = { title: m.privacy.title };

/** Export and erasure of a person's data: staff admin only (a sales rep gets a 403). */
export default async function PersonPrivacyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAudience('backoffice', `/crm/people/${id}/privacy`);
  if (actor.role !== 'admin') forbidden();
  const result = await getPersonForPrivacy(await getDb(), actor, id);
  if (!result.ok) {
    if (result.error === PERSON_NOT_FOUND) notFound();
    forbidden();
  }
  const person = result.value;
  return (
    <>
      <PageHeader
        title={`${m.privacy.title} — ${person.name}`}
        intro={m.privacy.intro}
        crumbs={[{ label: m.privacy.crumbCrm, href: '/crm' }, { label: person.name, href: `/crm/people/${id}` }, { label: m.privacy.title }]}
      />
      <div className="grid max-w-3xl gap-6">
        <section aria-labelledby="export-title" className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 id="export-title" className="text-base font-semibold text-neutral-900">
            {m.privacy.exportTitle}
          </h2>
          <p className="mt-1 text-sm text-neutral-600">{m.privacy.exportText}</p>
          <a href={`/api/crm/people/${id}/export`} download className={`${buttonClass('secondary')} mt-3`}>
            {m.privacy.exportLink}
          </a>
        </section>
        <section aria-labelledby="erase-title" className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 id="erase-title" className="text-base font-semibold text-neutral-900">
            {m.privacy.eraseTitle}
          </h2>
          <p className="mt-1 text-sm text-neutral-600">{person.hasLogin ? m.privacy.hasLogin : m.privacy.noLogin}</p>
          <div className="mt-3">{person.erased ? <p className="text-sm font-medium text-neutral-800">{m.privacy.alreadyErased}</p> : <EraseForm personId={id} name={person.name} />}</div>
        </section>
      </div>
    </>
  );
}
