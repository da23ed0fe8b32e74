// Civic learning (issue 15): a facilitator writes a lesson with a recorded narration (JavaScript, a fake
// microphone); a young woman in Nioro follows « La commune et vous » on a phone without JavaScript: reads and
// listens, answers the quizzes, sees her progress and prints her certificate, which anyone can check by its code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accessibilityProblems,
  BASE,
  DEMO_PASSWORD,
  expectPath,
  expectText,
  FAKE_MICROPHONE_ARGS,
  hydrated,
  newPage,
  open,
  registerCitizen,
  signIn,
  submit,
} from './helpers.mjs';
import { withBrowser } from './helpers.mjs';

withBrowser({ extraArgs: FAKE_MICROPHONE_ARGS });

const COURSE = '/learn/la-commune-et-vous';
const FIRST_LESSON = `${COURSE}/le-conseil-communal-et-le-maire`;
const marker = Date.now().toString(36);

/** Records about two seconds with the (fake) microphone in the AudioField named `prefix`-audio, and listens to it. */
async function recordNarration(page, prefix) {
  await page.click(`#${prefix}-audio-record`);
  await page.locator(`#${prefix}-audio-timer`).waitFor();
  await page.waitForFunction((id) => /0:0[2-9]/.test(document.getElementById(id)?.textContent ?? ''), `${prefix}-audio-timer`, { timeout: 15_000 });
  await page.click(`#${prefix}-audio-stop`);
  // Listen before saving: the preview player holds what was just recorded.
  const preview = page.locator(`#${prefix}-audio-preview`);
  await preview.waitFor();
  assert.match(await preview.getAttribute('src'), /^blob:/);
  // The recording sits in the form's own file input, sent like a chosen file.
  assert.equal(await page.locator(`#${prefix}-audio`).evaluate((el) => el.files.length), 1);
}

