import type { Db } from '@/db/client';
import type { Actor } from '@/lib/permissions';
import type { LearnContext } from '@/lib/learn/load';
import { quizField } from '@/lib/learn/quiz';

export const NOW = new Date('2027-03-10T09:00:00.000Z');

export const ctxOf = (db: Db, actor: Actor | null, now = NOW): LearnContext => ({ db, actor, now });

/** A course form as the browser sends it. */
export function courseForm(fields: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Le marché et vous',
    summary: 'Comment le marché de la commune est organisé, qui le gère et comment donner votre avis.',
    communeId: '',
    language: 'fr',
    slug: '',
    ...fields,
  };
}

/** A quiz of 3 questions whose right answers are the given choices (0-based), as form fields. */
export function quizFields(correct: number[] = [0, 1, 0]): Record<string, string> {
  const out: Record<string, string> = {};
  correct.forEach((c, k) => {
    const i = k + 1;
    out[quizField.question(i)] = `Question numéro ${i} sur le marché ?`;
    out[quizField.explanation(i)] = `Explication de la question ${i}.`;
    out[quizField.choice(i, 1)] = `Première réponse ${i}`;
    out[quizField.choice(i, 2)] = `Deuxième réponse ${i}`;
    out[quizField.choice(i, 3)] = `Troisième réponse ${i}`;
    out[quizField.correct(i)] = String(c + 1);
  });
  return out;
}

export function lessonForm(courseId: number, fields: Record<string, string> = {}): Record<string, string> {
  return {
    courseId: String(courseId),
    title: 'Qui gère le marché',
    slug: '',
    body: 'Le marché appartient à la commune. Le conseil communal fixe les taxes du marché. Un régisseur les perçoit pour la commune. Les vendeuses peuvent demander à voir les comptes du marché à la mairie.',
    ...quizFields(),
    ...fields,
  };
}
