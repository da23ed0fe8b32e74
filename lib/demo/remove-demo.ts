import fs from 'node:fs';
import type { Db } from '@/db/client';
import { imageFilePath } from '@/lib/learn/images';
import { removeFileIfUnreferencedSync } from '@/lib/media/attach-media';
import { bumpTranslationsVersion, forgetLiveMessages } from '@/lib/translations/live';
import { forgetDemoStatus } from './status';

/**
 * `npm run demo:remove`: deletes the demo accounts (users.is_demo) and what they wrote, so that a site
 * that started as the demo can go live with the people and content it has gained since.
 *
 * What goes, in one transaction:
 * - the demo accounts, their roles, sessions (on any device, and every session of a shared computer a demo
 *   facilitator marked), notifications and preferences, verification and recovery codes, and the
 *   messages queued for them;
 * - what they wrote or did: topics, projects (with everything under them: comments, votes, supports,
 *   revisions, timelines, updates, tallies), comments (with their replies), votes, supports, reports,
 *   meetings they scheduled, registrations, project co-proposals, sanctions they gave or received,
 *   appeals, moderation records of removed content, shared computers they marked, contributions a demo
 *   facilitator entered for someone (the contribution too: it would otherwise pass as self-typed), the
 *   recordings they uploaded and those of removed items (rows, and files no other row uses), co-proposer
 *   invitations, translations of removed topics, translation proposals and reviews, courses and lessons
 *   (with their revisions, pictures, progress, certificates and training sessions), training sessions they
 *   recorded, and the commune settings they set (back to the defaults);
 * - their audit rows (what a fictional account did is not the site's history) and their search entries.
 *
 * What stays: every other account and its content, with the counters it shows (comments, replies,
 * supports, votes, registrations, reports) lowered by what was removed; where a kept row names a demo
 * account as a secondary actor (who granted a role, edited, decided, lifted, registered a participant),
 * that name becomes empty. A kept item a demo moderator hid or settled loses the moderator's name and
 * goes back to the moderation queue; likewise a kept translation a demo reviewer approved or refused goes
 * back to the review queue (the demo's passwords are public: anyone may have reviewed with them), and the
 * live texts are reloaded. A kept meeting about a removed topic or project stays, unlinked.
 *
 * Then one `demo.remove` audit row records the counts. Run from the server's shell: whoever can run it
 * can already write the database, so there is no actor to check.
 */
export type DemoRemoval = Record<
  'users' | 'topics' | 'projects' | 'comments' | 'votes' | 'supports' | 'meetings' | 'moderations' | 'sanctions' | 'recordings' | 'translations' | 'courses' | 'lessons' | 'auditRows',
  number
>;

/**
 * Every column that refers to users.id, and what the removal does with the rows naming a demo account:
 * 'delete' (the row is the demo account's own), 'null' (the row stays, the name goes). A test compares
 * this list with the database's foreign keys, so a new table cannot be forgotten here.
 */
