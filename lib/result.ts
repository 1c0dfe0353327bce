/** What a service returns for errors a person can cause and fix; bugs throw instead. */
export type Result<T = null> =
  | { ok: true; value: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined> };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string, fieldErrors?: Record<string, string[] | undefined>): Result<T> {
  return { ok: false, error, fieldErrors };
}

/** The state a form's server action returns to useActionState. */
export type ActionState = {
  ok: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What was typed (never passwords), so a refused form is shown again as it was filled. */
  values?: Record<string, string>;
} | null;

/** The non-secret text fields of a submitted form, to refill it after a refusal. */
export function echoValues(form: FormData, omit: readonly string[] = ['password', 'passwordConfirm', 'token']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !omit.includes(key) && !key.startsWith('$')) values[key] = value.slice(0, 500);
  }
  return values;
}
