import { StatusBadge } from '@/app/_components/status-badge';
import { LOW_STOCK_THRESHOLD } from '@/lib/catalog/admin-schemas';
import { t } from '@/lib/i18n';

/** "Rupture" at 0, "Stock bas" at or below LOW_STOCK_THRESHOLD, nothing otherwise. */
export function StockFlag({ stock }: { stock: number }) {
  if (stock <= 0) return <StatusBadge label={t.adminCatalog.outOfStock} tone="danger" />;
  if (stock <= LOW_STOCK_THRESHOLD) return <StatusBadge label={t.adminCatalog.lowStock} tone="warning" />;
  return null;
}

/** A stock quantity with its flag, for tables. */
export function StockLevel({ stock }: { stock: number }) {
  return (
    <span className="inline-flex items-center justify-end gap-2 whitespace-nowrap">
      <StockFlag stock={stock} />
      <span className="tabular">{stock.toLocaleString('fr-FR')}</span>
    </span>
  );
}
