import { t } from '@/lib/i18n';
import { CatalogNotFound } from '../../_components/catalog-not-found';

export default function ProductNotFound() {
  return <CatalogNotFound title={t.catalog.notFound.productTitle} text={t.catalog.notFound.productText} />;
}
