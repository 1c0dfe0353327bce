'use client';

import { Button } from '@/app/_components/button';
import { t } from '@/lib/i18n';

export function PrintButton() {
  return (
    <Button type="button" variant="secondary" className="print:hidden" onClick={() => window.print()}>
      {t.checkout.print}
    </Button>
  );
}
