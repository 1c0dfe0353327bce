import { t } from '@/lib/i18n';
import { SignOutButtonClient } from './sign-out-button-client';

/**
 * "Se déconnecter". A server component that hands the label to the client button: a client module
 * importing `@/lib/i18n` would ship the whole message catalogue (≈ 24 kB gzip) with every page.
 */
export function SignOutButton({ className = '' }: { className?: string }) {
  return <SignOutButtonClient className={className} label={t.nav.signOut} />;
}
