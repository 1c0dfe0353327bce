'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { t } from '@/lib/i18n';
import { changeStaffRoleAction, setUserStatusAction } from './actions';

/** Role change and (de)activation for one staff user; errors are shown in the row. */
export function UserRowActions({
  userId,
  name,
  role,
  status,
  isSelf,
}: {
  userId: string;
  name: string;
  role: 'sales' | 'admin';
  status: 'active' | 'deactivated';
  isSelf: boolean;
}) {
  const [roleState, roleAction, rolePending] = useActionState(changeStaffRoleAction, null);
  const [statusState, statusAction, statusPending] = useActionState(setUserStatusAction, null);
  if (isSelf) return <span className="text-xs text-neutral-500">—</span>;
  const error = (!roleState?.ok && roleState?.error) || (!statusState?.ok && statusState?.error) || undefined;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={roleAction} className="flex items-center gap-1">
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`role-${userId}`}>
          {t.admin.changeRole} — {name}
        </label>
        <select id={`role-${userId}`} name="role" defaultValue={role} className="rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm">
          <option value="sales">{t.roles.sales}</option>
          <option value="admin">{t.roles.admin}</option>
        </select>
        <Button type="submit" variant="secondary" size="sm" pending={rolePending} aria-label={`${t.admin.apply} — ${name}`}>
          {t.admin.apply}
        </Button>
      </form>
      <form action={statusAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="status" value={status === 'active' ? 'deactivated' : 'active'} />
        <Button
          type="submit"
          size="sm"
          variant={status === 'active' ? 'danger' : 'secondary'}
          pending={statusPending}
          aria-label={`${status === 'active' ? t.admin.deactivate : t.admin.reactivate} — ${name}`}
        >
          {status === 'active' ? t.admin.deactivate : t.admin.reactivate}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="w-full text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
