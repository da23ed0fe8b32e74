/**
 * A URL name from a title: "Comprendre le budget communal" → "comprendre-le-budget-communal". Accents are
 * dropped, anything else than letters and digits becomes a hyphen; at most 60 characters.
 */
export function slugify(title: string): string {
  const s = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return s || 'lecon';
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The first of slug, slug-2, slug-3… that `taken` does not hold. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base.slice(0, 56)}-${i}`;
    if (!taken(candidate)) return candidate;
  }
}

/** Course slugs that are pages of /learn, and lesson slugs that are pages of a course: never given to content. */
export const RESERVED_COURSE_SLUGS = ['manage', 'progress'];
export const RESERVED_LESSON_SLUGS = ['certificate'];
