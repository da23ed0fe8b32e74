import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { bulkModerateAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { requireModerator } from '@/components/moderation/guard';
import { AssistedBadge } from '@/components/facilitator/assisted-badge';
import { ModerateForms } from '@/components/moderation/moderate-forms';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { SuspiciousPatternsPanel } from '@/components/moderation/suspicious-patterns';
import { FilterSelect } from '@/components/ui/filter-select';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { moderationQueue, reportsByReason } from '@/db/queries/moderation';
import { CONTENT_TYPES, REPORT_REASONS } from '@/db/schema';
import { localePath, type Locale } from '@/lib/i18n/config';
import { moderationSubject } from '@/lib/moderation/moderate-content';
import { moderatable } from '@/lib/moderation/registry';
import { can, isAdmin, moderationScope } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('queueTitle'), robots: { index: false } };
}

const HOLD_REASONS = ['link', 'personalData', 'burst', 'threat', 'premoderation'] as const;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ModerationQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireModerator(locale);
  if (!actor) return <Forbidden />;
  const sp = await searchParams;
  const f = {
    communeId: z.coerce.number().int().positive().optional().catch(undefined).parse(first(sp.commune) || undefined),
    type: z.enum(CONTENT_TYPES).optional().catch(undefined).parse(first(sp.type) || undefined),
    reason: z.enum([...REPORT_REASONS, ...HOLD_REASONS]).optional().catch(undefined).parse(first(sp.reason) || undefined),
    olderThanDays: z.coerce.number().int().min(1).max(365).optional().catch(undefined).parse(first(sp.age) || undefined),
  };
  const db = getDb();
  const scope = moderationScope(actor);
  const items = moderationQueue(db, { ...f, communes: scope, nowIso: new Date().toISOString() });
  const reasons = reportsByReason(db, items.map((i) => i.id));
  const communes = listCommunes(db).filter((c) => scope === 'all' || scope.includes(c.id));
  const t = await getTranslations('Moderation');
  const tr = await getTranslations('Report');
  const tc = await getTranslations('Common');
  const format = await getFormatter();
  const typeLabel = (type: string) => t(`type${type[0]!.toUpperCase()}${type.slice(1)}` as 'typeComment');
  const here = localePath(locale, '/moderation');
  const bulk = typeof sp.bulk === 'string' ? sp.bulk.split('-').map(Number) : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('queueTitle')}</h1>
      <ModerationNav locale={locale} isAdmin={isAdmin(actor)} />
      {sp.done ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{t('done')}</p> : null}
      {bulk ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{t('bulkDone', { done: bulk[0] ?? 0, skipped: bulk[1] ?? 0 })}</p> : null}
      <p>{t('queueIntro')}</p>
      <SuspiciousPatternsPanel locale={locale} />
      <form method="get" aria-label={t('filters')} className="grid gap-3 rounded border border-stone-300 bg-white p-3 sm:grid-cols-5">
        <FilterSelect name="commune" label={t('commune')} value={f.communeId ? String(f.communeId) : ''} options={[['', tc('allCommunes')], ...communes.map((c) => [String(c.id), c.name] as const)]} />
        <FilterSelect name="type" label={t('type')} value={f.type ?? ''} options={[['', t('allTypes')], ...CONTENT_TYPES.map((c) => [c, typeLabel(c)] as const)]} />
        <FilterSelect
          name="reason"
          label={t('reason')}
          value={f.reason ?? ''}
          options={[['', t('allReasons')], ...REPORT_REASONS.map((r) => [r, tr(r)] as const), ...HOLD_REASONS.map((r) => [r, t(`hold_${r}`)] as const)]}
        />
        <FilterSelect name="age" label={t('age')} value={f.olderThanDays ? String(f.olderThanDays) : ''} options={[['', t('anyAge')], ...[1, 3, 7, 30].map((d) => [String(d), t('olderThan', { days: d })] as const)]} />
        <div className="flex items-end">
          <button type="submit" className="min-h-11 w-full rounded bg-teal-800 px-4 font-semibold text-white">{t('apply')}</button>
        </div>
      </form>

      {items.length === 0 ? (
        <p className="font-semibold">{t('empty')}</p>
      ) : (
        <>
          <ul className="space-y-4">
            {items.map((item) => {
              const content = moderatable(item.contentType)?.load(db, item.contentId);
              const mayAct = !!content && can(actor, 'content.moderate', moderationSubject(content));
              const autoHidden = item.state === 'hidden' && item.hiddenBy === null;
              const state = item.escalatedAt ? t('stateEscalated') : autoHidden ? t('stateAutoHidden') : item.state === 'held' ? t('stateHeld') : item.reportCount > 0 ? t('stateReported') : t('stateHidden');
              return (
                <li key={item.id} id={`item-${item.id}`} className="rounded border border-stone-300 bg-white p-3">
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    {mayAct ? (
                      <label className="flex min-h-11 items-center gap-2">
                        <input type="checkbox" name="items" value={`${item.contentType}:${item.contentId}`} form="bulk-form" className="h-5 w-5" />
                        <span className="sr-only">{t('select')}</span>
                      </label>
                    ) : null}
                    <strong>{typeLabel(item.contentType)}</strong>
                    <span className="rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">{state}</span>
                    <span>{item.commune}</span>
                    <span className="text-stone-700">{format.dateTime(new Date(item.createdAt), 'long')}</span>
                    {item.assistedAt ? <AssistedBadge space={item.assistedAt} facilitator={item.assistedBy} /> : null}
                  </p>
                  {item.holdReason ? <p className="text-sm">{t('holdReason', { reason: t(`hold_${item.holdReason}` as 'hold_link') })}</p> : null}
                  {item.reportCount > 0 || reasons.get(item.id)?.length ? (
                    <p className="text-sm">
                      {t('reports', { count: item.reportCount })}
                      {reasons.get(item.id)?.length ? ` — ${reasons.get(item.id)!.map((r) => `${tr(r.reason as 'spam')} (${r.n})`).join(', ')}` : ''}
                    </p>
                  ) : null}
                  <blockquote className="my-2 border-l-4 border-stone-300 pl-3 whitespace-pre-line break-words">{content?.text.slice(0, 1500)}</blockquote>
                  <p className="text-sm">
                    {t('author', { name: item.author })} ·{' '}
                    <a href={localePath(locale, `/moderation/users/${item.authorId}?about=${item.contentType}:${item.contentId}`)}>{t('authorHistory')}</a>
                    {content ? (
                      <>
                        {' · '}
                        <a href={localePath(locale, content.path)}>{t('open')}</a>
                      </>
                    ) : null}
                  </p>
                  {mayAct ? (
                    <ModerateForms
                      locale={locale}
                      contentType={item.contentType}
                      contentId={item.contentId}
                      state={item.state}
                      reported={item.reportCount > 0}
                      autoHidden={autoHidden}
                      next={here}
                    />
                  ) : (
                    <p className="mt-2 text-sm font-semibold text-stone-700">{t('conflict')}</p>
                  )}
                </li>
              );
            })}
          </ul>
          <section aria-labelledby="bulk-title" className="rounded border border-stone-300 bg-white p-3">
            <h2 id="bulk-title" className="mb-2 font-bold">{t('bulkTitle')}</h2>
            <ActionForm action={bulkModerateAction} id="bulk-form" fieldPrefix="bulk">
              <Hidden name="locale" value={locale} />
              <Hidden name="next" value={here} />
              <SelectField
                name="action"
                label={t('bulkAction')}
                options={[
                  { value: 'approve', label: t('approve') },
                  { value: 'dismiss', label: t('dismiss') },
                  { value: 'hide', label: t('hide') },
                  { value: 'restore', label: t('restore') },
                ]}
              />
              <TextField name="reason" label={t('hideReason')} hint={t('hideReasonHint')} maxLength={300} />
              <SubmitButton pendingLabel={tc('sending')}>{t('bulkSubmit')}</SubmitButton>
            </ActionForm>
          </section>
        </>
      )}
    </div>
  );
}
