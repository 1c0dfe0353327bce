import type { ActionState } from '@/lib/result';

/** The form-level error, unless it only repeats a message already shown next to its field. */
export function formError(state: ActionState): string | undefined {
  if (!state || state.ok || !state.error) return undefined;
  const shown = Object.values(state.fieldErrors ?? {}).flat();
  return shown.includes(state.error) ? undefined : state.error;
}
