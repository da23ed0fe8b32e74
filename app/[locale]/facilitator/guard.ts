import 'server-only';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import type { SlipLabels, SlipTexts } from '@/components/facilitator/participant-slip';
import type { Db } from '@/db/client';
import { listSpaces } from '@/db/queries/geography';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can, type Actor } from '@/lib/permissions';
import { absoluteUrl } from '@/lib/site-url';

/** Facilitator pages: sign-in first; null when this person is neither a facilitator nor an admin. */
export async function requireFacilitator(locale: Locale) {
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  return can(actor, 'facilitator.access', undefined) ? actor : null;
}

/** The spaces whose participants this person sees and registers (their own; every space for an admin). */
export function spacesServedBy(db: Db, actor: Actor) {
  return listSpaces(db).filter((s) => can(actor, 'participant.view', { spaceId: s.id }));
}

/** The spaces where this person may enter contributions for participants (facilitators, in their own space). */
export function spacesAssistedBy(db: Db, actor: Actor) {
  return listSpaces(db).filter((s) => can(actor, 'assist.contribute', { spaceId: s.id, participantId: 0, participantSuspended: false }));
}

/** The slip's words in French and English (the participant's language), and the page's own words. */
export async function slipTexts(locale: Locale, anotherHref: string, anotherKey: 'another' | 'backToArea'): Promise<SlipTexts> {
  const labels = async (l: Locale): Promise<SlipLabels> => {
    const t = await getTranslations({ locale: l, namespace: 'Slip' });
    return {
      title: t('title'),
      name: t('name'),
      code: t('code'),
      pin: t('pin'),
      space: t('space'),
      address: t('address'),
      hours: t('hours'),
      howTo: t('howTo'),
      steps: [t('step1', { url: absoluteUrl(localePath(l, '/login')) }), t('step2'), t('step3'), t('step4')],
      keep: t('keep'),
    };
  };
  const t = await getTranslations({ locale, namespace: 'Slip' });
  const tf = await getTranslations({ locale, namespace: 'Facilitator' });
  return { labels: { fr: await labels('fr'), en: await labels('en') }, print: t('print'), printHint: t('printHint'), another: tf(anotherKey), anotherHref };
}
