import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { suspendAction, warnAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { requireModerator } from '@/components/moderation/guard';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { localePath, type Locale } from '@/lib/i18n/config';
import { PERMANENT } from '@/lib/moderation/sanctions';
import { moderationUserView } from '@/lib/moderation/user-view';
import { isAdmin } from '@/lib/permissions';
import { idParam } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  return { robots: { index: false } };
}

export default async function ModerationUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireModerator(locale);
  if (!actor) return <Forbidden />;
  const userId = idParam.safeParse(id);
  if (!userId.success) notFound();
  const view = moderationUserView(getDb(), actor, userId.data);
  if (!view) notFound();
  const { user } = view;
  const sp = await searchParams;
  const t = await getTranslations('Moderation');
  const tc = await getTranslations('Common');
  const format = await getFormatter();
  const { recent, records: mods } = view.history;
  const sanctionList = view.sanctions;
  const maySanction = view.maySanction;
  const typeLabel = (type: string) => t(`type${type[0]!.toUpperCase()}${type.slice(1)}` as 'typeComment');
  // What the sanction is about: its commune is the sanction's scope (the queue links here with ?about=).
  const aboutOptions = [
    ...(view.withoutContent ? [{ value: '', label: t('aboutNothing') }] : []),
    ...view.about.map((a) => ({ value: a.value, label: t('aboutOption', { type: typeLabel(a.type), id: a.id, commune: a.commune, excerpt: a.excerpt }) })),
  ];
  const asked = typeof sp.about === 'string' && aboutOptions.some((o) => o.value === sp.about) ? sp.about : aboutOptions[0]?.value;
  const aboutField = <SelectField name="about" label={t('aboutLabel')} hint={t('aboutHint')} defaultValue={asked} options={aboutOptions} />;
  const here = localePath(locale, `/moderation/users/${user.id}`);
  const stateLabel = (v: string) => (v === 'held' ? t('stateHeld') : v === 'hidden' ? t('stateHidden') : t('stateVisible'));

  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-bold">{t('userTitle', { name: user.displayName })}</h1>
      <ModerationNav locale={locale} isAdmin={isAdmin(actor)} />
      {sp.warned ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">{t('warned')}</p> : null}
      {sp.suspended ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">{t('suspended')}</p> : null}

      <section aria-labelledby="sanctions">
        <h2 id="sanctions" className="mb-2 text-xl font-bold">{t('userSanctions')}</h2>
        {sanctionList.length === 0 ? <p>{t('noSanctions')}</p> : null}
        <ul className="space-y-1">
          {sanctionList.map((s) => (
            <li key={s.id}>
              <strong>{s.kind === 'warning' ? t('sanctionWarning') : t('sanctionSuspension')}</strong> — {format.dateTime(new Date(s.createdAt), 'short')} — {s.reason}
              {s.kind === 'suspension' ? ` (${s.endsAt && s.endsAt !== PERMANENT ? t('until', { date: format.dateTime(new Date(s.endsAt), 'long') }) : t('permanent')}${s.liftedAt ? `, ${t('lifted')}` : ''})` : ''} — {t('by', { name: s.moderator })}
            </li>
          ))}
        </ul>
      </section>

      {view.adminsOnly ? <p className="rounded border-l-4 border-amber-700 bg-amber-50 p-3">{t('sanctionAdminsOnlyNotice')}</p> : null}
      {maySanction ? (
        <div className="grid gap-6 sm:grid-cols-2">
          <section aria-labelledby="warn" className="rounded border border-stone-300 bg-white p-3">
            <h2 id="warn" className="mb-2 font-bold">{t('warnTitle')}</h2>
            <ActionForm action={warnAction} id="warn-form" fieldPrefix="warn">
              <Hidden name="locale" value={locale} />
              <Hidden name="userId" value={String(user.id)} />
              <Hidden name="next" value={here} />
              {aboutField}
              <TextField name="reason" label={t('reasonLabel')} required requiredMark={tc('required')} maxLength={300} />
              <SubmitButton pendingLabel={tc('sending')}>{t('warn')}</SubmitButton>
            </ActionForm>
          </section>
          <section aria-labelledby="suspend" className="rounded border border-red-300 bg-white p-3">
            <h2 id="suspend" className="mb-2 font-bold">{t('suspendTitle')}</h2>
            {view.lastActiveAdmin ? <p className="mb-2 text-sm font-semibold">{t('lastActiveAdminNotice')}</p> : null}
            <ActionForm action={suspendAction} id="suspend-form" fieldPrefix="suspend">
              <Hidden name="locale" value={locale} />
              <Hidden name="userId" value={String(user.id)} />
              <Hidden name="next" value={here} />
              {aboutField}
              <TextField name="reason" label={t('reasonLabel')} required requiredMark={tc('required')} maxLength={300} />
              <TextField name="days" label={t('days')} hint={t('daysHint')} inputMode="numeric" maxLength={4} />
              <label className="mb-4 flex min-h-11 items-center gap-3">
                <input type="checkbox" name="hideContent" className="h-5 w-5" />
                {t('hideAll')}
              </label>
              <SubmitButton pendingLabel={tc('sending')} className="min-h-11 rounded bg-red-800 px-4 font-semibold text-white">
                {t('suspend')}
              </SubmitButton>
            </ActionForm>
          </section>
        </div>
      ) : null}

      <section aria-labelledby="content">
        <h2 id="content" className="mb-2 text-xl font-bold">{t('userContent')}</h2>
        <ul className="space-y-2">
          {recent.map((c) => (
            <li key={c.id} className="rounded border border-stone-300 bg-white p-2 text-sm">
              <span className="font-semibold">{stateLabel(c.visibility)}</span> — {format.dateTime(new Date(c.createdAt), 'short')} —{' '}
              <a href={localePath(locale, c.projectId ? `/projects/${c.projectId}#comment-${c.id}` : `/topics/${c.topicId}#comment-${c.id}`)}>{t('open')}</a>
              <p className="whitespace-pre-line break-words">{c.body}</p>
            </li>
          ))}
        </ul>
        {mods.length ? (
          <p className="mt-2 text-sm">
            {mods.map((m) => `${m.contentType} #${m.contentId}: ${stateLabel(m.state)}${m.outcome ? ` (${t(`outcome_${m.outcome}` as 'outcome_hidden')})` : ''}`).join(' · ')}
          </p>
        ) : null}
      </section>
    </div>
  );
}
