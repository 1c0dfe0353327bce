import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { DateTime } from '@/app/_components/date-time';
import { EmptyState } from '@/app/_components/empty-state';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { userStatusTone } from '@/app/_components/status-tones';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { listStaffUsers } from '@/lib/staff/service';
import { InviteForm } from './invite-form';
import { UserRowActions } from './user-row-actions';

export const metadata: Metadata = { title: t.admin.usersTitle };

export default async function AdminUsersPage() {
  const actor = await requirePermission('staff.users.manage', '/admin/users');
  const result = await listStaffUsers(await getDb(), actor);
  if (!result.ok) forbidden();
  const rows = result.value;
  return (
    <>
      <PageHeader title={t.admin.usersTitle} intro={t.admin.usersIntro} crumbs={[{ label: t.nav.admin, href: '/admin' }, { label: t.admin.usersTitle }]} />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        {rows.length === 0 ? (
          <EmptyState title={t.admin.noUsers} />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
            <table className="min-w-full divide-y divide-neutral-200 text-sm">
              <caption className="sr-only">{t.admin.usersTitle}</caption>
              <thead className="bg-neutral-50 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className="px-3 py-2">{t.auth.lastName}</th>
                  <th scope="col" className="px-3 py-2">{t.auth.email}</th>
                  <th scope="col" className="px-3 py-2">{t.admin.role}</th>
                  <th scope="col" className="px-3 py-2">{t.admin.status}</th>
                  <th scope="col" className="px-3 py-2">{t.admin.lastLogin}</th>
                  <th scope="col" className="px-3 py-2">{t.admin.actions}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {rows.map((u) => (
                  <tr key={u.id}>
                    <td className="px-3 py-2 font-medium">
                      {u.firstName} {u.lastName}
                    </td>
                    <td className="px-3 py-2">{u.email}</td>
                    <td className="px-3 py-2">{t.roles[u.role]}</td>
                    <td className="px-3 py-2">
                      <StatusBadge label={t.userStatus[u.status]} tone={userStatusTone[u.status]} />
                    </td>
                    <td className="px-3 py-2">
                      {u.lastLoginAt ? <DateTime value={u.lastLoginAt} /> : u.hasPassword ? t.admin.never : t.admin.invitationPending}
                    </td>
                    <td className="px-3 py-2">
                      <UserRowActions
                        userId={u.id}
                        name={`${u.firstName} ${u.lastName}`}
                        role={u.role}
                        status={u.status}
                        isSelf={u.id === actor.userId}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <InviteForm />
      </div>
    </>
  );
}
