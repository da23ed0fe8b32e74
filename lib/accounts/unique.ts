/** Which identifier a SQLite UNIQUE failure on users was about, if any. */
export function uniqueViolation(e: unknown): 'phone' | 'email' | null {
  const msg = e instanceof Error ? e.message : '';
  const code = (e as { code?: string } | null)?.code;
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && !msg.includes('UNIQUE constraint failed')) return null;
  if (msg.includes('users.phone')) return 'phone';
  if (msg.includes('users.email')) return 'email';
  return null;
}
