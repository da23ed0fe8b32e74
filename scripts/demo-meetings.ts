/** Demo public meetings at the Nioro connected space, written through the real use cases. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { connectedSpaces, users } from '../db/schema';
import { loadActor } from '../lib/accounts/load-actor';
import type { Result } from '../lib/errors';
import { publishMinutes } from '../lib/meetings/publish-minutes';
import { registerForMeeting } from '../lib/meetings/register-for-meeting';
import { scheduleMeeting } from '../lib/meetings/schedule-meeting';

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo meetings: ${what} failed: ${JSON.stringify(r)}`);
  return r.value;
}

/**
 * One upcoming debate about the Tata borehole (Awa has registered), and one held three weeks ago about
 * the livestock market, with its minutes and the attendance counted in the room: enough people for
 * every public figure to show.
 */
export function seedDemoMeetings(db: Db, topics: { forage: number; market: number }) {
  const actorBy = (email: string | null, phone: string | null) => {
    const u = db.select().from(users).where(email ? eq(users.email, email) : eq(users.phone, phone!)).get()!;
    return loadActor(db, { userId: u.id, sessionVersion: u.sessionVersion })!;
  };
  const fanta = actorBy('animatrice.nioro@baro.ml', null);
  const maire = actorBy('maire.nioro@baro.ml', null);
  const awa = actorBy(null, '+22376000001');
  const space = db.select().from(connectedSpaces).where(eq(connectedSpaces.slug, 'nioro')).get()!;
  const day = 86_400_000;
  const now = Date.now();
  const at = (offsetDays: number, hour: number) => {
    const d = new Date(now + offsetDays * day);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };

  const upcoming = must(
    scheduleMeeting(db, fanta, {
      spaceId: String(space.id),
      title: 'Débat public : où placer le forage de Tata ?',
      startsAt: at(5, 16).toISOString().slice(0, 16),
      place: `${space.name}, ${space.address}`,
      agenda: "1. Présentation du projet de forage par la mairie\n2. Les propositions d'emplacement des habitantes\n3. Qui gère le point d'eau ?",
      topicId: String(topics.forage),
      projectId: '',
    }),
    'upcoming meeting',
  ).meetingId;
  must(registerForMeeting(db, awa, { meetingId: String(upcoming), intent: 'register' }), 'registration');

  const held = must(
    scheduleMeeting(
      db,
      maire,
      {
        spaceId: String(space.id),
        title: 'Débat public : le nouveau marché à bétail',
        startsAt: at(-20, 15).toISOString().slice(0, 16),
        place: `${space.name}, ${space.address}`,
        agenda: '1. Le terrain de la sortie nord\n2. La piste vers la route de Diéma\n3. Les besoins des vendeuses de lait',
        topicId: String(topics.market),
        projectId: '',
      },
      at(-30, 9),
    ),
    'past meeting',
  ).meetingId;
  must(
    publishMinutes(
      db,
      fanta,
      {
        meetingId: String(held),
        minutes:
          "### Ce qui a été dit\n\n- Les éleveurs acceptent le terrain de la sortie nord si une piste est construite.\n- Les vendeuses de lait demandent un abri et un point d'eau.\n\n### Suites\n\nLe maire présentera ces demandes au conseil communal.",
        att_woman_15_24: '14',
        att_woman_25_35: '9',
        att_woman_36plus: '6',
        att_woman_unknown: '',
        att_man_15_24: '8',
        att_man_25_35: '5',
        att_man_36plus: '3',
        att_man_unknown: '',
        att_unspecified_15_24: '',
        att_unspecified_25_35: '',
        att_unspecified_36plus: '',
        att_unspecified_unknown: '',
      },
      at(-20, 18),
    ),
    'minutes',
  );
}
