import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';

// Textarea and Checkbox in the style of app/_components/field.tsx (which has neither yet); they belong
// there once another screen needs them.

const control =
  'block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-neutral-400 focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600 aria-[invalid=true]:border-red-500';

function describedBy(id: string, hint?: string, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Errors({ id, errors }: { id: string; errors?: string[] | undefined }) {
  return errors?.length ? (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
      {errors.join(' ')}
    </p>
  ) : null;
}

/** A labelled multi-line text field with its hint and errors wired through aria-describedby. */
export function Textarea({
  label,
  name,
  errors,
  hint,
  id,
  ...rest
}: { label: string; name: string; errors?: string[] | undefined; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fieldId = id ?? `f-${name}`;
  return (
    <div>
      <label htmlFor={fieldId} className="mb-1 block text-sm font-medium text-neutral-800">
        {label}
      </label>
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
        className={control}
        {...rest}
      />
      {hint ? (
        <p id={`${fieldId}-hint`} className="mt-1 text-xs text-neutral-500">
          {hint}
        </p>
      ) : null}
      <Errors id={fieldId} errors={errors} />
    </div>
  );
}

/** A checkbox with its label beside it and an optional hint underneath. */
export function Checkbox({
  label,
  name,
  errors,
  hint,
  id,
  ...rest
}: { label: string; name: string; errors?: string[] | undefined; hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const fieldId = id ?? `f-${name}`;
  return (
    <div className="flex items-start gap-2">
      <input
        id={fieldId}
        name={name}
        type="checkbox"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
        className="mt-0.5 size-4 rounded border-neutral-300 accent-accent-600"
        {...rest}
      />
      <div>
        <label htmlFor={fieldId} className="text-sm font-medium text-neutral-800">
          {label}
        </label>
        {hint ? (
          <p id={`${fieldId}-hint`} className="text-xs text-neutral-500">
            {hint}
          </p>
        ) : null}
        <Errors id={fieldId} errors={errors} />
      </div>
    </div>
  );
}
