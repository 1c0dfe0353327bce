import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';

// Options are built per request so the secret generated at start-up (embedded mode) is seen.
function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions())(req, ctx);
}

export { handler as GET, handler as POST };