export const USER_REFERENCES = {
  'users.registered_by': 'null',
  'role_grants.user_id': 'delete',
  'role_grants.granted_by': 'null',
  'role_grants.revoked_by': 'null',
  'audit_log.actor_id': 'delete',
  'topics.author_id': 'delete',
  'topic_revisions.editor_id': 'null',
  'topic_phase_changes.actor_id': 'null',
  'votes.user_id': 'delete',
  'comments.author_id': 'delete',
  'comment_supports.user_id': 'delete',
  'notifications.user_id': 'delete',
  'notifications.actor_id': 'null',
  'notification_preferences.user_id': 'delete',
  'moderation_terms.added_by': 'null',
  'projects.author_id': 'delete',
  'projects.answered_by': 'null',
  'project_co_proposers.user_id': 'delete',
  'project_supports.user_id': 'delete',
  'project_revisions.editor_id': 'null',
  'project_status_changes.actor_id': 'null',
  'project_updates.author_id': 'delete',
  'commune_project_settings.updated_by': 'delete',
  'moderations.author_id': 'delete',
  'moderations.hidden_by': 'null',
  'moderations.decided_by': 'null',
  'reports.reporter_id': 'delete',
  'sanctions.user_id': 'delete',
  'sanctions.moderator_id': 'delete',
  'sanctions.lifted_by': 'null',
  'appeals.appellant_id': 'delete',
  'appeals.original_moderator_id': 'null',
  'appeals.decided_by': 'null',
  'moderation_settings.updated_by': 'delete',
  'assisted_contributions.participant_id': 'delete',
  'assisted_contributions.facilitator_id': 'delete',
  'shared_devices.marked_by': 'delete',
  'sessions.user_id': 'delete',
  'meetings.created_by': 'delete',
  'meetings.minutes_by': 'null',
  'meeting_registrations.user_id': 'delete',
  'project_invitations.user_id': 'delete',
  'media.owner_id': 'delete',
  'messages.user_id': 'delete',
  'account_codes.user_id': 'delete',
  'topic_translations.updated_by': 'null',
  'translation_proposals.proposed_by': 'delete',
  'translation_proposals.decided_by': 'null',
  'translation_reviews.reviewer_id': 'delete',
  'courses.author_id': 'delete',
  'course_revisions.editor_id': 'null',
  'lessons.author_id': 'delete',
  'lesson_revisions.editor_id': 'null',
  'lesson_images.uploaded_by': 'delete',
  'lesson_progress.user_id': 'delete',
  'certificates.user_id': 'delete',
  'training_sessions.recorded_by': 'delete',
  'training_participants.user_id': 'delete',
  'idempotency_keys.user_id': 'delete',
} as const satisfies Record<string, 'delete' | 'null'>;

