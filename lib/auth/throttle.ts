/** Sign-in throttling policy (pure numbers; the counting happens in SQL, see sign-in.ts). */
export const THROTTLE = {
  windowMinutes: 15,
  /** Failed attempts on one email within the window before further attempts are refused. */
  maxFailuresPerEmail: 5,
  /** Failed attempts from one address within the window (spraying many emails). */
  maxFailuresPerIp: 30,
} as const;
