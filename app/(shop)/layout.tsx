import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/app/_components/sign-out-button';
import { getActor } from '@/lib/auth/session';
import { homePathOf } from '@/lib/auth/roles';
import { t } from '@/lib/i18n';
import { currentCartCount } from '@/lib/shop/current-cart';
import { CartLink } from './_components/cart-link';
import { HeaderSearch } from './_components/header-search';

export default async function ShopLayout({ children }: { children: ReactNode }) {
  const [actor, cartCount] = await Promise.all([getActor(), currentCartCount()]);
  const searchClass = 'order-last w-full md:order-none md:w-auto md:max-w-md md:flex-1';
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-amber-100 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 md:py-4">
          <Link href="/" className="text-xl font-semibold tracking-tight text-accent-700">
            {t.app.name}
          </Link>
          <HeaderSearch className={searchClass} />
          <nav aria-label={t.nav.mainNavigation} className="ml-auto flex flex-wrap items-center justify-end gap-x-4 gap-y-2 text-sm">
            <Link href="/" className="hidden hover:underline lg:inline">
              {t.nav.home}
            </Link>
            {actor ? (
              <>
                <Link href={homePathOf(actor.role)} className="hover:underline">
                  {actor.role === 'customer' ? t.nav.account : actor.role === 'sales' || actor.role === 'admin' ? t.nav.backoffice : t.nav.portal}
                </Link>
                <SignOutButton className="text-neutral-600 hover:underline" />
              </>
            ) : (
              <>
                <Link href="/login" className="hover:underline">
                  {t.nav.signIn}
                </Link>
                <Link
                  href="/register"
                  className="hidden rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700 sm:inline-block"
                >
                  {t.nav.register}
                </Link>
              </>
            )}
            <CartLink count={cartCount} />
          </nav>
        </div>
      </header>
      <main id="contenu" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
      <footer className="border-t border-neutral-200 bg-white py-6 text-center text-xs text-neutral-500">
        {t.app.name} — {t.app.tagline}
      </footer>
    </div>
  );
}