/** The sets of rows that go, computed once into temporary tables (t_*), in dependency order. */
const SELECT_GONE = `
CREATE TEMP TABLE t_users AS SELECT id FROM users WHERE is_demo = 1;
CREATE TEMP TABLE t_projects AS
  SELECT id FROM projects WHERE author_id IN t_users
  UNION SELECT subject_id FROM assisted_contributions WHERE kind = 'project' AND facilitator_id IN t_users;
CREATE TEMP TABLE t_topics AS SELECT id FROM topics WHERE author_id IN t_users;
CREATE TEMP TABLE t_comments AS
  SELECT id FROM comments WHERE author_id IN t_users OR topic_id IN t_topics OR project_id IN t_projects
  UNION SELECT subject_id FROM assisted_contributions WHERE kind = 'comment' AND facilitator_id IN t_users;
-- one level of replies: a reply's parent is always a top-level comment
INSERT INTO t_comments SELECT id FROM comments WHERE parent_id IN t_comments AND id NOT IN t_comments;
CREATE TEMP TABLE t_updates AS SELECT id FROM project_updates WHERE author_id IN t_users OR project_id IN t_projects;
CREATE TEMP TABLE t_meetings AS SELECT id FROM meetings WHERE created_by IN t_users;
CREATE TEMP TABLE t_courses AS SELECT id FROM courses WHERE author_id IN t_users;
CREATE TEMP TABLE t_lessons AS SELECT id, slug FROM lessons WHERE author_id IN t_users OR course_id IN t_courses;
CREATE TEMP TABLE t_trainings AS SELECT id FROM training_sessions WHERE recorded_by IN t_users OR course_id IN t_courses;
CREATE TEMP TABLE t_images AS SELECT id, sha256 FROM lesson_images WHERE uploaded_by IN t_users OR lesson_id IN (SELECT id FROM t_lessons);
CREATE TEMP TABLE t_votes AS
  SELECT v.id FROM votes v WHERE v.user_id IN t_users OR v.topic_id IN t_topics
    OR EXISTS (SELECT 1 FROM assisted_contributions a WHERE a.kind = 'vote' AND a.facilitator_id IN t_users
               AND a.withdrawn_at IS NULL AND a.participant_id = v.user_id AND a.subject_id = v.topic_id);
CREATE TEMP TABLE t_comment_supports AS
  SELECT s.comment_id, s.user_id FROM comment_supports s WHERE s.user_id IN t_users OR s.comment_id IN t_comments
    OR EXISTS (SELECT 1 FROM assisted_contributions a WHERE a.kind = 'comment_support' AND a.facilitator_id IN t_users
               AND a.withdrawn_at IS NULL AND a.participant_id = s.user_id AND a.subject_id = s.comment_id);
CREATE TEMP TABLE t_project_supports AS
  SELECT s.project_id, s.user_id FROM project_supports s WHERE s.user_id IN t_users OR s.project_id IN t_projects
    OR EXISTS (SELECT 1 FROM assisted_contributions a WHERE a.kind = 'project_support' AND a.facilitator_id IN t_users
               AND a.withdrawn_at IS NULL AND a.participant_id = s.user_id AND a.subject_id = s.project_id);
CREATE TEMP TABLE t_registrations AS
  SELECT meeting_id, user_id FROM meeting_registrations WHERE user_id IN t_users OR meeting_id IN t_meetings;
CREATE TEMP TABLE t_media AS
  SELECT id, sha256 FROM media WHERE owner_id IN t_users
    OR (kind = 'comment' AND subject_id IN t_comments) OR (kind = 'project_description' AND subject_id IN t_projects)
    OR (kind IN ('topic_summary', 'decision_summary') AND subject_id IN t_topics) OR (kind = 'meeting_minutes' AND subject_id IN t_meetings)
    OR (kind IN ('lesson', 'quiz_choice') AND subject_id IN (SELECT id FROM t_lessons));
CREATE TEMP TABLE t_moderations AS
  SELECT id FROM moderations WHERE author_id IN t_users
    OR (content_type = 'topic' AND content_id IN t_topics) OR (content_type = 'comment' AND content_id IN t_comments)
    OR (content_type = 'project' AND content_id IN t_projects) OR (content_type = 'update' AND content_id IN t_updates)
    OR (content_type = 'course' AND content_id IN t_courses) OR (content_type = 'lesson' AND content_id IN (SELECT id FROM t_lessons))
    OR (content_type = 'recording' AND content_id IN (SELECT id FROM t_media));
CREATE TEMP TABLE t_reports AS SELECT id FROM reports WHERE reporter_id IN t_users OR moderation_id IN t_moderations;
CREATE TEMP TABLE t_sanctions AS SELECT id FROM sanctions WHERE user_id IN t_users OR moderator_id IN t_users;
CREATE TEMP TABLE t_sanctioned AS SELECT DISTINCT user_id AS id FROM sanctions WHERE id IN t_sanctions AND user_id NOT IN t_users;
CREATE TEMP TABLE t_appeals AS
  SELECT id FROM appeals WHERE appellant_id IN t_users OR moderation_id IN t_moderations OR sanction_id IN t_sanctions;
CREATE TEMP TABLE t_devices AS SELECT id FROM shared_devices WHERE marked_by IN t_users;
CREATE TEMP TABLE t_proposals AS SELECT id FROM translation_proposals WHERE proposed_by IN t_users;
`;

/**
 * Counters of kept rows, lowered by what goes (the same rules as the use cases that raise them). Votes,
 * comment and project supports of verified accounts (0020), meeting registrations (0016), stances and
 * tallies are counted by triggers.
 */
