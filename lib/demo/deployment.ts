/**
 * Why `npm start` must not serve, or null: a site on an https PUBLIC_URL is a real deployment, and the
 * demo accounts' passwords are printed in README. The message says how to fix it.
 */
export function startRefusal(publicUrl: string | undefined, demoAccounts: boolean): string | null {
  if (!demoAccounts || !publicUrl || !/^https:\/\//i.test(publicUrl.trim())) return null;
  return [
    `[baro] Not serving: PUBLIC_URL is ${publicUrl.trim()}, a real deployment, but the database holds the demo`,
    '       accounts, whose passwords are public (README). Either:',
    '       - keep this database: create your administrator with `npm run admin:create`, then delete the demo',
    '         accounts and everything they wrote with `npm run demo:remove`, and start again; or',
    '       - start on a new database without demo data: `DEMO=false DATABASE_PATH=data/<new file>.db npm start`,',
    '         then `npm run admin:create`.',
    '       To try the demo instead, leave PUBLIC_URL unset or give an http:// address.',
  ].join('\n');
}
