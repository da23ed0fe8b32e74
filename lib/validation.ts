import { z } from 'zod';
import { invalid, type Failure, type FieldErrors } from './errors';

/**
 * Parses input with a strict zod schema. Issue messages are message keys ("Errors.*"),
 * so the app translates them; zod's own English text is never shown.
 */
export function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | Failure {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, data: r.data };
  return invalid(toFieldErrors(r.error));
}

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_form';
    if (out[field]) continue;
    out[field] = isMessageKey(issue.message) ? issue.message : defaultKey(issue);
  }
  return out;
}

function isMessageKey(m: string): boolean {
  return /^[a-z][a-zA-Z]*$/.test(m);
}

function defaultKey(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.minimum === 1 ? 'required' : 'tooShort';
    case 'too_big':
      return 'tooLong';
    case 'unrecognized_keys':
      return 'unknownField';
    case 'invalid_value':
      return 'invalidChoice';
    default:
      return 'invalid';
  }
}

/** Form fields arrive as strings; an empty field means "not given". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .transform((v) => (v === '' ? undefined : v))
    .optional();

export const requiredText = (min: number, max: number) =>
  z.string().trim().min(1, 'required').min(min, 'tooShort').max(max, 'tooLong');

/** An integer id from a form or URL; anything else is invalid, never a crash. */
export const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
