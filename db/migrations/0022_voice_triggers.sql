-- Issue 13, rules kept by triggers. 1) The transcript a moderator adds to a voice comment is searchable with the comment's text.
-- The comment rows of the index are rebuilt by the same rules as migration 0004 (only visible, not
-- deleted comments; hidden or draft subjects are filtered at search time or taken out by their own
-- triggers), their body now followed by the transcript of the comment's recording, if any.
DROP TRIGGER IF EXISTS `comments_search_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `comments_search_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `topics_search_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `projects_search_au`;
--> statement-breakpoint
CREATE TRIGGER `comments_search_ai` AFTER INSERT ON `comments` BEGIN
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `project_id`, `title`, `body`)
  SELECT 'comment', new.`id`, new.`topic_id`, new.`project_id`, '',
    new.`body` || coalesce((SELECT ' ' || m.`transcript` FROM `media` m WHERE m.`kind` = 'comment' AND m.`subject_id` = new.`id` AND m.`transcript` IS NOT NULL LIMIT 1), '')
  WHERE new.`visibility` = 'visible' AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_au` AFTER UPDATE OF `body`, `visibility`, `deleted_at` ON `comments` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'comment' AND `ref_id` = new.`id`;
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `project_id`, `title`, `body`)
  SELECT 'comment', new.`id`, new.`topic_id`, new.`project_id`, '',
    new.`body` || coalesce((SELECT ' ' || m.`transcript` FROM `media` m WHERE m.`kind` = 'comment' AND m.`subject_id` = new.`id` AND m.`transcript` IS NOT NULL LIMIT 1), '')
  WHERE new.`visibility` = 'visible' AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `media_transcript_search_au` AFTER UPDATE OF `transcript`, `subject_id` ON `media` WHEN new.`kind` = 'comment' AND new.`subject_id` IS NOT NULL BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'comment' AND `ref_id` = new.`subject_id`;
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `project_id`, `title`, `body`)
  SELECT 'comment', c.`id`, c.`topic_id`, c.`project_id`, '', c.`body` || coalesce(' ' || new.`transcript`, '')
  FROM `comments` c WHERE c.`id` = new.`subject_id` AND c.`visibility` = 'visible' AND c.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `topics_search_au` AFTER UPDATE OF `title`, `summary`, `body`, `location`, `decision`, `phase`, `visibility` ON `topics` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'topic' AND `ref_id` = new.`id`;
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `title`, `body`)
  SELECT 'topic', new.`id`, new.`id`, new.`title`, new.`summary` || ' ' || new.`body` || ' ' || coalesce(new.`location`, '') || ' ' || coalesce(new.`decision`, '')
  WHERE new.`phase` <> 'draft' AND new.`visibility` = 'visible';
  -- A topic going back to draft or hidden takes its comments out of search with it.
  DELETE FROM `search_index` WHERE `kind` = 'comment' AND `topic_id` = new.`id`
    AND (new.`phase` = 'draft' OR new.`visibility` <> 'visible');
  -- ...and brings them back (with their transcripts) when it becomes public again.
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `title`, `body`)
  SELECT 'comment', c.`id`, c.`topic_id`, '',
    c.`body` || coalesce((SELECT ' ' || m.`transcript` FROM `media` m WHERE m.`kind` = 'comment' AND m.`subject_id` = c.`id` AND m.`transcript` IS NOT NULL LIMIT 1), '')
  FROM `comments` c
  WHERE c.`topic_id` = new.`id` AND c.`visibility` = 'visible' AND c.`deleted_at` IS NULL
    AND new.`phase` <> 'draft' AND new.`visibility` = 'visible'
    AND (old.`phase` = 'draft' OR old.`visibility` <> 'visible');
