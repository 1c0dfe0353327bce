import { t } from '@/lib/i18n';
import { CatalogNotFound } from '../../_components/catalog-not-found';

export default function CategoryNotFound() {
  return <CatalogNotFound title={t.catalog.notFound.categoryTitle} text={t.catalog.notFound.categoryText} />;
}
