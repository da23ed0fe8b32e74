/** What Baro accepts as a recording, and what it stores (docs/features/voice.md). */

/** An upload larger than this is refused before it is read (5 MiB). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** The longest recording accepted, in seconds. */
export const MAX_DURATION_S = 120;
/** Decoders and encoders pad a little: a 120 s recording may decode to 120.02 s. */
export const DURATION_TOLERANCE_S = 1;
/**
 * ffmpeg's hard cap (`-t`): it never writes more than this. An output that reaches it came from an input
 * longer than allowed, whatever its header said.
 */
export const HARD_CAP_S = MAX_DURATION_S + DURATION_TOLERANCE_S + 1;
/** Shorter than this once decoded: nothing was recorded. */
export const MIN_DURATION_MS = 100;
/** A transcode still running after this is killed (a 2-minute recording takes under a second here). */
export const TRANSCODE_TIMEOUT_MS = 20_000;

/** What is stored and served: mono Opus in WebM (plays in Chromium, Firefox, Android Chrome and Safari ≥ 17). */
export const OUTPUT_MIME = 'audio/webm';
export const OUTPUT_EXT = 'webm';
export const OUTPUT_BITRATE = '24k';

/** A pending recording never attached to anything is removed after this long (lib/media/sweep-media.ts). */
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;
