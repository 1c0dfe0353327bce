export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startApp } = await import('./db/startup');
  await startApp();
}
