/**
 * Runs once when the server starts (next start, next dev). Says plainly whether voice recordings can be
 * taken: without a working ffmpeg, Baro runs with voice off rather than failing (lib/media/pipeline.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { mediaPipeline, availabilityMessage } = await import('./lib/media/pipeline');
  const pipeline = mediaPipeline();
  // Not awaited: the server answers while the check runs (about 0.2 s).
  void pipeline.availability().then((a) => {
    const message = availabilityMessage(a, pipeline.options.dir);
    if (a.available) console.log(message);
    else console.warn(message);
  });
}
