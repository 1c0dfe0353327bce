import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

const control =
  'block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-neutral-400 focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600 aria-[invalid=true]:border-red-500';

interface FieldProps {
  label: string;
  name: string;
  errors?: string[] | undefined;
  hint?: string;
}

function Describe({ id, hint, errors }: { id: string; hint?: string; errors?: string[] | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-neutral-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, hint?: string, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A labelled input with its hint and errors wired through aria-describedby. */
export function Input({ label, name, errors, hint, id, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const fieldId = id ?? `f-${name}`;
  return (
    <div>
      <label htmlFor={fieldId} className="mb-1 block text-sm font-medium text-neutral-800">
        {label}
      </label>
      <input
        id={fieldId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
        className={control}
        {...rest}
      />
      <Describe id={fieldId} hint={hint} errors={errors} />
    </div>
  );
}

export function Select({
  label,
  name,
  errors,
  hint,
  id,
  children,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const fieldId = id ?? `f-${name}`;
  return (
    <div>
      <label htmlFor={fieldId} className="mb-1 block text-sm font-medium text-neutral-800">
        {label}
      </label>
      <select
        id={fieldId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
        className={control}
        {...rest}
      >
        {children}
      </select>
      <Describe id={fieldId} hint={hint} errors={errors} />
    </div>
  );
}

/** A labelled multi-line text field with its hint and errors wired through aria-describedby. */
export function Textarea({ label, name, errors, hint, id, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
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
      <Describe id={fieldId} hint={hint} errors={errors} />
    </div>
  );
}

/** A checkbox with its label beside it, and its hint and errors underneath. */
export function Checkbox({ label, name, errors, hint, id, ...rest }: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
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
        <Describe id={fieldId} hint={hint} errors={errors} />
      </div>
    </div>
  );
}

/** A form-level message: role=alert for errors so screen readers announce them. */
export function FormMessage({ error, message }: { error?: string | undefined; message?: string | undefined }) {
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {error}
      </p>
    );
  }
  if (message) {
    return (
      <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
        {message}
      </p>
    );
  }
  return null;
}
