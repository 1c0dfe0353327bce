import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { ensureAuthSecret } from '@/db/startup';
import { signInWithPassword } from './sign-in';

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const real = headers?.['x-real-ip'];
  return first || (Array.isArray(real) ? real[0] : real) || 'unknown';
}

/**
 * next-auth configuration. The JWT carries only the user id: role, company and status are re-read
 * from the database by getActor() on every request.
 */
export function getAuthOptions(): NextAuthOptions {
  ensureAuthSecret();
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'E-mail',
        credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Mot de passe', type: 'password' } },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === 'string' ? credentials.email : '';
          const password = typeof credentials?.password === 'string' ? credentials.password : '';
          if (!email || !password || password.length > 200) return null;
          const result = await signInWithPassword(await getDb(), { email, password, ip: clientIp(req?.headers) });
          // Thrown messages reach the sign-in form as `error`; "throttled" is shown as its own message.
          if (!result.ok && result.reason === 'throttled') throw new Error('throttled');
          return result.ok ? { id: result.userId, email: email.trim().toLowerCase() } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user) {
          session.user.email = token.email ?? session.user.email;
          (session.user as { id?: string }).id = token.sub;
        }
        return session;
      },
    },
  };
}
