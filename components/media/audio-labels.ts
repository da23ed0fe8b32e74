import { getTranslations } from 'next-intl/server';
import { MAX_DURATION_S } from '@/lib/media/limits';
import type { AudioFieldLabels } from './audio-field';

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** The recorder's words, from the messages (shared by every form that takes a recording). */
export async function audioFieldLabels(label: string, hint?: string, maxSeconds = MAX_DURATION_S): Promise<AudioFieldLabels> {
  const t = await getTranslations('AudioField');
  return {
    label,
    hint,
    record: t('record'),
    stop: t('stop'),
    recordAgain: t('recordAgain'),
    recording: t('recording'),
    listen: t('listen'),
    chooseFile: t('chooseFile'),
    micDenied: t('micDenied'),
    maxLabel: t('max', { time: clock(maxSeconds) }),
  };
}