const LOWER_COUNTERS = `
UPDATE topics SET comment_count = max(0, comment_count - (SELECT count(*) FROM comments c
    WHERE c.topic_id = topics.id AND c.id IN t_comments AND c.visibility = 'visible' AND c.deleted_at IS NULL))
  WHERE id NOT IN t_topics AND id IN (SELECT topic_id FROM comments WHERE id IN t_comments);
UPDATE projects SET comment_count = max(0, comment_count - (SELECT count(*) FROM comments c
    WHERE c.project_id = projects.id AND c.id IN t_comments AND c.visibility = 'visible' AND c.deleted_at IS NULL))
  WHERE id NOT IN t_projects AND id IN (SELECT project_id FROM comments WHERE id IN t_comments);
UPDATE comments SET reply_count = max(0, reply_count - (SELECT count(*) FROM comments r
    WHERE r.parent_id = comments.id AND r.id IN t_comments AND r.visibility = 'visible'))
  WHERE id NOT IN t_comments AND id IN (SELECT parent_id FROM comments WHERE id IN t_comments);
UPDATE moderations SET report_count = max(0, report_count - (SELECT count(*) FROM reports r WHERE r.moderation_id = moderations.id AND r.id IN t_reports))
  WHERE id NOT IN t_moderations AND id IN (SELECT moderation_id FROM reports WHERE id IN t_reports);
`;

/**
 * Children before parents; the triggers (0009, 0016, 0020) keep the stance counters, tallies, vote and
 * support counts and meeting registrations.
 */
