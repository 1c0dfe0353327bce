import fs from 'node:fs';
import { pglitePidFile } from '../startup';

/**
 * A second process writing to the PGlite directory while the app holds it loses its writes
 * silently (STACK-NOTES trap 3), so scripts refuse while the app that wrote the pid file lives.
 */
export function refuseWhileAppHoldsPglite(): void {
  if (process.env.DATABASE_URL) return;
  const file = pglitePidFile();
  if (!fs.existsSync(file)) return;
  const pid = Number(fs.readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    return; // that process is gone
  }
  console.error(`The app (pid ${pid}) holds the embedded database. Stop it first, then run this again.`);
  process.exit(1);
}
