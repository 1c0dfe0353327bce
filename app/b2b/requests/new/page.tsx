import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { requireAudience } from '@/lib/auth/session';
import { frQuotesPortal as m } from '@/lib/i18n/fr-quotes-portal';
import { parisDate } from '@/lib/purchasing/periods';
import { RequestForm } from './request-form';

export const metadata: Metadata = { title: m.form.title };

export default async function NewQuoteRequestPage() {
  await requireAudience('b2b', '/b2b/requests/new');
  return (
    <>
      <PageHeader title={m.form.title} intro={m.form.intro} crumbs={[{ label: m.requests.title, href: '/b2b/requests' }, { label: m.form.title }]} />
      <RequestForm minDate={parisDate()} />
    </>
  );
}
