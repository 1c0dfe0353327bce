'use client';

/**
 * Signs out the way next-auth's `signOut()` does (CSRF token, then POST /api/auth/signout) without
 * importing `next-auth/react`, which would add ≈ 12 kB gzip to the first load of every page that
 * shows this button, signed in or not.
 */
async function signOutTo(callbackUrl: string): Promise<void> {
  const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: 'true' }),
  });
  const { url } = (await res.json()) as { url?: string };
  window.location.href = url ?? callbackUrl;
}

/** The button itself; its label comes from the server (sign-out-button.tsx), so no message catalogue ships with it. */
export function SignOutButtonClient({ className = '', label }: { className?: string; label: string }) {
  return (
    <button type="button" onClick={() => void signOutTo('/login')} className={className}>
      {label}
    </button>
  );
}
