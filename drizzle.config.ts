import { defineConfig } from 'drizzle-kit';

// Generating migrations needs no database; `drizzle-kit generate` only diffs the schema files.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  ...(process.env.DATABASE_URL
    ? { dbCredentials: { url: process.env.DATABASE_URL } }
    : { driver: 'pglite', dbCredentials: { url: './.data/pglite' } }),
});
