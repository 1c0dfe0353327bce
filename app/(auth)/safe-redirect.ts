/** Only same-site paths are followed after sign-in (no open redirect to another site). */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/home';
  return value;
}
