import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { loadMessages, withFallback } from '@/lib/i18n/messages';
import { GENDERS, PREFERRED_LANGUAGES } from '@/db/schema';
import { ROLE_NAMES } from '@/lib/permissions';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';
import globalErrorMessages from '@/app/global-error-messages.json';

type Tree = { [k: string]: string | Tree };

/** Every leaf of a message tree, as "Namespace.key" → text. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    if (v !== null && typeof v === 'object') for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(prefix + k, v);
  }
  return out;
}

/**
 * The argument names of an ICU message: "{name}", "{n, plural, one {# x} other {…}}".
 * Option bodies ("one {# minute}") are messages, not arguments; quoted braces ('{') are text.
 */
function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let i = 0;

  const skipSpace = () => {
    while (i < message.length && /\s/.test(message[i]!)) i++;
  };
  const readUntil = (stops: string) => {
    const start = i;
    while (i < message.length && !stops.includes(message[i]!)) i++;
    return message.slice(start, i).trim();
  };

  // Reads text until an unmatched "}" (left in place) or the end.
  function body(): void {
    while (i < message.length) {
      const c = message[i]!;
      if (c === "'" && message[i + 1] === "'") i += 2;
      else if (c === "'" && '{}#'.includes(message[i + 1] ?? '')) {
        const close = message.indexOf("'", i + 1);
        i = close === -1 ? message.length : close + 1;
      } else if (c === '{') {
        i++;
        argument();
      } else if (c === '}') return;
      else i++;
    }
  }

  // After "{": name [, type [, style | options]] "}"
  function argument(): void {
    names.add(readUntil(',}'));
    if (message[i] === '}') return void i++;
    i++;
    const type = readUntil(',}');
    if (message[i] === '}') return void i++;
    i++;
    if (['plural', 'select', 'selectordinal'].includes(type)) {
      for (;;) {
        skipSpace();
        if (i >= message.length) throw new Error(`Unclosed argument in: ${message}`);
        if (message[i] === '}') return void i++;
        readUntil('{ \t\n');
        skipSpace();
        if (message[i] !== '{') continue; // "offset:1"
        i++;
        body();
        i++;
      }
    }
    readUntil('}');
    i++;
  }

  body();
  if (i < message.length) throw new Error(`Unbalanced "}" in: ${message}`);
  return [...names].sort();
}

const frLeaves = leaves(fr);
const enLeaves = leaves(en);

describe('message files', () => {
  it('English has exactly the keys French has, no more, no fewer', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...frLeaves.keys()].sort());
    expect(frLeaves.size).toBeGreaterThan(50);
  });

  it('no message is empty or anything other than text', () => {
    for (const [file, tree] of [['fr', frLeaves], ['en', enLeaves]] as const) {
      const bad = [...tree].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${file}:${k}`);
      expect(bad).toEqual([]);
    }
  });

  it('the placeholder reader finds arguments, not plural options', () => {
    expect(icuArguments('Bonjour {name} !')).toEqual(['name']);
    expect(icuArguments('Dans {minutes, plural, one {# minute} other {# minutes}}.')).toEqual(['minutes']);
    expect(icuArguments("{g, select, woman {elle, {name}} other {'{'il'}'}}")).toEqual(['g', 'name']);
    expect(icuArguments('Rien ici')).toEqual([]);
  });

  it('every message uses the same placeholders in English as in French', () => {
    const mismatched = [...frLeaves]
      .map(([key, text]) => ({ key, fr: icuArguments(String(text)), en: icuArguments(String(enLeaves.get(key) ?? '')) }))
      .filter((m) => m.fr.join() !== m.en.join());
    expect(mismatched).toEqual([]);
  });

  it('every message formats in both languages with its placeholders filled', () => {
    for (const [locale, messages, tree] of [['fr', fr, frLeaves], ['en', en, enLeaves]] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages, onError: (e) => errors.push(e.message) });
      for (const key of tree.keys()) {
        const values = Object.fromEntries(icuArguments(String(frLeaves.get(key))).map((a) => [a, 3]));
        const text = (t as unknown as (k: string, v: object) => string)(key, values);
        expect(text, `${locale}:${key}`).not.toMatch(/[{}]/);
      }
      expect(errors).toEqual([]);
    }
  });

  it('the rate-limit message counts minutes correctly in both languages', () => {
    const tFr = createTranslator({ locale: 'fr', messages: fr, namespace: 'Errors' });
    const tEn = createTranslator({ locale: 'en', messages: en, namespace: 'Errors' });
    expect(tFr('rateLimited', { minutes: 1 })).toContain('1 minute.');
    expect(tFr('rateLimited', { minutes: 15 })).toContain('15 minutes');
    expect(tEn('rateLimited', { minutes: 15 })).toContain('15 minutes');
  });

  it('every error a use case can return has a French and an English text', () => {
    const keys = [
      'required', 'tooShort', 'tooLong', 'invalid', 'invalidChoice', 'unknownField', 'invalidCharacters',
      'nameNeedsLetter', 'phoneInvalid', 'emailInvalid', 'identifierRequired', 'phoneTaken', 'emailTaken',
      'passwordTooShort', 'passwordTooLong', 'passwordCommon', 'passwordUnchanged', 'currentPasswordWrong',
      'birthYearRange', 'communeRequired', 'spaceRequired', 'titleRequired', 'alreadyGranted', 'badCredentials',
      'rateLimited', 'forbidden', 'notFound', 'checkFields', 'unexpected',
    ];
    expect(keys.filter((k) => !frLeaves.has(`Errors.${k}`) || !enLeaves.has(`Errors.${k}`))).toEqual([]);
  });

  it('every role, gender and language a person can have has a label', () => {
    const missing = [
      ...ROLE_NAMES.map((r) => `Roles.${r}`),
      ...GENDERS.map((g) => `Genders.${g}`),
      ...PREFERRED_LANGUAGES.map((l) => `Languages.${l}`),
    ].filter((k) => !frLeaves.has(k) || !enLeaves.has(k));
    expect(missing).toEqual([]);
  });

  it('the last-resort error page says what the ErrorPage messages say', () => {
    expect(globalErrorMessages).toEqual({ fr: fr.ErrorPage, en: en.ErrorPage });
  });
});

describe('falling back to French', () => {
  const base: Tree = { A: { hello: 'Bonjour', bye: 'Au revoir' }, B: { deep: { x: 'x-fr' } }, top: 'Haut' };

  it('a missing key, an empty text or a missing namespace shows the French text', () => {
    expect(withFallback({ A: { hello: 'I ni ce', bye: '' } }, base)).toEqual({
      A: { hello: 'I ni ce', bye: 'Au revoir' },
      B: { deep: { x: 'x-fr' } },
      top: 'Haut',
    });
  });

  it('keys French does not have are dropped, and a wrong shape never replaces a namespace', () => {
    expect(withFallback({ extra: 'zzz', A: 'not a namespace', top: { nested: 'no' } } as unknown as Tree, base)).toEqual(
      base,
    );
  });

  it('an untranslated language (Bambara) is served entirely in French, English entirely in English', async () => {
    expect(await loadMessages('bm')).toEqual(fr);
    expect(await loadMessages('en')).toEqual(en);
    expect(await loadMessages('fr')).toBe(fr);
  });
});
