import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Actor } from '@/lib/auth/actor';
import { t } from '@/lib/i18n';
import { AreaNav } from './area-nav';
import { SignOutButton } from './sign-out-button';

export interface NavItem {
  href: string;
  label: string;
}

/** The dense shell shared by the B2B portal and the back office: top bar, side navigation, content. */
export function AreaShell({
  areaLabel,
  actor,
  subtitle,
  nav,
  children,
}: {
  areaLabel: string;
  actor: Actor;
  subtitle?: string | null;
  nav: NavItem[];
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-neutral-200 bg-white">
        <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-baseline gap-3">
            <Link href="/" className="text-lg font-semibold tracking-tight text-accent-700">
              {t.app.name}
            </Link>
            <span className="text-sm font-medium text-neutral-600">{areaLabel}</span>
            {subtitle ? <span className="hidden text-sm text-neutral-500 sm:inline">· {subtitle}</span> : null}
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-neutral-600">
              <span className="sr-only">{t.nav.signedInAs} </span>
              {actor.name} <span className="text-neutral-400">({t.roles[actor.role]})</span>
            </span>
            <SignOutButton className="rounded-md border border-neutral-300 px-2.5 py-1 hover:bg-neutral-100" />
          </div>
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <AreaNav items={nav} label={t.nav.mainNavigation} />
        <main id="contenu" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