END;
--> statement-breakpoint
CREATE TRIGGER `projects_search_au` AFTER UPDATE OF `title`, `problem`, `solution`, `location`, `on_behalf_of`, `answer`, `status`, `visibility` ON `projects` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'project' AND `ref_id` = new.`id`;
  INSERT INTO `search_index` (`kind`, `ref_id`, `project_id`, `title`, `body`)
  SELECT 'project', new.`id`, new.`id`, new.`title`,
    new.`problem` || ' ' || new.`solution` || ' ' || new.`location` || ' ' || coalesce(new.`on_behalf_of`, '') || ' ' || coalesce(new.`answer`, '')
  WHERE new.`status` <> 'draft' AND new.`visibility` = 'visible';
  -- A project hidden by moderation takes its comments out of search with it...
  DELETE FROM `search_index` WHERE `kind` = 'comment' AND `project_id` = new.`id` AND new.`visibility` <> 'visible';
  -- ...and brings them back (with their transcripts) when it becomes public again.
  INSERT INTO `search_index` (`kind`, `ref_id`, `project_id`, `title`, `body`)
  SELECT 'comment', c.`id`, c.`project_id`, '',
    c.`body` || coalesce((SELECT ' ' || m.`transcript` FROM `media` m WHERE m.`kind` = 'comment' AND m.`subject_id` = c.`id` AND m.`transcript` IS NOT NULL LIMIT 1), '')
  FROM `comments` c
  WHERE c.`project_id` = new.`id` AND c.`visibility` = 'visible' AND c.`deleted_at` IS NULL
    AND new.`status` <> 'draft' AND new.`visibility` = 'visible' AND old.`visibility` <> 'visible';
END;
--> statement-breakpoint
-- Issue 13: a recording follows what it belongs to, so /media/<id>.webm is public exactly when its subject
-- is (lib/media/access.ts serves 'published' recordings to anyone). A voice comment: published while the
-- comment is visible and not deleted, held while it is held, rejected once hidden or deleted.
CREATE TRIGGER `comments_media_state_au` AFTER UPDATE OF `visibility`, `deleted_at` ON `comments` BEGIN
  UPDATE `media` SET
    `state` = CASE WHEN new.`deleted_at` IS NOT NULL OR new.`visibility` = 'hidden' THEN 'rejected'
                   WHEN new.`visibility` = 'held' THEN 'held' ELSE 'published' END,
    `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE `kind` = 'comment' AND `subject_id` = new.`id` AND `state` <> 'pending';
END;
--> statement-breakpoint
-- Spoken summaries of a topic and of its decision: public while the topic is (out of draft, visible),
-- unless moderation holds or hid the recording itself (a 'recording' moderation item).
CREATE TRIGGER `topics_media_state_au` AFTER UPDATE OF `phase`, `visibility` ON `topics` BEGIN
  UPDATE `media` SET
    `state` = CASE WHEN new.`phase` <> 'draft' AND new.`visibility` = 'visible' THEN 'published' ELSE 'held' END,
    `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE `kind` IN ('topic_summary', 'decision_summary') AND `subject_id` = new.`id` AND `state` IN ('held', 'published')
    AND NOT EXISTS (SELECT 1 FROM `moderations` mo WHERE mo.`content_type` = 'recording' AND mo.`content_id` = `media`.`id` AND mo.`state` <> 'visible');
END;
--> statement-breakpoint
-- A project's voice description: public while the project is (submitted, visible), unless moderation holds
-- or hid the recording itself.
CREATE TRIGGER `projects_media_state_au` AFTER UPDATE OF `status`, `visibility` ON `projects` BEGIN
  UPDATE `media` SET
    `state` = CASE WHEN new.`status` <> 'draft' AND new.`visibility` = 'visible' THEN 'published' ELSE 'held' END,
    `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE `kind` = 'project_description' AND `subject_id` = new.`id` AND `state` IN ('held', 'published')
    AND NOT EXISTS (SELECT 1 FROM `moderations` mo WHERE mo.`content_type` = 'recording' AND mo.`content_id` = `media`.`id` AND mo.`state` <> 'visible');
END;
