import { DURATION_TOLERANCE_S, MAX_DURATION_S } from './limits';

/** The containers a recording may come in, recognised by content (file-type's name → what we call it). */
const CONTAINERS = {
  // WebM/Opus: Chrome's, Firefox's and Android's MediaRecorder
  webm: { format: 'webm', demuxer: 'matroska', mimeType: 'video/webm' },
  // Ogg/Opus (WhatsApp-style voice notes), and old Android Ogg/Vorbis
  opus: { format: 'ogg', demuxer: 'ogg', mimeType: 'audio/ogg' },
  ogg: { format: 'ogg', demuxer: 'ogg', mimeType: 'audio/ogg' },
  oga: { format: 'ogg', demuxer: 'ogg', mimeType: 'audio/ogg' },
  // M4A/AAC (iPhones, many Android recorders), and MP4 audio (Safari's MediaRecorder)
  m4a: { format: 'm4a', demuxer: 'mov', mimeType: 'audio/mp4' },
  mp4: { format: 'mp4', demuxer: 'mov', mimeType: 'audio/mp4' },
  mov: { format: 'mp4', demuxer: 'mov', mimeType: 'audio/mp4' },
  // AMR in 3GP: feature phones
  '3gp': { format: '3gp', demuxer: 'mov', mimeType: 'audio/mp4' },
  '3g2': { format: '3gp', demuxer: 'mov', mimeType: 'audio/mp4' },
  // raw AMR-NB / AMR-WB ("#!AMR"): feature phones; music-metadata does not read it
  amr: { format: 'amr', demuxer: 'amr', mimeType: null },
  mp3: { format: 'mp3', demuxer: 'mp3', mimeType: 'audio/mpeg' },
  // raw AAC (ADTS): some Android recorders
  aac: { format: 'aac', demuxer: 'aac', mimeType: 'audio/aac' },
  wav: { format: 'wav', demuxer: 'wav', mimeType: 'audio/wav' },
} as const;

export type SourceFormat = (typeof CONTAINERS)[keyof typeof CONTAINERS]['format'];

export type Sniffed =
  | {
      ok: true;
      format: SourceFormat;
      /** the ffmpeg demuxer to force: ffmpeg never guesses the format itself (a playlist or a concat script posing as audio could make it open other files) */
      demuxer: string;
      /** what the file's header claims, when music-metadata could read it: a hint, never trusted */
      declaredDurationS: number | null;
    }
  | { ok: false; reason: 'audioNotAudio' | 'audioTooLong' };

/**
 * Judges an upload by its bytes alone (never its name or declared type): file-type recognises the
 * container, music-metadata reads its header. A header that declares more than the limit is refused
 * before any transcode; a header that cannot be read is left to ffmpeg, which decides (Chrome's
 * MediaRecorder writes WebM that music-metadata 11 cannot parse, docs/features/voice.md).
 */
export async function sniffAudio(bytes: Uint8Array): Promise<Sniffed> {
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(bytes);
  const container = type && (CONTAINERS as Record<string, (typeof CONTAINERS)[keyof typeof CONTAINERS]>)[type.ext];
  if (!container) return { ok: false, reason: 'audioNotAudio' };

  let declaredDurationS: number | null = null;
  if (container.mimeType) {
    const { parseBuffer } = await import('music-metadata');
    try {
      const meta = await parseBuffer(
        bytes,
        { mimeType: container.mimeType, size: bytes.length },
        { duration: false, skipCovers: true, skipPostHeaders: true },
      );
      // A container that says what it holds, and holds no sound: a video, a picture in an MP4.
      if (meta.format.hasAudio === false) return { ok: false, reason: 'audioNotAudio' };
      const d = meta.format.duration;
      if (typeof d === 'number' && Number.isFinite(d) && d > 0) declaredDurationS = d;
    } catch {
      // unreadable header: ffmpeg decides
    }
  }
  if (declaredDurationS !== null && declaredDurationS > MAX_DURATION_S + DURATION_TOLERANCE_S) return { ok: false, reason: 'audioTooLong' };
  return { ok: true, format: container.format, demuxer: container.demuxer, declaredDurationS };
}
