'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Textarea } from '@/app/_components/field';
import { t } from '@/lib/i18n';
import { createCategoryAction, deleteCategoryAction, updateCategoryAction } from '../actions';

const m = t.adminCatalog;

export interface CategoryRowData {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  sortOrder: number;
  productCount: number;
  childCount: number;
}

/** The new-category form, beside the list. */
export function CreateCategoryForm() {
  const [state, action, pending] = useActionState(createCategoryAction, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  return (
    <form action={action} noValidate aria-labelledby="new-category-title" className="space-y-4 rounded-lg border border-neutral-200 bg-white p-5">
      <h2 id="new-category-title" className="font-semibold">
        {m.newCategory}
      </h2>
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <Input label={m.categoryName} name="name" id="new-cat-name" required errors={fe?.name} defaultValue={v?.name ?? ''} />
      <Input label={m.categorySlug} name="slug" id="new-cat-slug" autoComplete="off" hint={m.categorySlugHint} errors={fe?.slug} defaultValue={v?.slug ?? ''} />
      <Textarea label={m.categoryDescription} name="description" id="new-cat-description" rows={2} errors={fe?.description} defaultValue={v?.description ?? ''} />
      <Input
        label={m.sortOrder}
        name="sortOrder"
        id="new-cat-sort"
        inputMode="numeric"
        hint={m.sortOrderHint}
        errors={fe?.sortOrder}
        defaultValue={v?.sortOrder ?? '0'}
      />
      <Button type="submit" pending={pending} pendingLabel={m.creatingCategory}>
        {m.createCategory}
      </Button>
    </form>
  );
}

/** One category: its figures, an edit panel that opens below it, and deletion when nothing uses it. */
export function CategoryRow({ category: c }: { category: CategoryRowData }) {
  const [editing, setEditing] = useState(false);
  const [state, action, pending] = useActionState(updateCategoryAction, null);
  const [delState, delAction, delPending] = useActionState(deleteCategoryAction, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  const id = `cat-${c.id}`;
  return (
    <>
      <tr className="align-top">
        <td className="tabular hidden px-3 py-2 text-right text-neutral-600 sm:table-cell">{c.sortOrder}</td>
        <td className="px-3 py-2">
          <p className="font-medium text-neutral-900">{c.name}</p>
          {c.description ? <p className="text-xs text-neutral-500">{c.description}</p> : null}
        </td>
        <td className="hidden px-3 py-2 font-mono text-xs text-neutral-600 md:table-cell">{c.slug}</td>
        <td className="whitespace-nowrap px-3 py-2 text-right">
          {c.productCount > 0 ? (
            <Link href={`/admin/catalogue?category=${c.id}`} className="text-accent-700 hover:underline">
              {m.productsOf(c.productCount)}
            </Link>
          ) : (
            <span className="text-neutral-500">{m.productsOf(0)}</span>
          )}
        </td>
        <td className="px-3 py-2">
          <div className="flex flex-col items-end gap-2 whitespace-nowrap sm:flex-row sm:items-center sm:justify-end">
            <Button
              type="button"
              variant="secondary"
              size="sm"
              aria-expanded={editing}
              aria-controls={`${id}-editor`}
              aria-label={m.editCategory(c.name)}
              onClick={() => setEditing((x) => !x)}
            >
              {m.edit}
            </Button>
            <form
              action={delAction}
              onSubmit={(event) => {
                if (!window.confirm(m.deleteConfirm(c.name))) event.preventDefault();
              }}
            >
              <input type="hidden" name="categoryId" value={c.id} />
              <Button type="submit" variant="danger" size="sm" pending={delPending} pendingLabel={m.deleting} aria-label={m.deleteCategoryLabel(c.name)}>
                {m.deleteCategory}
              </Button>
            </form>
          </div>
          {delState && !delState.ok && delState.error ? (
            <p role="alert" className="ml-auto mt-1 max-w-xs text-right text-xs text-red-700">
              {delState.error}
            </p>
          ) : null}
        </td>
      </tr>
      {editing ? (
        <tr id={`${id}-editor`} className="bg-neutral-50">
          <td colSpan={5} className="px-3 py-3">
            <form action={action} noValidate aria-label={m.editCategory(c.name)} className="space-y-3">
              <input type="hidden" name="categoryId" value={c.id} />
              <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
              <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_7rem]">
                <Input label={m.categoryName} name="name" id={`${id}-name`} required errors={fe?.name} defaultValue={v?.name ?? c.name} />
                <Input label={m.categorySlug} name="slug" id={`${id}-slug`} autoComplete="off" errors={fe?.slug} defaultValue={v?.slug ?? c.slug} />
                <Input label={m.sortOrder} name="sortOrder" id={`${id}-sort`} inputMode="numeric" errors={fe?.sortOrder} defaultValue={v?.sortOrder ?? String(c.sortOrder)} />
              </div>
              <Textarea
                label={m.categoryDescription}
                name="description"
                id={`${id}-description`}
                rows={2}
                errors={fe?.description}
                defaultValue={v?.description ?? c.description ?? ''}
              />
              <div className="flex gap-2">
                <Button type="submit" size="sm" pending={pending} pendingLabel={m.saving}>
                  {m.save}
                </Button>
                <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(false)}>
                  {m.cancel}
                </Button>
              </div>
            </form>
          </td>
        </tr>
      ) : null}
    </>
  );
}
