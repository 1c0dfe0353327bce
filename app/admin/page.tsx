import type { Metadata } from 'next';
import Link from 'next/link';
import { backofficeNav } from '@/app/_components/backoffice-nav';
import { PageHeader } from '@/app/_components/page-header';
import { requireAudience } from '@/lib/auth/session';
import { t } from '@/lib/i18n';

export const metadata: Metadata = { title: t.admin.homeTitle };

export default async function AdminHome() {
  const actor = await requireAudience('backoffice', '/admin');
  const links = backofficeNav(actor).filter((i) => i.href.startsWith('/admin/'));
  return (
    <>
      <PageHeader title={t.admin.homeTitle} intro={t.admin.homeIntro} />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="block rounded-lg border border-neutral-200 bg-white p-4 font-medium hover:border-accent-600">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
