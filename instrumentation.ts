/**
 * Runs once when a Next.js server starts (`next start`, `next dev`; never during `next build`).
 * Starts the sender of queued SMS and e-mails (lib/messaging): a wrong messaging setting makes the
 * server fail here, at start, with the variable's name.
 */
export async function register() {
  // The edge runtime has no SQLite: the worker lives in the Node.js server only.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startMessageWorker } = await import('./lib/messaging/worker');
  startMessageWorker();
}
