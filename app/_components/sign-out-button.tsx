'use client';

import { signOut } from 'next-auth/react';
import { t } from '@/lib/i18n';

export function SignOutButton({ className = '' }: { className?: string }) {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: '/login' })} className={className}>
      {t.nav.signOut}
    </button>
  );
}
