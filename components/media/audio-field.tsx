'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useFieldState } from '@/components/forms/action-form';

/** Every word the field shows, translated on the server (no message file is sent to the browser). */
export type AudioFieldLabels = {
  /** the field's label, e.g. "Narration" */
  label: string;
  hint?: string;
  /** with JavaScript: the buttons and what they say */
  record: string;
  stop: string;
  recordAgain: string;
  /** "Recording… {time}" is built from this and the timer */
  recording: string;
  /** under the player of what was just recorded: "Listen before saving" */
  listen: string;
  /** the file input's label once recording is offered: "Or choose a sound file" */
  chooseFile: string;
  micDenied: string;
  /** "of at most 2:00" */
  maxLabel: string;
};

const noSubscription = () => () => {};
const browserCanRecord = () => typeof window.MediaRecorder !== 'undefined' && !!navigator.mediaDevices?.getUserMedia && typeof DataTransfer !== 'undefined';
// On the server (and so in the HTML a browser without JavaScript keeps): the file input alone.
const serverCanRecord = () => false;

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/**
 * A sound to send with a form: recorded in the browser, or a file from the phone. Reusable by every
 * feature that takes a recording (lessons, voice comments…).
 *
 * Without JavaScript (and on the server's first render) it is a plain `<input type="file" accept="audio/*"
 * capture>`: a phone offers its recorder, a computer a file. With JavaScript and a microphone, a Record button,
 * a timer, Stop, a player to listen before saving, and Record again; the recording is put into that same
 * file input, so the form sends it exactly as it would send a chosen file, and the server judges it the same
 * way (lib/media: by its content, never its name or type).
 */
export function AudioField({ name, labels, maxSeconds = 120, required }: { name: string; labels: AudioFieldLabels; maxSeconds?: number; required?: boolean }) {
  const { state, prefix } = useFieldState();
  const id = `${prefix}-${name}`;
  const error = state.fieldErrors[name];
  const input = useRef<HTMLInputElement>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const canRecord = useSyncExternalStore(noSubscription, browserCanRecord, serverCanRecord);
  const [phase, setPhase] = useState<'idle' | 'recording' | 'recorded'>('idle');
  const [seconds, setSeconds] = useState(0);
  const [url, setUrl] = useState<string | null>(null);
  const [denied, setDenied] = useState(false);
  /** what was recorded, to put back into the input if a refused submission reset the form */
  const recorded = useRef<File | null>(null);

  useEffect(() => {
    return () => {
      if (timer.current) clearInterval(timer.current);
      stream.current?.getTracks().forEach((t) => t.stop());
    };
  }, []);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  // React resets a form after its action: a refused submission must not lose the recording (nor the text).
  useEffect(() => {
    const t = setTimeout(() => {
      const el = input.current;
      if (!recorded.current || !el || (el.files && el.files.length > 0)) return;
      const dt = new DataTransfer();
      dt.items.add(recorded.current);
      el.files = dt.files;
    }, 0);
    return () => clearTimeout(t);
  }, [state]);

  function stop() {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }

  async function start() {
    setDenied(false);
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setDenied(true);
      return;
    }
    stream.current = media;
    const type = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'].find((t) => MediaRecorder.isTypeSupported(t));
    const rec = new MediaRecorder(media, type ? { mimeType: type } : undefined);
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    rec.onstop = () => {
      media.getTracks().forEach((t) => t.stop());
      const blob = new Blob(chunks, { type: rec.mimeType || 'audio/webm' });
      const ext = blob.type.includes('mp4') ? 'm4a' : blob.type.includes('ogg') ? 'ogg' : 'webm';
      const dt = new DataTransfer();
      const file = new File([blob], `recording.${ext}`, { type: blob.type });
      recorded.current = file;
      dt.items.add(file);
      if (input.current) input.current.files = dt.files;
      setUrl(URL.createObjectURL(blob));
      setPhase('recorded');
    };
    recorder.current = rec;
    rec.start(1000);
    setSeconds(0);
    setPhase('recording');
    const t0 = Date.now();
    timer.current = setInterval(() => {
      const s = Math.floor((Date.now() - t0) / 1000);
      setSeconds(s);
      if (s >= maxSeconds) stop();
    }, 250);
  }

  function again() {
    recorded.current = null;
    if (input.current) input.current.value = '';
    setUrl(null);
    setPhase('idle');
    void start();
  }

  const button = 'min-h-11 rounded border-2 border-teal-800 px-4 font-semibold text-teal-900';
  const describedBy = [labels.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-4" id={`${id}-field`}>
      {canRecord ? (
        <fieldset className="mb-2 rounded border border-stone-300 p-3" aria-describedby={describedBy}>
          <legend className="px-1 font-semibold">{labels.label}</legend>
          {phase === 'idle' ? (
            <button type="button" className={button} onClick={() => void start()} id={`${id}-record`}>
              <span aria-hidden="true">● </span>
              {labels.record}
            </button>
          ) : null}
          {phase === 'recording' ? (
            <div className="flex flex-wrap items-center gap-3">
              <p role="status" aria-live="polite" id={`${id}-timer`} className="font-semibold text-red-800">
                {labels.recording} {clock(seconds)} {labels.maxLabel}
              </p>
              <button type="button" className={button} onClick={stop} id={`${id}-stop`}>
                <span aria-hidden="true">■ </span>
                {labels.stop}
              </button>
            </div>
          ) : null}
          {phase === 'recorded' && url ? (
            <div className="space-y-2">
              <p className="text-sm">{labels.listen}</p>
              <audio controls src={url} id={`${id}-preview`} className="w-full max-w-sm" />
              <button type="button" className={button} onClick={again} id={`${id}-again`}>
                {labels.recordAgain}
              </button>
            </div>
          ) : null}
          {denied ? <p className="mt-2 text-sm font-semibold text-red-800">{labels.micDenied}</p> : null}
        </fieldset>
      ) : null}
      <label htmlFor={id} className={canRecord ? 'mb-1 block text-sm' : 'mb-1 block font-semibold'}>
        {canRecord ? labels.chooseFile : labels.label}
      </label>
      <input
        ref={input}
        id={id}
        name={name}
        type="file"
        accept="audio/*"
        capture
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full text-base"
      />
      {labels.hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-700">
          {labels.hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
