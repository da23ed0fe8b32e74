// A browser without JavaScript, in a few lines: a cookie jar, GET a page, fill one of its forms
// and POST it as multipart/form-data, hidden React fields ($ACTION_REF_n, $ACTION_n:0/1, $ACTION_KEY)
// included — exactly what a no-JS browser sends to a server action. Loopback only.
import crypto from 'node:crypto';

/** The hidden field of a form's idempotency key (lib/idempotency/key.ts IDEMPOTENCY_FIELD). */
const IDEMPOTENCY_FIELD = 'idempotencyKey';


const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) out[m[1]] = m[2] === undefined ? '' : decode(m[2]);
  return out;
}

/** The named fields of form #id as a no-JS browser would send them before the person types. */
export function formFields(html, id) {
  const start = html.search(new RegExp(`<form\\b[^>]*\\bid="${id}"`));
  if (start < 0) return null;
  const end = html.indexOf('</form>', start);
  const body = html.slice(start, end);
  const fields = [];
  for (const m of body.matchAll(/<input\b[^>]*>/g)) {
    const a = attrs(m[0].slice(6));
    if (!a.name || a.disabled !== undefined) continue;
    if ((a.type === 'radio' || a.type === 'checkbox') && a.checked === undefined) continue;
    if (a.type === 'submit') continue;
    fields.push([a.name, a.value ?? '']);
  }
  for (const m of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const a = attrs(m[1]);
    if (a.name) fields.push([a.name, decode(m[2])]);
  }
  return fields;
}

export class Client {
  constructor(base) {
    if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(base)) throw new Error(`not a loopback address: ${base}`);
    this.base = base;
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path, { timeoutMs = 30_000 } = {}) {
    const res = await fetch(this.base + path, { headers: { cookie: this.cookieHeader() }, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    this.keep(res);
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  /**
   * Fills form #formId of the page at `path` with `values` (by field name) and submits it.
   * Returns the status and, for a redirect (how the app acknowledges a write), its location.
   * `html`: a copy of the page to fill instead of fetching it; it stands for the page rendered again, so the
   * form's idempotency key (lib/idempotency) is a new one each time, as a browser gets from each rendering.
   * Reusing the copy's key would make every post after a person's first a replay of it: acknowledged,
   * written once (the bench counted 8,050 such "lost" writes in one run).
   */
  async submit(path, formId, values, { timeoutMs = 30_000, html } = {}) {
    const page = html ?? (await this.get(path, { timeoutMs })).html;
    const fields = formFields(page, formId);
    if (!fields) throw new Error(`no form #${formId} on ${path}`);
    if (html && fields.some(([name]) => name === IDEMPOTENCY_FIELD) && !(IDEMPOTENCY_FIELD in values)) {
      values = { ...values, [IDEMPOTENCY_FIELD]: crypto.randomBytes(16).toString('base64url') };
    }
    const fd = new FormData();
    const given = new Set(Object.keys(values));
    for (const [name, value] of fields) if (!given.has(name)) fd.append(name, value);
    for (const [name, value] of Object.entries(values)) fd.append(name, value);
    const res = await fetch(this.base + path, {
      method: 'POST',
      body: fd,
      headers: { cookie: this.cookieHeader(), origin: this.base },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    this.keep(res);
    const text = await res.text();
    return { status: res.status, location: res.headers.get('location'), html: text };
  }

  async signIn(identifier, password) {
    const r = await this.submit('/login', 'login-form', { identifier, password });
    if (!(r.status >= 300 && r.status < 400) || ![...this.cookies.keys()].some((k) => k.includes('baro.session'))) {
      throw new Error(`sign-in of ${identifier} failed: HTTP ${r.status} ${r.location ?? ''}`);
    }
  }
}
