import { z } from 'zod';
import { fail, ok, type Result } from '@/lib/result';

/** Thrown inside a transaction to roll it back and answer the person with a message. */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** Runs a service body, turning a refusal (and its rollback) into a failed Result. */
export async function refusalAsResult<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    if (error instanceof Refusal) return fail(error.message, error.fieldErrors);
    throw error;
  }
}

/** Validates a service's input; the first message becomes the form's error, each field keeps its own. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; value: z.output<S> } | { ok: false; result: Result<never> } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, result: fail(parsed.error.issues[0]?.message ?? 'Saisie invalide.', fieldErrors) };
}
