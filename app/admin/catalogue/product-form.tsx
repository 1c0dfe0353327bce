'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button, buttonClass } from '@/app/_components/button';
import { Checkbox, FormMessage, Input, Select, Textarea } from '@/app/_components/field';
import { VAT_RATES_BP } from '@/lib/catalog/admin-schemas';
import { t } from '@/lib/i18n';
import { formatRateBp } from '@/lib/money';
import { createProductAction, updateProductAction } from './actions';
import type { ProductFormValues } from './product-values';

const m = t.adminCatalog;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 border-t border-neutral-100 pt-4 first:border-t-0 first:pt-0">
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-neutral-500">{title}</legend>
      {children}
    </fieldset>
  );
}

/** Creates a product (with its initial stock) or edits one; errors appear beside each field. */
export function ProductForm({
  productId,
  initial,
  categories,
}: {
  /** Absent when creating. */
  productId?: string;
  initial: ProductFormValues;
  categories: { id: string; name: string }[];
}) {
  const editing = Boolean(productId);
  const [state, action, pending] = useActionState(editing ? updateProductAction : createProductAction, null);
  const fe = state?.fieldErrors;
  const v = state?.values;
  const text = (key: Exclude<keyof ProductFormValues, 'isActive' | 'isFeatured'>) => v?.[key] ?? initial[key];
  const checked = (key: 'isActive' | 'isFeatured') => (v ? v[key] === 'on' : initial[key]);
  return (
    <form action={action} noValidate aria-labelledby="product-form-title" className="space-y-5 rounded-lg border border-neutral-200 bg-white p-5">
      <h2 id="product-form-title" className="sr-only">
        {editing ? m.edit : m.newTitle}
      </h2>
      {productId ? <input type="hidden" name="productId" value={productId} /> : null}
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />

      <Section title={m.sectionIdentity}>
        <div className="grid gap-4 sm:grid-cols-[minmax(0,14rem)_1fr]">
          <Input label={m.sku} name="sku" required autoComplete="off" spellCheck={false} autoCapitalize="characters" hint={m.skuHint} errors={fe?.sku} defaultValue={text('sku')} />
          <Input label={m.name} name="name" required errors={fe?.name} defaultValue={text('name')} />
        </div>
        <div className="grid gap-4 sm:grid-cols-[1fr_minmax(0,14rem)]">
          <Input label={m.slug} name="slug" autoComplete="off" spellCheck={false} hint={m.slugHint} errors={fe?.slug} defaultValue={text('slug')} />
          <Input label={m.unit} name="unit" hint={m.unitHint} errors={fe?.unit} defaultValue={text('unit')} />
        </div>
        <Select label={m.category} name="categoryId" errors={fe?.categoryId} defaultValue={text('categoryId')}>
          <option value="">{m.noCategory}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Textarea label={m.description} name="description" rows={4} errors={fe?.description} defaultValue={text('description')} />
      </Section>

      <Section title={m.sectionPricing}>
        <div className="grid gap-4 sm:grid-cols-3">
          <Select label={m.vatRate} name="vatRateBp" errors={fe?.vatRateBp} defaultValue={text('vatRateBp')}>
            {VAT_RATES_BP.map((r) => (
              <option key={r} value={String(r)}>
                {formatRateBp(r)}
              </option>
            ))}
          </Select>
          <Input
            label={m.b2cPrice}
            name="b2cPriceTtc"
            inputMode="decimal"
            autoComplete="off"
            required
            hint={m.b2cPriceHint}
            errors={fe?.b2cPriceTtc}
            defaultValue={text('b2cPriceTtc')}
          />
          <Input
            label={m.b2bPrice}
            name="b2bListPriceHt"
            inputMode="decimal"
            autoComplete="off"
            required
            hint={m.b2bPriceHint}
            errors={fe?.b2bListPriceHt}
            defaultValue={text('b2bListPriceHt')}
          />
        </div>
      </Section>

      <Section title={m.sectionVisibility}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Checkbox label={m.isActive} name="isActive" hint={m.isActiveHint} errors={fe?.isActive} defaultChecked={checked('isActive')} />
          <Checkbox label={m.isFeatured} name="isFeatured" hint={m.isFeaturedHint} errors={fe?.isFeatured} defaultChecked={checked('isFeatured')} />
        </div>
        {editing ? null : (
          <div className="sm:max-w-xs">
            <Input
              label={m.initialStock}
              name="initialStock"
              inputMode="numeric"
              autoComplete="off"
              hint={m.initialStockHint}
              errors={fe?.initialStock}
              defaultValue={v?.initialStock ?? '0'}
            />
          </div>
        )}
      </Section>

      <div className="flex flex-wrap items-center gap-2 border-t border-neutral-100 pt-4">
        <Button type="submit" pending={pending} pendingLabel={editing ? m.saving : m.creating}>
          {editing ? m.save : m.create}
        </Button>
        <Link href="/admin/catalogue" className={buttonClass('ghost')}>
          {editing ? m.backToList : m.cancel}
        </Link>
      </div>
    </form>
  );
}