const DELETE_GONE = `
DELETE FROM search_index WHERE (kind = 'topic' AND ref_id IN t_topics) OR (kind = 'comment' AND ref_id IN t_comments)
  OR (kind = 'project' AND ref_id IN t_projects) OR (kind = 'lesson' AND ref_id IN (SELECT id FROM t_lessons));
DELETE FROM notifications WHERE user_id IN t_users OR topic_id IN t_topics OR comment_id IN t_comments OR project_id IN t_projects
  OR moderation_id IN t_moderations OR appeal_id IN t_appeals OR meeting_id IN t_meetings;
UPDATE notifications SET actor_id = NULL WHERE actor_id IN t_users;
DELETE FROM notification_preferences WHERE user_id IN t_users;
DELETE FROM messages WHERE user_id IN t_users;
DELETE FROM account_codes WHERE user_id IN t_users;
DELETE FROM idempotency_keys WHERE user_id IN t_users;
DELETE FROM media WHERE id IN (SELECT id FROM t_media);
DELETE FROM reports WHERE id IN t_reports;
DELETE FROM appeals WHERE id IN t_appeals;
UPDATE appeals SET original_moderator_id = NULL WHERE original_moderator_id IN t_users;
UPDATE appeals SET decided_by = NULL WHERE decided_by IN t_users;
DELETE FROM sanctions WHERE id IN t_sanctions;
UPDATE sanctions SET lifted_by = NULL WHERE lifted_by IN t_users;
-- a kept account suspended by a demo moderator only is suspended no more
UPDATE users SET suspended_until = NULL WHERE id IN t_sanctioned
  AND NOT EXISTS (SELECT 1 FROM sanctions s WHERE s.user_id = users.id AND s.kind = 'suspension' AND s.lifted_at IS NULL);
DELETE FROM moderations WHERE id IN t_moderations;
UPDATE moderations SET hidden_by = NULL WHERE hidden_by IN t_users;
UPDATE moderations SET decided_by = NULL, decided_at = NULL, outcome = NULL WHERE decided_by IN t_users;
DELETE FROM assisted_contributions WHERE participant_id IN t_users OR facilitator_id IN t_users
  OR (kind IN ('comment', 'comment_support') AND subject_id IN t_comments) OR (kind = 'vote' AND subject_id IN t_topics)
  OR (kind IN ('project', 'project_support') AND subject_id IN t_projects);
DELETE FROM comment_supports WHERE (comment_id, user_id) IN (SELECT comment_id, user_id FROM t_comment_supports);
DELETE FROM comment_revisions WHERE comment_id IN t_comments;
DELETE FROM comments WHERE id IN t_comments;
DELETE FROM votes WHERE id IN t_votes;
DELETE FROM vote_tallies WHERE topic_id IN t_topics;
DELETE FROM project_supports WHERE (project_id, user_id) IN (SELECT project_id, user_id FROM t_project_supports);
DELETE FROM project_co_proposers WHERE user_id IN t_users OR project_id IN t_projects;
DELETE FROM project_invitations WHERE user_id IN t_users OR project_id IN t_projects;
DELETE FROM project_revisions WHERE project_id IN t_projects;
UPDATE project_revisions SET editor_id = NULL WHERE editor_id IN t_users;
DELETE FROM project_status_changes WHERE project_id IN t_projects;
UPDATE project_status_changes SET actor_id = NULL WHERE actor_id IN t_users;
DELETE FROM project_updates WHERE id IN t_updates;
DELETE FROM meeting_attendance WHERE meeting_id IN t_meetings;
DELETE FROM meeting_registrations WHERE (meeting_id, user_id) IN (SELECT meeting_id, user_id FROM t_registrations);
DELETE FROM meetings WHERE id IN t_meetings;
UPDATE meetings SET topic_id = NULL WHERE topic_id IN t_topics;
UPDATE meetings SET project_id = NULL WHERE project_id IN t_projects;
UPDATE meetings SET minutes_by = NULL WHERE minutes_by IN t_users;
DELETE FROM projects WHERE id IN t_projects;
UPDATE projects SET answered_by = NULL WHERE answered_by IN t_users;
DELETE FROM topic_revisions WHERE topic_id IN t_topics;
UPDATE topic_revisions SET editor_id = NULL WHERE editor_id IN t_users;
DELETE FROM training_attendance WHERE session_id IN t_trainings;
DELETE FROM training_participants WHERE user_id IN t_users OR session_id IN t_trainings;
DELETE FROM training_sessions WHERE id IN t_trainings;
DELETE FROM certificates WHERE user_id IN t_users OR course_id IN t_courses;
DELETE FROM lesson_progress WHERE user_id IN t_users OR lesson_id IN (SELECT id FROM t_lessons);
DELETE FROM lesson_images WHERE id IN (SELECT id FROM t_images);
DELETE FROM lesson_revisions WHERE lesson_id IN (SELECT id FROM t_lessons);
UPDATE lesson_revisions SET editor_id = NULL WHERE editor_id IN t_users;
DELETE FROM lessons WHERE id IN (SELECT id FROM t_lessons);
DELETE FROM course_revisions WHERE course_id IN t_courses;
UPDATE course_revisions SET editor_id = NULL WHERE editor_id IN t_users;
DELETE FROM courses WHERE id IN t_courses;
-- links from kept topics to lessons no longer written in any language
DELETE FROM topic_lessons WHERE topic_id IN t_topics
  OR (lesson_slug IN (SELECT slug FROM t_lessons) AND lesson_slug NOT IN (SELECT slug FROM lessons));
DELETE FROM topic_translations WHERE topic_id IN t_topics;
UPDATE topic_translations SET updated_by = NULL WHERE updated_by IN t_users;
DELETE FROM topic_phase_changes WHERE topic_id IN t_topics;
UPDATE topic_phase_changes SET actor_id = NULL WHERE actor_id IN t_users;
DELETE FROM topics WHERE id IN t_topics;
DELETE FROM sessions WHERE user_id IN t_users OR shared_device_id IN t_devices;
DELETE FROM shared_devices WHERE id IN t_devices;
DELETE FROM role_grants WHERE user_id IN t_users;
UPDATE role_grants SET granted_by = NULL WHERE granted_by IN t_users;
UPDATE role_grants SET revoked_by = NULL WHERE revoked_by IN t_users;
UPDATE moderation_terms SET added_by = NULL WHERE added_by IN t_users;
DELETE FROM translation_reviews WHERE reviewer_id IN t_users OR proposal_id IN t_proposals;
DELETE FROM translation_proposals WHERE id IN t_proposals;
-- a kept proposal a demo account approved or refused goes back to review; older decisions keep the text, without the name
UPDATE translation_proposals SET state = 'proposed', decided_at = NULL, decided_by = NULL WHERE decided_by IN t_users AND state IN ('approved', 'rejected');
UPDATE translation_proposals SET decided_by = NULL WHERE decided_by IN t_users;
DELETE FROM commune_project_settings WHERE updated_by IN t_users;
DELETE FROM moderation_settings WHERE updated_by IN t_users;
UPDATE users SET registered_by = NULL WHERE registered_by IN t_users AND id NOT IN t_users;
DELETE FROM audit_log WHERE actor_id IN t_users;
DELETE FROM users WHERE id IN t_users;
`;

