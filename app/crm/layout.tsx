import type { ReactNode } from 'react';
import { AreaShell } from '@/app/_components/area-shell';
import { backofficeNav } from '@/app/_components/backoffice-nav';
import { requireAudience } from '@/lib/auth/session';
import { t } from '@/lib/i18n';

export default async function CrmLayout({ children }: { children: ReactNode }) {
  const actor = await requireAudience('backoffice', '/crm');
  return (
    <AreaShell areaLabel={t.nav.crm} actor={actor} nav={backofficeNav(actor)}>
      {children}
    </AreaShell>
  );
}
