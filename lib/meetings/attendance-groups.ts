import { AGE_BANDS } from '../stats/age-bands';

/**
 * The groups a facilitator counts people in after a meeting (no names): gender as stated, and the age
 * bands of every other figure. Owned here; db/schema.ts imports them.
 */
export const ATTENDANCE_GENDERS = ['woman', 'man', 'unspecified'] as const;
export type AttendanceGender = (typeof ATTENDANCE_GENDERS)[number];
export const ATTENDANCE_AGE_BANDS = AGE_BANDS;
export type AttendanceAgeBand = (typeof ATTENDANCE_AGE_BANDS)[number];
