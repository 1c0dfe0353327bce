import type { ReactNode } from 'react';
import { AreaShell } from '@/app/_components/area-shell';
import { requireAudience } from '@/lib/auth/session';
import { t } from '@/lib/i18n';

// Every page of the area checks the actor again: a layout is not re-rendered on client navigation.
export default async function B2bLayout({ children }: { children: ReactNode }) {
  const actor = await requireAudience('b2b', '/b2b');
  return (
    <AreaShell areaLabel={t.nav.portal} actor={actor} subtitle={actor.accountName} nav={[{ href: '/b2b', label: t.nav.b2bHome }]}>
      {children}
    </AreaShell>
  );
}
