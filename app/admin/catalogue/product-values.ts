import { centsToInput } from '@/lib/catalog/admin-schemas';
import type { AdminProductDetail } from '@/lib/catalog/admin-service';

/** The product's editable fields as the form shows them (prices already as French text). */
export interface ProductFormValues {
  sku: string;
  name: string;
  slug: string;
  description: string;
  unit: string;
  categoryId: string;
  vatRateBp: string;
  b2cPriceTtc: string;
  b2bListPriceHt: string;
  isActive: boolean;
  isFeatured: boolean;
}

/** A new product: active, 20 % VAT, sold by the piece. */
export const emptyProduct: ProductFormValues = {
  sku: '',
  name: '',
  slug: '',
  description: '',
  unit: 'pièce',
  categoryId: '',
  vatRateBp: '2000',
  b2cPriceTtc: '',
  b2bListPriceHt: '',
  isActive: true,
  isFeatured: false,
};

/** A stored product as the edit form shows it. */
export function toFormValues(p: AdminProductDetail): ProductFormValues {
  return {
    sku: p.sku,
    name: p.name,
    slug: p.slug,
    description: p.description,
    unit: p.unit,
    categoryId: p.categoryId ?? '',
    vatRateBp: String(p.vatRateBp),
    b2cPriceTtc: centsToInput(p.b2cPriceTtcCents),
    b2bListPriceHt: centsToInput(p.b2bListPriceHtCents),
    isActive: p.isActive,
    isFeatured: p.isFeatured,
  };
}
