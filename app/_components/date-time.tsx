const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
const dateOnly = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** A date (or date and time) in Europe/Paris, with a machine-readable datetime attribute. */
export function DateTime({ value, withTime = true }: { value: Date | string; withTime?: boolean }) {
  const d = typeof value === 'string' ? new Date(value) : value;
  return <time dateTime={d.toISOString()}>{(withTime ? dateTime : dateOnly).format(d)}</time>;
}
