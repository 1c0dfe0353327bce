import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { homePathOf } from '@/lib/auth/roles';

/** Sends a signed-in person to their own area. */
export default async function HomeRedirect() {
  const actor = await getActor();
  redirect(actor ? homePathOf(actor.role) : '/login');
}
