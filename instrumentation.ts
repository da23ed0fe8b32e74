/**
 * Runs once when a Next.js server starts (`next start`, `next dev`; never during `next build`).
 * - Starts the sender of queued SMS and e-mails (lib/messaging).
 * - Starts the scheduler (lib/scheduler.ts): consultations close and project collections expire when
 *   they are due, never while a page renders.
 * - Says plainly whether voice recordings can be taken: without a working ffmpeg, Baro runs with voice off
 *   rather than failing (lib/media/pipeline.ts).
 */
export async function register() {
  // The edge runtime has no SQLite: these live in the Node.js server only.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Languages the runtime's ICU lacks (Soninke) format as French: plurals, numbers, dates (lib/i18n/intl-fallback.ts).
  const { installIntlFallback } = await import('./lib/i18n/intl-fallback');
  installIntlFallback();
  const { startMessageWorker } = await import('./lib/messaging/worker');
  try {
    startMessageWorker();
  } catch (e) {
    // A wrong setting (SMS_TRANSPORT=http without SMS_HTTP_URL…): stop here, by name, rather than serve
    // every page with a 500 as Next does after a failed register().
    console.error(`[baro] cannot start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  const { startScheduler } = await import('./lib/scheduler');
  startScheduler();
  const { mediaPipeline, availabilityMessage } = await import('./lib/media/pipeline');
  const pipeline = mediaPipeline();
  // Not awaited: the server answers while the check runs (about 0.2 s).
  void pipeline.availability().then((a) => {
    const message = availabilityMessage(a, pipeline.options.dir);
    if (a.available) console.log(message);
    else console.warn(message);
  });
}
