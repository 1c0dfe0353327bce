import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { exportPerson, PERSON_NOT_FOUND } from '@/lib/crm/personal-data-service';

export const dynamic = 'force-dynamic';

/** GET: everything about a person as a JSON download (staff admin only; the export is audited). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const actor = await getActor();
  const result = await exportPerson(await getDb(), actor, id);
  if (!result.ok) {
    const status = result.error === PERSON_NOT_FOUND ? 404 : result.error === NOT_SIGNED_IN ? 401 : 403;
    return Response.json({ error: result.error }, { status, headers: { 'Cache-Control': 'no-store' } });
  }
  return new Response(JSON.stringify(result.value, null, 2), {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="personne-${id}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
