// The limit for `npm run bench`: a bare node:http + better-sqlite3 server that renders the same data as
// Baro's topic page, as plain HTML — the topic with its commune, author and title, the phase and its
// timeline, the tally (residents apart), the stance counts, and the first 20 top-level comments with
// their authors, moderation state and replies — with the same queries as lib/comments/queries.ts and
// lib/votes/queries.ts, on the same database: the counters the app reads (topics' stance and top-level
// comment counts, kept by the triggers of migration 0009; vote_tallies, migration 0010), never a count of
// the topic's rows. No framework, no session, no React: what is left is SQLite and string building.
// --workers N runs N processes on one listening socket (node:cluster), as the app can (WEB_CONCURRENCY).
//   node scripts/baseline-server.mjs --db data/large.db [--port 3240] [--workers 1]
import cluster from 'node:cluster';
import http from 'node:http';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string', default: '3240' }, workers: { type: 'string', default: '1' } } });
if (!values.db) {
  console.error('usage: node scripts/baseline-server.mjs --db FILE [--port 3240] [--workers 1]');
  process.exit(2);
}
const workers = Math.max(1, Number(values.workers) || 1);
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
  console.log(`[baseline] ${workers} processes on http://127.0.0.1:${values.port}`);
} else {
  serve();
}

function serve() {

  const db = new Database(values.db, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');

  const q = {
    topic: db.prepare(`SELECT t.*, c.name AS commune, c.slug AS commune_slug, a.display_name AS author_name
      FROM topics t JOIN communes c ON c.id = t.commune_id JOIN users a ON a.id = t.author_id WHERE t.id = ?`),
    authorTitle: db.prepare(`SELECT title FROM role_grants WHERE user_id = ? AND role = 'official' AND commune_id = ? ORDER BY id DESC LIMIT 1`),
    timeline: db.prepare('SELECT to_phase, created_at FROM topic_phase_changes WHERE topic_id = ? ORDER BY created_at, id'),
    // The app's tally (lib/votes/queries.ts): vote_tallies, a few rows per topic however many votes.
    tally: db.prepare(`SELECT choice, commune_id = ? AS resident, sum(n) AS n FROM vote_tallies
      WHERE topic_id = ? AND n > 0 GROUP BY choice, commune_id = ?`),
    top: db.prepare(`SELECT c.id, c.parent_id, c.author_id, u.display_name AS author, c.stance, c.body, c.is_official_answer, c.support_count,
        c.reply_count, c.visibility, c.deleted_at, c.created_at, m.hidden_reason
      FROM comments c JOIN users u ON u.id = c.author_id
      LEFT JOIN moderations m ON m.content_type = 'comment' AND m.content_id = c.id
      WHERE c.topic_id = ? AND c.parent_id IS NULL AND c.visibility <> 'held' ORDER BY c.id LIMIT 20`),
    replies: db.prepare(`SELECT c.id, c.parent_id, c.author_id, u.display_name AS author, c.stance, c.body, c.is_official_answer, c.support_count,
        c.visibility, c.deleted_at, c.created_at, m.hidden_reason
      FROM comments c JOIN users u ON u.id = c.author_id
      LEFT JOIN moderations m ON m.content_type = 'comment' AND m.content_id = c.id
      WHERE c.parent_id IN (SELECT value FROM json_each(?)) AND c.visibility <> 'held' ORDER BY c.id`),
  };

  const esc = (s) =>
    String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);
  const paragraphs = (text) =>
    esc(text)
      .split(/\n{2,}/)
      .map((p) => `<p>${p}</p>`)
      .join('');
  const effectivePhase = (t, nowIso) => (t.phase === 'open' && t.closes_at <= nowIso ? 'deliberation' : t.phase);

  function commentHtml(c) {
    const body = c.deleted_at ? '<p><em>Supprimé par son auteur</em></p>' : c.visibility === 'hidden' ? `<p><em>Masqué : ${esc(c.hidden_reason)}</em></p>` : paragraphs(c.body);
    return `<article id="comment-${c.id}"><p><strong>${esc(c.author)}</strong> · ${esc(c.stance)} · ${esc(c.created_at)}${c.is_official_answer ? ' · réponse officielle' : ''}</p>${body}<p>${c.support_count} soutiens</p>`;
  }

  function renderTopic(id) {
    const t = q.topic.get(id);
    if (!t || t.phase === 'draft' || t.visibility !== 'visible') return null;
    const nowIso = new Date().toISOString();
    const title = q.authorTitle.get(t.author_id, t.commune_id)?.title;
    const timeline = q.timeline.all(id);
    const choices = t.poll_options ? JSON.parse(t.poll_options).map((label, i) => [`option:${i}`, label]) : [['for', 'Pour'], ['against', 'Contre'], ['abstain', 'Abstention']];
    const tally = new Map();
    for (const r of q.tally.all(t.commune_id, id, t.commune_id)) {
      const c = tally.get(r.choice) ?? { residents: 0, others: 0 };
      if (r.resident) c.residents += r.n;
      else c.others += r.n;
      tally.set(r.choice, c);
    }
    // The topic's counters (lib/comments/queries.ts subjectCounters), read with the topic's row.
    const stances = new Map([['for', t.stance_for_count], ['against', t.stance_against_count], ['neutral', t.stance_neutral_count], ['question', t.stance_question_count]]);
    const total = t.top_comment_count;
    const top = q.top.all(id);
    const replies = top.length ? q.replies.all(JSON.stringify(top.map((c) => c.id))) : [];
    const parts = [
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t.title)} · Baro</title></head><body><main>`,
      `<p>${esc(effectivePhase(t, nowIso))} · ${esc(t.sector)} · ${esc(t.commune)}</p><h1>${esc(t.title)}</h1><p>${esc(t.summary)}</p>`,
      `<p>Publié par ${esc(t.author_name)}${title ? `, ${esc(title)}` : ''}</p><p>${esc(t.opens_at)} – ${esc(t.closes_at)}</p>`,
      `<section>${paragraphs(t.body)}</section>`,
      `<h2>Étapes</h2><ol>${timeline.map((s) => `<li>${esc(s.to_phase)} — ${esc(s.created_at)}</li>`).join('')}</ol>`,
      `<h2>Résultats</h2><table><tr><th>Choix</th><th>Habitants de ${esc(t.commune)}</th><th>Autres</th></tr>`,
      choices.map(([k, label]) => `<tr><td>${esc(label)}</td><td>${tally.get(k)?.residents ?? 0}</td><td>${tally.get(k)?.others ?? 0}</td></tr>`).join(''),
      `</table><h2>${total} commentaires</h2><p>${['for', 'against', 'neutral', 'question'].map((s) => `${s} ${stances.get(s) ?? 0}`).join(' · ')}</p><ul>`,
    ];
    for (const c of top) {
      parts.push(`<li>${commentHtml(c)}<ul>`);
      for (const r of replies) if (r.parent_id === c.id) parts.push(`<li>${commentHtml(r)}</article></li>`);
      parts.push('</ul></article></li>');
    }
    parts.push('</ul></main></body></html>');
    return parts.join('');
  }

  const server = http.createServer((req, res) => {
    const m = /^\/topics\/(\d{1,9})$/.exec(req.url ?? '');
    const html = m && req.method === 'GET' ? renderTopic(Number(m[1])) : null;
    if (!html) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
    res.end(html);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(values.port), '127.0.0.1', () => console.log(`[baseline] http://127.0.0.1:${values.port}`));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
}