test('a facilitator writes a lesson with a narration [JS on, fake microphone]', async () => {
  const { context, page } = await newPage({ js: true });
  try {
    await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js: true });
    await open(page, '/learn/manage', { js: true });
    await Promise.all([page.waitForURL('**/learn/manage/new'), page.click('#new-course')]);
    await hydrated(page);
    const title = `Le marché de Nioro ${marker}`;
    await page.fill('#f-title', title);
    await page.fill('#f-summary', 'Qui gère le marché de Nioro, comment les taxes sont fixées, et comment les vendeuses peuvent donner leur avis.');
    await page.selectOption('#f-communeId', { label: 'Nioro du Sahel' });
    await page.click('#course-form button[type="submit"]');
    await page.waitForURL(/\/learn\/manage\/courses\/\d+\?created=1$/);
    const coursePath = new URL(page.url()).pathname;

    await hydrated(page);
    await Promise.all([page.waitForURL(/\/lessons\/new$/), page.click('#new-lesson')]);
    await hydrated(page);
    await page.fill('#f-title', `Les taxes du marché ${marker}`);
    await page.fill('#f-body', '## Qui fixe les taxes\n\nLe conseil communal fixe les taxes du marché. Un régisseur les perçoit pour la commune.\n\nLes vendeuses peuvent demander à voir les comptes du marché à la mairie.');
    for (const [i, question, choices, correct] of [
      [1, 'Qui fixe les taxes du marché ?', ['Le conseil communal', 'Le plus grand commerçant'], 1],
      [2, 'Qui perçoit les taxes pour la commune ?', ['Un régisseur', 'Personne'], 1],
      [3, 'Les vendeuses peuvent-elles voir les comptes du marché ?', ['Oui, à la mairie', 'Non, jamais'], 1],
    ]) {
      await page.fill(`#f-q${i}`, question);
      await page.fill(`#f-q${i}_c1`, choices[0]);
      await page.fill(`#f-q${i}_c2`, choices[1]);
      await page.check(`#quiz-block-${i} input[name="q${i}_correct"][value="${correct}"]`);
      await page.fill(`#f-q${i}_explanation`, `${choices[correct - 1]} : c’est ce que dit la leçon.`);
    }
    await page.click('#lesson-form button[type="submit"]');
    await page.waitForURL(/\/learn\/manage\/lessons\/\d+\?created=1$/);
    const lessonEdit = new URL(page.url()).pathname;

    // The narration: recorded, listened to, saved.
    await hydrated(page);
    await recordNarration(page, 'nar');
    await submit(page, 'narration-form', { js: true });
    await page.waitForURL(/\?narration=1#narrations$/);
    await expectText(page.locator('#lesson-notice'), 'Narration enregistrée.');
    const narration = page.locator('#lesson-narrations audio');
    assert.equal(await narration.count(), 1);
    assert.equal(await narration.getAttribute('preload'), 'none');
    const src = await narration.getAttribute('src');
    const heard = await context.request.get(BASE + src, { headers: { Range: 'bytes=0-99' } });
    assert.equal(heard.status(), 206);
    assert.equal(heard.headers()['content-type'], 'audio/webm');

    // Published (the lesson, then the course), readers find it with its narration.
    await page.click('#lesson-state-form button[type="submit"]');
    await page.waitForURL(/\?state=published$/);
    await open(page, coursePath, { js: true });
    await page.click('#course-state-form button[type="submit"]');
    await page.waitForURL(/\?state=published$/);
    await expectText(page.locator('#course-notice'), 'Cours publié.');
    await open(page, lessonEdit, { js: true });
    await Promise.all([page.waitForURL(/\/learn\/[a-z0-9-]+\/[a-z0-9-]+$/), page.click('#preview-lesson')]);
    await expectText(page.locator('h1'), `Les taxes du marché ${marker}`);
    assert.equal(await page.locator('#listen-title + figure audio').count(), 1);

    // Her pages are accessible (axe, JavaScript on, 360 px), and hydrate without error.
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const path of ['/learn', '/learn/manage', '/learn/manage/new', coursePath, `${coursePath}/lessons/new`, lessonEdit, '/facilitator/training', '/en/learn/manage', '/certificates']) {
      await open(page, path, { js: true });
      assert.deepEqual(await accessibilityProblems(page), [], path);
    }
    assert.deepEqual(errors, []);

    // She also narrates the first lesson of « La commune et vous », a course for the whole region.
    await open(page, FIRST_LESSON, { js: true });
    await Promise.all([page.waitForURL(/\/learn\/manage\/lessons\/\d+$/), page.click('#edit-lesson')]);
    await hydrated(page);
    await recordNarration(page, 'nar');
    await submit(page, 'narration-form', { js: true });
    await page.waitForURL(/\?narration=1#narrations$/);
  } finally {
    await context.close();
  }
});

/** Answers a lesson's quiz: first with the first choice everywhere, then, if needed, with the right answers the answers page gave. */
async function passQuiz(page) {
  const lessonUrl = page.url();
  const questions = await page.locator('#quiz-form fieldset').count();
  assert.ok(questions >= 3 && questions <= 5, `${questions} questions`);
  for (let i = 1; i <= questions; i++) await page.check(`#quiz-form input[name="q${i}"][value="0"]`);
  await Promise.all([page.waitForEvent('load'), page.click('#quiz-form button[type="submit"]')]);
  await page.waitForURL(/\/answers\?/);
  await expectText(page.locator('#quiz-saved'), 'Votre résultat est enregistré dans vos progrès.');
  if (/Bravo/.test(await page.locator('#quiz-score').textContent())) return;
  // Immediate feedback: each wrong answer comes with the right one and its explanation.
  const right = [];
  for (let i = 1; i <= questions; i++) {
    const shown = page.locator(`#right-${i}`);
    right.push((await shown.count()) ? (await shown.textContent()).trim() : null);
  }
  assert.ok(right.some((r) => r !== null), 'the answers page shows the right answers');
  await page.goto(lessonUrl);
  for (let i = 1; i <= questions; i++) {
    if (right[i - 1] === null) await page.check(`#quiz-form input[name="q${i}"][value="0"]`);
    else await page.locator(`#question-${i} label`).filter({ has: page.getByText(right[i - 1], { exact: true }) }).click();
  }
  await Promise.all([page.waitForEvent('load'), page.click('#quiz-form button[type="submit"]')]);
  await expectText(page.locator('#quiz-score'), /^Bravo/);
}

