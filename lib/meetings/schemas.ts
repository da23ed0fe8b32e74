import { z } from 'zod';
import { ATTENDANCE_AGE_BANDS, ATTENDANCE_GENDERS } from './attendance-groups';
import { dateTime } from '@/lib/topics/schemas';
import { idParam, requiredText } from '@/lib/validation';

/** "" (not linked) or an id. */
const optionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), idParam.optional());

const meetingFields = {
  title: requiredText(5, 140),
  /** Mali is UTC+0: the time typed is the time stored */
  startsAt: dateTime,
  place: requiredText(3, 200),
  /** plain text or Markdown (rendered through lib/markdown.ts) */
  agenda: requiredText(10, 10_000),
  topicId: optionalId,
  projectId: optionalId,
};

/** A meeting is about one topic, or one project, or neither (a general debate): never both. */
function oneSubject(v: { topicId?: number; projectId?: number }, ctx: z.RefinementCtx) {
  if (v.topicId && v.projectId) ctx.addIssue({ code: 'custom', message: 'meetingOneSubject', path: ['projectId'] });
}

export const scheduleMeetingSchema = z.strictObject({ spaceId: idParam, ...meetingFields }).superRefine(oneSubject);
export const updateMeetingSchema = z.strictObject({ meetingId: idParam, ...meetingFields }).superRefine(oneSubject);
export const cancelMeetingSchema = z.strictObject({ meetingId: idParam });
export const registrationSchema = z.strictObject({ meetingId: idParam, intent: z.enum(['register', 'unregister'], 'invalidChoice') });

/** Age bands as form field names can carry them ("36+" is not a friendly name or id). */
export const BAND_FIELD: Record<(typeof ATTENDANCE_AGE_BANDS)[number], string> = {
  '15-24': '15_24',
  '25-35': '25_35',
  '36+': '36plus',
  unknown: 'unknown',
};

/** The attendance grid's cells: one form field per gender × age band, "att_woman_15_24" … */
export const ATTENDANCE_CELLS = ATTENDANCE_GENDERS.flatMap((gender) =>
  ATTENDANCE_AGE_BANDS.map((ageBand) => ({ gender, ageBand, field: `att_${gender}_${BAND_FIELD[ageBand]}` })),
);

/** A meeting room holds hundreds, not thousands: a bigger figure is a typing mistake. */
export const MAX_ATTENDANCE_CELL = 5000;

/** How many people of one group attended: a whole number from 0 to MAX_ATTENDANCE_CELL; empty = 0. */
export const attendanceCount = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    const s = v ?? '';
    if (s === '') return 0;
    if (/^-\s*\d/.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'attendanceNegative' });
      return z.NEVER;
    }
    if (!/^\d{1,9}$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'attendanceWhole' });
      return z.NEVER;
    }
    const n = Number(s);
    if (n > MAX_ATTENDANCE_CELL) {
      ctx.addIssue({ code: 'custom', message: 'attendanceTooLarge' });
      return z.NEVER;
    }
    return n;
  });

export const minutesSchema = z.strictObject({
  meetingId: idParam,
  minutes: requiredText(10, 20_000),
  ...Object.fromEntries(ATTENDANCE_CELLS.map((c) => [c.field, attendanceCount])),
} as { meetingId: typeof idParam; minutes: ReturnType<typeof requiredText> } & Record<string, typeof attendanceCount>);
