/**
 * Runs once when a Next.js server starts (`next start`, `next dev`; never during `next build`).
 * Starts the sender of queued SMS and e-mails (lib/messaging).
 */
export async function register() {
  // The edge runtime has no SQLite: the worker lives in the Node.js server only.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startMessageWorker } = await import('./lib/messaging/worker');
  try {
    startMessageWorker();
  } catch (e) {
    // A wrong setting (SMS_TRANSPORT=http without SMS_HTTP_URL…): stop here, by name, rather than serve
    // every page with a 500 as Next does after a failed register().
    console.error(`[baro] cannot start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