test('a young woman in Nioro follows « La commune et vous », listens, passes its quizzes and prints her certificate [JS off, 360 px]', async () => {
  const { context, page } = await newPage({ js: false });
  try {
    const name = `Mariam Diallo ${marker}`;
    const phone = await registerCitizen(page, name, { js: false });

    await open(page, '/learn', { js: false });
    await Promise.all([page.waitForEvent('load'), page.click(`#courses a[href="${COURSE}"]`)]);
    await expectText(page.locator('h1'), 'La commune et vous');
    await expectText(page.locator('#course-progress'), '0 leçon réussie sur 5');
    await Promise.all([page.waitForEvent('load'), page.click('#course-start')]);
    await expectPath(page, FIRST_LESSON);
    await expectText(page.locator('#lesson-position'), 'Leçon 1 sur 5');

    // She listens: the player downloads nothing before she presses play, shows the length, and the
    // recording is served with byte ranges (what an <audio> element asks for).
    const audio = page.locator('#listen-title ~ figure audio').first();
    assert.equal(await audio.getAttribute('preload'), 'none');
    await expectText(page.locator('#listen-title ~ figure figcaption').first(), /^En Français \(\d:\d\d\)$/);
    const heard = await context.request.get(BASE + (await audio.getAttribute('src')), { headers: { Range: 'bytes=0-' } });
    assert.equal(heard.status(), 206);
    assert.equal(heard.headers()['content-type'], 'audio/webm');

    for (let n = 1; n <= 5; n++) {
      await passQuiz(page);
      if (n < 5) {
        await Promise.all([page.waitForEvent('load'), page.click('#next-lesson')]);
        await expectText(page.locator('#lesson-position'), `Leçon ${n + 1} sur 5`);
      }
    }
    // The last quiz completed the course.
    await expectText(page.locator('#quiz-certificate'), /Vous avez réussi toutes les leçons du cours/);

    // Her progress.
    await open(page, '/learn/progress', { js: false });
    await expectText(page.locator('#progress-course-la-commune-et-vous p').first(), '5 leçons réussies sur 5');
    await open(page, COURSE, { js: false });
    await expectText(page.locator('#course-progress'), '5 leçons réussies sur 5');

    // Her certificate, printed: only the certificate goes on paper, on one page.
    await Promise.all([page.waitForEvent('load'), page.click('#course-certificate a')]);
    await expectPath(page, `${COURSE}/certificate`);
    await expectText(page.locator('#certificate-name'), name);
    await expectText(page.locator('#certificate-course'), 'La commune et vous');
    const code = (await page.locator('#certificate-code').textContent()).trim();
    assert.match(code, /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('body > header').isVisible(), false);
    assert.equal(await page.locator('#print-hint').isVisible(), false);
    assert.equal(await page.locator('#certificate').isVisible(), true);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    assert.equal(pdf.match(/\/Type\s*\/Page\b/g)?.length, 1, 'the certificate prints on one page');
    await page.emulateMedia({ media: 'screen' });

    // Anyone can check it by its code; a wrong code says only that no certificate matches.
    const { context: other, page: visitor } = await newPage({ js: false });
    try {
      await open(visitor, '/certificates', { js: false });
      await visitor.fill('#code', code.toLowerCase());
      await Promise.all([visitor.waitForEvent('load'), visitor.click('#verify-form button[type="submit"]')]);
      await expectText(visitor.locator('#verified-name'), name);
      await expectText(visitor.locator('#verified-course'), 'La commune et vous');
      const wrong = `${code.slice(0, 10)}${code.at(-1) === '2' ? '3' : '2'}`;
      const res = await open(visitor, `/certificates/${wrong.replace('-', '')}`, { js: false });
      assert.equal(res.status(), 200);
      await expectText(visitor.locator('#certificate-unknown'), /Aucun certificat ne correspond à ce code/);
      assert.ok(!(await visitor.content()).includes(name));
    } finally {
      await other.close();
    }

    // axe-core runs in the page: the same pages, checked with JavaScript on.
    const { context: checking, page: a11y } = await newPage({ js: true });
    try {
      await signIn(a11y, phone, 'Sugu-ba-ka-di-2026', { js: true });
      for (const path of [FIRST_LESSON, `${FIRST_LESSON}/answers?q1=0&q2=1&q3=0&q4=1`, `${COURSE}/certificate`, '/learn/progress']) {
        await open(a11y, path, { js: true });
        assert.deepEqual(await accessibilityProblems(a11y), [], path);
      }
    } finally {
      await checking.close();
    }
  } finally {
    await context.close();
  }
});

