// A value list: imported by db/schema.ts, so it imports nothing.

/**
 * pending: uploaded and transcoded, not yet attached to anything (its owner only; swept after a day);
 * held: attached, awaiting moderation; published: anyone may hear it; rejected: refused or hidden by moderation.
 * Only published media is public (lib/permissions.ts, 'media.read').
 */
export const MEDIA_STATES = ['pending', 'held', 'published', 'rejected'] as const;
export type MediaState = (typeof MEDIA_STATES)[number];

/**
 * What a recording is for; subject_id names the row it belongs to once attached: the comment, the project
 * (its voice description), the topic (its summary, or the summary of its decision), the meeting (its
 * minutes), the lesson.
 */
export const MEDIA_KINDS = ['comment', 'project_description', 'topic_summary', 'decision_summary', 'meeting_minutes', 'lesson', 'quiz_choice'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
