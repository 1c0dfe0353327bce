'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavItem } from './area-shell';

/** The side navigation; the current section is marked with aria-current and an accent. */
export function AreaNav({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  // The longest matching prefix wins, so /crm/accounts/x highlights "Comptes", not "À faire".
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="border-b border-neutral-200 bg-white md:w-56 md:shrink-0 md:border-b-0 md:border-r">
      <ul className="flex gap-1 overflow-x-auto p-2 md:flex-col">
        {items.map((item) => {
          const active = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm ${
                  active ? 'bg-accent-50 font-medium text-accent-800' : 'text-neutral-700 hover:bg-neutral-100'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