test('the pages anonymous readers get are accessible [JS on]', async () => {
  const { context, page } = await newPage({ js: true });
  try {
    for (const path of ['/learn', COURSE, FIRST_LESSON, '/en/learn', `/en${FIRST_LESSON}`, '/certificates/ABCDE23456']) {
      await open(page, path, { js: true });
      assert.deepEqual(await accessibilityProblems(page), [], path);
    }
  } finally {
    await context.close();
  }
});

test('anonymous readers get lessons from the cache, and can try a quiz without an account [JS off]', async () => {
  const read = async () => {
    const res = await fetch(BASE + FIRST_LESSON);
    return { status: res.status, html: await res.text(), cache: res.headers.get('x-nextjs-cache') };
  };
  await read();
  const second = await read();
  assert.equal(second.status, 200);
  assert.equal(second.cache, 'HIT', 'the second anonymous read is served from the cache');
  assert.match(second.html, /Le conseil communal et le maire/);

  const { context, page } = await newPage({ js: false });
  try {
    await open(page, FIRST_LESSON, { js: false });
    await page.check('#quiz-form input[name="q1"][value="0"]');
    await Promise.all([page.waitForEvent('load'), page.click('#quiz-form button[type="submit"]')]);
    // Not every question answered: asked again, with what was chosen kept.
    await expectText(page.locator('#quiz-incomplete'), 'Répondez à toutes les questions, puis envoyez de nouveau.');
    assert.equal(await page.locator('#quiz-form input[name="q1"][value="0"]').isChecked(), true);
    const count = await page.locator('#quiz-form fieldset').count();
    for (let i = 2; i <= count; i++) await page.check(`#quiz-form input[name="q${i}"][value="0"]`);
    await Promise.all([page.waitForEvent('load'), page.click('#quiz-form button[type="submit"]')]);
    await expectText(page.locator('#quiz-score'), /bonnes réponses sur/);
    assert.equal(await page.locator('#answer-1').count(), 1);
    await expectText(page.locator('main p.text-sm').first(), /Connectez-vous pour garder vos progrès/);
  } finally {
    await context.close();
  }
});

test('a budget topic points to the budget lesson, and search finds lessons [JS off]', async () => {
  const { context, page } = await newPage({ js: false });
  try {
    await open(page, '/topics', { js: false });
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: /^Budget 2027/ }).first().click()]);
    await expectText(page.locator('#topic-lessons'), 'Pour comprendre avant de donner votre avis');
    await Promise.all([page.waitForEvent('load'), page.locator('#topic-lesson-links a', { hasText: 'Comprendre le budget communal' }).click()]);
    await expectPath(page, `${COURSE}/comprendre-le-budget-communal`);
    await expectText(page.locator('h1'), 'Comprendre le budget communal');

    await open(page, '/search?q=budget%20communal', { js: false });
    await expectText(page.locator('#group-lesson'), 'Leçons');
    assert.ok((await page.locator(`a[href="${COURSE}/comprendre-le-budget-communal"]`).count()) >= 1);
    // In English, the English lesson.
    await open(page, '/en/search?q=budget', { js: false });
    assert.ok((await page.locator(`a[href="/en${COURSE}/comprendre-le-budget-communal"]`).count()) >= 1);
  } finally {
    await context.close();
  }
});