/** The statements, for a test that each column of USER_REFERENCES is handled as it says. */
export const REMOVAL_SQL = `${SELECT_GONE}${LOWER_COUNTERS}${DELETE_GONE}`;

const TEMP_TABLES = [
  't_users', 't_projects', 't_topics', 't_comments', 't_updates', 't_meetings', 't_votes', 't_comment_supports', 't_project_supports',
  't_registrations', 't_moderations', 't_reports', 't_sanctions', 't_sanctioned', 't_appeals', 't_devices', 't_media', 't_proposals',
  't_courses', 't_lessons', 't_trainings', 't_images',
];

/**
 * mediaDir: where recordings and lesson pictures are stored (lib/media/config.ts defaultMediaDir); the
 * files of removed ones go after the transaction, each unless another row still uses it (same content,
 * stored once).
 */
export function removeDemoData(db: Db, { mediaDir }: { mediaDir: string }): DemoRemoval {
  const sqlite = db.$client;
  const count = (sql: string) => (sqlite.prepare(sql).pluck().get() as number) ?? 0;
  let files: string[] = [];
  let images: string[] = [];
  const removed = sqlite
    .transaction((): DemoRemoval => {
      for (const t of TEMP_TABLES) sqlite.exec(`DROP TABLE IF EXISTS temp.${t}`);
      sqlite.exec(SELECT_GONE);
      const counts: DemoRemoval = {
        users: count('SELECT count(*) FROM t_users'),
        topics: count('SELECT count(*) FROM t_topics'),
        projects: count('SELECT count(*) FROM t_projects'),
        comments: count('SELECT count(*) FROM t_comments'),
        votes: count('SELECT count(*) FROM t_votes'),
        supports: count('SELECT (SELECT count(*) FROM t_comment_supports) + (SELECT count(*) FROM t_project_supports)'),
        meetings: count('SELECT count(*) FROM t_meetings'),
        moderations: count('SELECT count(*) FROM t_moderations'),
        sanctions: count('SELECT count(*) FROM t_sanctions'),
        recordings: count('SELECT count(*) FROM t_media'),
        translations: count('SELECT count(*) FROM t_proposals'),
        courses: count('SELECT count(*) FROM t_courses'),
        lessons: count('SELECT count(*) FROM t_lessons'),
        auditRows: count('SELECT count(*) FROM audit_log WHERE actor_id IN t_users'),
      };
      files = sqlite.prepare('SELECT DISTINCT sha256 FROM t_media').pluck().all() as string[];
      images = sqlite.prepare('SELECT DISTINCT sha256 FROM t_images').pluck().all() as string[];
      sqlite.exec(LOWER_COUNTERS);
      sqlite.exec(DELETE_GONE);
      for (const t of TEMP_TABLES) sqlite.exec(`DROP TABLE temp.${t}`);
      // Approved texts may have changed: every process reloads its languages (lib/translations/live.ts).
      bumpTranslationsVersion(db);
      sqlite
        .prepare("INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details) VALUES (NULL, 'demo.remove', 'site', NULL, ?)")
        .run(JSON.stringify(counts));
      return counts;
    })
    .immediate();
  forgetDemoStatus(db);
  forgetLiveMessages(db);
  for (const sha of files) removeFileIfUnreferencedSync(db, mediaDir, sha);
  for (const sha of images) {
    if (!sqlite.prepare('SELECT 1 FROM lesson_images WHERE sha256 = ?').get(sha)) fs.rmSync(imageFilePath(mediaDir, sha), { force: true });
  }
  return removed;
}
