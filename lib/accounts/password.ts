import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import localList from './common-passwords.json';

/** OWASP's argon2id floor: m=19 MiB, t=2, p=1. Algorithm 2 = Argon2id (const enum in the typings). */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  // ~49k leaked passwords (zxcvbn-ts) + a local list of French and Malian favourites.
  common ??= new Set([...(dictionary['passwords-common'] as string[]), ...(localList as string[])]);
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let verifications = 0;
/** How many argon2 checks this process has run: the throttle's tests count them. */
export const verificationCount = () => verifications;

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the account does not exist, so timing does not reveal it. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('baro-dummy-password-for-timing');
  return dummy;
}
