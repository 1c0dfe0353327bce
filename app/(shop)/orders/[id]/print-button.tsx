'use client';

import { Button } from '@/app/_components/button';

/**
 * Prints the receipt. Its text comes from the order page (a server component): this client module
 * imports nothing from `@/lib/i18n`, which would ship the whole message catalogue to the browser.
 */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
