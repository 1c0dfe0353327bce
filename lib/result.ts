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
export type ActionState = { ok: boolean; message?: string; error?: string; fieldErrors?: Record<string, string[] | undefined> } | null;
