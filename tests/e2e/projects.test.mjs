// A citizen project from a young citizen's idea to an official acceptance with progress, without
// JavaScript, on a phone-sized screen: the admin sets a test threshold of 3 for the commune; Awa
// proposes with Moussa as co-proposer (he accepts); three others support and the threshold is
// reached; the mayor accepts and posts a 40 % progress update; a supporter is notified and sees it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD, expectPath, expectText, freshPhone, newPage, open, signIn, verifyWithCode, withBrowser } from './helpers.mjs';

withBrowser();

const js = false;

async function as(identifier, fn, password = DEMO_PASSWORD) {
  const { context, page } = await newPage({ js });
  try {
    await signIn(page, identifier, password, { js });
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** Clicks a submit button and waits for the page the server answers with (JavaScript is off). */
async function press(page, selector) {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

describe('a citizen project from proposal to implementation', () => {
  test('propose with a co-proposer, reach the threshold, accept, report progress, notify [JS off]', async () => {
    const marker = `Moulin${Date.now().toString(36)}`;
    const title = `Un moulin solaire pour le quartier Kanda ${marker}`;

    // 0. The admin sets the commune's test threshold: 3 supports.
    await as('admin@baro.ml', async (page) => {
      await open(page, '/admin', { js });
      const nioro = await page.locator('#ps-communeId option', { hasText: 'Nioro du Sahel' }).getAttribute('value');
      await page.selectOption('#ps-communeId', nioro);
      await page.fill('#ps-supportThreshold', '3');
      await page.fill('#ps-collectionDays', '30');
      await press(page, '#project-settings-form button[type="submit"]');
      await expectText(page.locator('#project-settings [role="status"]'), 'Règles enregistrées pour Nioro du Sahel.');
      await expectText(page.locator('#project-settings tr:has-text("Nioro du Sahel") td').first(), '3');
    });

    // 1. A young citizen of Nioro registers from his phone and proposes, with Moussa as co-proposer.
    // A missing field is reported next to it, and his text is kept.
    const phone = freshPhone();
    const password = 'Sugu-ba-ka-di-2026';
    const name = 'Seydou Konaté';
    const projectPath = await (async () => {
      const { context, page } = await newPage({ js });
      try {
        await open(page, '/register', { js });
        await page.fill('#f-displayName', name);
        await page.fill('#f-phone', phone);
        await page.selectOption('#f-communeId', { label: 'Nioro du Sahel' });
        await page.check('input[name="gender"][value="man"]');
        await page.fill('#f-birthYear', '2004');
        await page.fill('#f-password', password);
        await press(page, '#register-form button[type="submit"]');
        // The account is verified with the code sent by SMS (data/outbox.jsonl) before it takes part.
        await expectPath(page, '/verify', '?welcome=1');
        await verifyWithCode(page, phone, { js });
        return await proposeProject(page);
      } finally {
        await context.close();
      }
    })();

    async function proposeProject(page) {
      await open(page, '/projects/new', { js });
      await expectText(page.locator('h1'), 'Proposer un projet');
      const problem = `Les femmes pilent le mil à la main deux heures par jour ${marker}.`;
      await page.fill('#f-title', title);
      await page.fill('#f-problem', problem);
      await page.fill('#f-solution', 'Un moulin à énergie solaire, géré par le groupement des femmes, dans le local de la coopérative.');
      await page.selectOption('#f-sector', 'women');
      await page.fill('#f-location', 'Quartier Kanda, Nioro du Sahel');
      await page.fill('#f-estimatedCost', '3 500 000');
      await page.fill('#f-onBehalfOf', 'Groupement Benkadi');
      await page.fill('#f-coProposers', '76 00 00 02');
      await press(page, '#project-form button[value="submit"]');
      await expectText(page.locator('#f-beneficiaries-error'), 'Cochez au moins un groupe qui profitera du projet.');
      assert.equal(await page.inputValue('#f-problem'), problem);
      assert.equal(await page.inputValue('#f-coProposers'), '76 00 00 02');

      await page.check('#f-beneficiaries input[value="women"]');
      await page.check('#f-beneficiaries input[value="farmers"]');
      await press(page, '#project-form button[value="submit"]');
      assert.match(page.url(), /\/projects\/\d+\?submitted=1$/, `not submitted for collection: ${page.url()}`);
      await expectText(page.locator('main [role="status"]').first(), 'Projet soumis : il recueille maintenant des soutiens.');
      await expectText(page.locator('h1'), title);
      await expectText(page.locator('main header span').first(), 'Recueille des soutiens');
      await expectText(page.locator('#support-bar p'), 'Aucun soutien sur 3 nécessaires');
      return new URL(page.url()).pathname;
    }

    // Moussa finds the invitation on his projects page and accepts it.
    await as('76000002', async (page) => {
      await open(page, '/projects', { js });
      const invitation = page.locator('#invitations li', { hasText: title });
      await expectText(invitation.locator('p').first(), new RegExp(`${name} vous invite`));
      await press(page, `#invitations li:has-text("${marker}") button:has-text("Accepter")`);
      await expectText(page.locator('main [role="status"]').first(), 'Vous êtes maintenant co-porteur ou co-porteuse du projet.');
      await open(page, projectPath, { js });
      await expectText(page.locator('#proposers'), `Proposé par ${name}, au nom de Groupement Benkadi avec Moussa Diarra`);
      assert.equal(await page.locator('#support-form').count(), 0, 'a co-proposer does not support their own project');
    });

    // 2. Three other people support it: the threshold of 3 is reached.
    const supporters = ['animatrice.nioro@baro.ml', 'moderation@baro.ml', 'hydraulique.kayes@baro.ml'];
    for (const [i, who] of supporters.entries()) {
      await as(who, async (page) => {
        await open(page, projectPath, { js });
        await press(page, '#support-form button[type="submit"]');
        await expectPath(page, projectPath);
        await expectText(page.locator('main [role="status"]').first(), 'Merci pour votre soutien !');
        await expectText(page.locator('#support-bar p'), `${i + 1} soutien${i ? 's' : ''} sur 3 nécessaires`);
      });
    }
    await as(phone, async (page) => {
      await open(page, projectPath, { js });
      await expectText(page.locator('main header span').first(), 'Seuil de soutiens atteint');
      assert.equal(await page.locator('a:has-text("Modifier le projet")').count(), 0, 'no more edits past the threshold');
      await open(page, '/notifications', { js });
      await expectText(page.locator(`main li:has-text("${marker}")`).filter({ hasText: 'nombre de soutiens nécessaire' }), /a atteint le nombre de soutiens nécessaire : la commune va l’examiner/);
    }, password);

    // 3. The mayor accepts the project (a rejection would need a reason) and posts a 40 % progress update.
    await as('maire.nioro@baro.ml', async (page) => {
      await open(page, projectPath, { js });
      await page.selectOption('#answer-status', 'rejected');
      await press(page, '#answer-form button[type="submit"]');
      await expectText(page.locator('#answer-answer-error'), /Un refus doit être expliqué publiquement/);
      await page.selectOption('#answer-status', 'accepted');
      await page.fill('#answer-answer', 'La mairie finance le moulin sur le budget 2027 et prête le local de la coopérative.');
      await press(page, '#answer-form button[type="submit"]');
      await page.waitForURL(/answered=1/);
      await expectText(page.locator('main header span').first(), 'Accepté');
      await expectText(page.locator('#answer-text'), /La mairie finance le moulin/);

      await page.fill('#progress-body', `Le local est prêt et le moulin est commandé ${marker}.`);
      await page.fill('#progress-percent', '40');
      await page.fill('#progress-amountSpent', '1 400 000');
      await press(page, '#progress-form button[type="submit"]');
      await page.waitForURL(/progress=1/);
      await expectText(page.locator('main header span').first(), 'En réalisation');
      await expectText(page.locator('#progress-timeline li p').first(), /40 % réalisé — 1\s400\s000 FCFA dépensés/);
    });

    // 4. A supporter sees the notification, follows it, and reads the timeline.
    await as('animatrice.nioro@baro.ml', async (page) => {
      await open(page, '/notifications', { js });
      const item = page.locator(`main li:has-text("${marker}")`).filter({ hasText: 'Nouvelle étape de réalisation' });
      await expectText(item, new RegExp(`Nouvelle étape de réalisation du projet « ${title} »\\.`));
      await press(page, `main li:has-text("Nouvelle étape de réalisation du projet « ${title}") button[type="submit"]`);
      await expectPath(page, projectPath);
      await expectText(page.locator('#progress-title'), 'Réalisation');
      await expectText(page.locator('#progress-timeline li p').nth(1), `Le local est prêt et le moulin est commandé ${marker}.`);
      await expectText(page.locator('#status-timeline li').last(), /^En réalisation/);
      await open(page, `/en${projectPath}`, { js });
      await expectText(page.locator('#progress-title'), 'Implementation');
      await expectText(page.locator('#progress-timeline li p').first(), /40% done/);
    });

    // The listing finds it among accepted-and-running projects of the commune, for women.
    const { context, page } = await newPage({ js });
    try {
      await open(page, `/projects?status=in_progress&beneficiary=women&sort=supported`, { js });
      assert.ok((await page.locator(`main a:has-text("${title}")`).count()) >= 1);
      await open(page, `/projects?status=rejected`, { js });
      assert.equal(await page.locator(`main a:has-text("${title}")`).count(), 0);
    } finally {
      await context.close();
    }
  });
});
