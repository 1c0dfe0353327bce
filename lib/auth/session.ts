import 'server-only';
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { type Actor, loadActor } from './actor';
import { getAuthOptions } from './options';
import { type Audience, audienceOf, type Permission, roleCan } from './roles';

/** The current actor, re-read from the database once per request; null when signed out or refused. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  return loadActor(await getDb(), userId);
});

/** For pages: sends visitors to sign in, and the wrong audience to a 403. */
export async function requireAudience(audience: Audience, nextPath: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(nextPath)}`);
  if (audienceOf(actor.role) !== audience) forbidden();
  return actor;
}

/** For pages: the actor must hold the permission. */
export async function requirePermission(permission: Permission, nextPath: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(nextPath)}`);
  if (!roleCan(actor.role, permission)) forbidden();
  return actor;
}
