'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import { invalid } from '@/lib/errors';
import type { FormState } from '@/lib/forms/state';
import { importTranslations } from '@/lib/translations/import-export';
import { IMPORT_MAX_BYTES } from '@/lib/translations/schemas';
import { proposeTranslation } from '@/lib/translations/propose';
import { reviewTranslation } from '@/lib/translations/review';
import { revertTranslation } from '@/lib/translations/revert';
import { saveTopicTranslation } from '@/lib/translations/topic-content';
import { refreshAllTopics, refreshTopic } from './cache';
import { currentLocale, failed, fields, keyed, pathFor, safeNext } from './helpers';

/** Back to the page the form was on, with what happened (?done=… or ?error=…) and the key's anchor. */
function back(formData: FormData, fallback: string, query: Record<string, string>, anchor = ''): never {
  const target = safeNext(formData.get('back')) ?? fallback;
  const [path, search = ''] = target.split('#')[0]!.split('?');
  const params = new URLSearchParams(search);
  for (const k of ['done', 'error']) params.delete(k);
  for (const [k, v] of Object.entries(query)) params.set(k, v);
  redirect(`${path}?${params.toString()}${anchor}`);
}

export const proposeTranslationAction = keyed('translations.proposeTranslationAction', async function proposeTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // "lang": the language translated into; "locale" is the language of the page (its messages).
  const { lang, key, text } = fields(formData, ['lang', 'key', 'text']);
  const result = proposeTranslation(await requestContext(), { locale: lang, key, text });
  if (!result.ok) return failed(result, formData);
  back(formData, await pathFor(formData, '/admin/translations'), { done: 'proposed' }, '#proposals');
});

export const reviewTranslationAction = keyed('translations.reviewTranslationAction', async function reviewTranslationAction(formData: FormData): Promise<void> {
  const result = reviewTranslation(await requestContext(), fields(formData, ['proposalId', 'verdict', 'note']));
  const fallback = await pathFor(formData, '/admin/translations');
  const anchor = `#${String(formData.get('anchor') ?? '').replace(/[^A-Za-z0-9_-]/g, '')}`;
  if (!result.ok) back(formData, fallback, { error: result.error === 'conflict' || result.error === 'invalid' ? Object.values(result.fieldErrors)[0] ?? 'invalid' : result.error }, anchor);
  // A text now live may be on a cached topic page.
  if (result.value.live) refreshAllTopics();
  back(formData, fallback, { done: result.value.rejected ? 'rejected' : result.value.live ? 'live' : 'approved' }, anchor);
});

export const revertTranslationAction = keyed('translations.revertTranslationAction', async function revertTranslationAction(formData: FormData): Promise<void> {
  const result = revertTranslation(await requestContext(), fields(formData, ['proposalId']));
  const fallback = await pathFor(formData, '/admin/translations');
  if (!result.ok) back(formData, fallback, { error: result.error === 'conflict' || result.error === 'invalid' ? Object.values(result.fieldErrors)[0] ?? 'invalid' : result.error });
  refreshAllTopics();
  back(formData, fallback, { done: 'reverted' });
});

/** The uploaded file is read as text and parsed as JSON; its name and type are not trusted. */
export const importTranslationsAction = keyed('translations.importTranslationsAction', async function importTranslationsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const upload = formData.get('file');
  if (upload instanceof File && upload.size > IMPORT_MAX_BYTES) return failed(invalid({ file: 'translationFileTooLarge' }), withFileField(formData));
  const file = upload instanceof File ? await upload.text() : '';
  const { lang, origin, provenance } = fields(formData, ['lang', 'origin', 'provenance']);
  const result = importTranslations(await requestContext(), { locale: lang, origin, provenance, file });
  if (!result.ok) return failed(result, withFileField(formData));
  const t = await getTranslations({ locale: await currentLocale(formData), namespace: 'Translations' });
  const s = result.value;
  return {
    status: 'success',
    values: {},
    fieldErrors: {},
    message: t('imported', { proposed: s.proposed, unchanged: s.unchanged, unknown: s.unknownKeys.length, refused: s.refused.length }),
  };
});

/** The form's values, with a "file" entry so the file's error is shown beside its field. */
function withFileField(formData: FormData): FormData {
  const copy = new FormData();
  for (const [k, v] of formData.entries()) if (typeof v === 'string') copy.append(k, v);
  copy.set('file', '');
  return copy;
}

/** An official saves (or, both fields empty, removes) a topic's title and summary in a national language. */
export const saveTopicTranslationAction = keyed('translations.saveTopicTranslationAction', async function saveTopicTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { topicId, lang, title, summary } = fields(formData, ['topicId', 'lang', 'title', 'summary']);
  const result = saveTopicTranslation(await requestContext(), { topicId, locale: lang, title, summary });
  if (!result.ok) return failed(result, formData);
  refreshTopic(result.value.topicId);
  redirect(`${await pathFor(formData, `/topics/${result.value.topicId}/edit`)}?translated=${encodeURIComponent(lang ?? '')}#translations`);
});
