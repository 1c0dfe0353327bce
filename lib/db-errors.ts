/** True when a database error (possibly wrapped by drizzle) is a unique violation (23505). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '23505') {
      if (!constraint) return true;
      const name = (e as { constraint_name?: string; constraint?: string }).constraint_name ?? (e as { constraint?: string }).constraint;
      return name === undefined || name === constraint;
    }
  }
  return false;
}
