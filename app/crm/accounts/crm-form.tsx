'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage, Input, Select, Textarea } from '@/app/_components/field';
import type { ActionState } from '@/lib/result';

/** One field of a CRM form, described as data so server pages can declare forms. */
export type CrmField =
  | { name: string; kind: 'hidden'; value: string }
  | {
      name: string;
      kind: 'text' | 'date' | 'email' | 'number' | 'textarea' | 'select';
      label: string;
      hint?: string;
      required?: boolean;
      defaultValue?: string;
      options?: { value: string; label: string }[];
      inputMode?: 'numeric' | 'decimal' | 'text';
      wide?: boolean;
    };

/**
 * A form driven by a field list: useActionState, field errors next to fields (wired through
 * aria-describedby by the primitives), a pending submit, and the typed values kept after a refusal.
 */
export function CrmForm({
  action,
  fields,
  submitLabel,
  pendingLabel,
  title,
  idPrefix,
  variant = 'primary',
  compact = false,
  stacked = false,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  fields: CrmField[];
  submitLabel: string;
  pendingLabel: string;
  title?: string;
  idPrefix: string;
  variant?: 'primary' | 'secondary' | 'danger';
  compact?: boolean;
  /** One field per row, for forms in narrow columns. */
  stacked?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const fe = state?.fieldErrors;
  const v = state?.ok ? undefined : state?.values;
  const titleId = `${idPrefix}-title`;
  return (
    <form action={formAction} noValidate aria-labelledby={title ? titleId : undefined} aria-label={title ? undefined : submitLabel} className="space-y-3">
      {title ? (
        <h3 id={titleId} className="text-sm font-semibold text-neutral-900">
          {title}
        </h3>
      ) : null}
      <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      <div className={stacked ? 'grid gap-3' : compact ? 'grid gap-3 sm:grid-cols-2' : 'grid gap-3 sm:grid-cols-2 lg:grid-cols-3'}>
        {fields.map((f) => {
          if (f.kind === 'hidden') return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
          const id = `${idPrefix}-${f.name}`;
          const common = { label: f.label, name: f.name, id, hint: f.hint, errors: fe?.[f.name], required: f.required };
          const value = v?.[f.name] ?? f.defaultValue ?? '';
          const wrap = f.wide && !stacked ? 'sm:col-span-2 lg:col-span-3' : '';
          if (f.kind === 'select') {
            return (
              <div key={`${f.name}-${state ? 'x' : 'o'}`} className={wrap}>
                <Select {...common} defaultValue={value}>
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </div>
            );
          }
          if (f.kind === 'textarea') {
            return (
              <div key={f.name} className={stacked ? '' : wrap || 'sm:col-span-2 lg:col-span-3'}>
                <Textarea {...common} defaultValue={value} rows={3} />
              </div>
            );
          }
          return (
            <div key={f.name} className={wrap}>
              <Input {...common} type={f.kind === 'number' ? 'text' : f.kind} inputMode={f.inputMode} defaultValue={value} />
            </div>
          );
        })}
      </div>
      <Button type="submit" variant={variant} size="sm" pending={pending} pendingLabel={pendingLabel}>
        {submitLabel}
      </Button>
    </form>
  );
}
