// A citizen registered for a debate hears about its changes, without JavaScript on a 360 px phone: the
// facilitator moves the debate to another place, then cancels it; the citizen reads both notifications
// (French, then English), follows one to the debate's page; the facilitator herself is not notified.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD, expectPath, expectText, newPage, open, signIn, withBrowser } from './helpers.mjs';

withBrowser();

const js = false;
const click = (page, selector) => Promise.all([page.waitForEvent('load'), page.click(selector)]);

/** "2027-03-10T15:00" in `days` days, what a datetime-local field takes. */
function inDays(days, hour = 15) {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().slice(0, 16);
}

/** Runs `fn` signed in as `who`, in a fresh browser context. */
async function as(who, fn) {
  const { context, page } = await newPage({ js });
  try {
    await signIn(page, who, DEMO_PASSWORD, { js });
    return await fn(page);
  } finally {
    await context.close();
  }
}

describe('notifications of a debate one registered for', () => {
  test('a change of place and a cancellation reach the registered citizen, with a link to the debate [JS off]', async () => {
    const title = `Débat sur le marché de Nioro ${Date.now().toString(36)}`;
    const newPlace = 'Cour de l’école du quartier Tata';

    const meetingPath = await as('animatrice.nioro@baro.ml', async (page) => {
      await open(page, '/meetings/new?space=nioro', { js });
      await page.fill('#f-title', title);
      await page.fill('#f-startsAt', inDays(11));
      await page.fill('#f-place', 'Salle de l’espace connecté de Nioro');
      await page.fill('#f-agenda', '1. Les places du marché\n2. Les taxes des vendeuses');
      await click(page, '#meeting-form button[type="submit"]');
      await expectText(page.locator('[role="status"]'), 'Le débat est programmé.');
      return new URL(page.url()).pathname;
    });

    await as('76000002', async (page) => {
      await open(page, meetingPath, { js });
      await click(page, '#registration-form button[type="submit"]');
      await expectText(page.locator('[role="status"]'), 'Vous êtes inscrit·e. À bientôt !');
    });

    await as('animatrice.nioro@baro.ml', async (page) => {
      await open(page, `${meetingPath}/edit`, { js });
      await page.fill('#f-place', newPlace);
      await click(page, '#meeting-form button[type="submit"]');
      await expectText(page.locator('[role="status"]'), 'Le débat est modifié.');
    });

    await as('76000002', async (page) => {
      await open(page, '/notifications', { js });
      const item = page.locator(`main li:has-text("${title}")`);
      assert.equal(await item.count(), 1, 'one notification for one change');
      await expectText(item.locator('span').nth(1), new RegExp(`^Le débat « ${title} » auquel vous êtes inscrit·e a changé \\(date, lieu ou ordre du jour\\)\\. Il aura lieu le .+, ${newPlace}\\.$`));
      await expectText(page.locator('#prefs ~ form p'), /débats auxquels vous êtes inscrit·e vous sont toujours signalés/);
      // Opening it marks it read and leads to the debate.
      await click(page, `main li:has-text("${title}") button[type="submit"]`);
      await expectPath(page, meetingPath);
      await expectText(page.locator('h1'), title);
    });

    await as('animatrice.nioro@baro.ml', async (page) => {
      await open(page, meetingPath, { js });
      await click(page, '#cancel-meeting-form button[type="submit"]');
      await expectText(page.locator('[role="status"]'), /Le débat est annulé/);
      // She acted: nothing about this debate in her own notifications.
      await open(page, '/notifications', { js });
      assert.equal(await page.locator(`main li:has-text("${title}")`).count(), 0);
    });

    await as('76000002', async (page) => {
      await open(page, '/en/notifications', { js });
      const cancelled = page.locator(`main li:has-text("${title}")`).filter({ hasText: 'cancelled' });
      await expectText(cancelled.locator('span').nth(1), new RegExp(`^The debate “${title}” on .+, which you registered for, is cancelled\\.$`));
      const read = page.locator(`main li:has-text("${title}")`).filter({ hasText: 'has changed' });
      assert.equal(await read.locator(`a[href="/en${meetingPath}"]`).count(), 1, 'the read one links to the debate');
    });
  });
});
