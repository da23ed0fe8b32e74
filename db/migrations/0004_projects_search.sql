-- Citizen projects in full-text search. The comments table was rebuilt by 0003 (topic_id became
-- nullable, project_id added), which dropped the comment triggers of 0002: they are recreated here.
-- The index gains a project_id column, so it is rebuilt from the public content.
DROP TABLE `search_index`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `kind` UNINDEXED,
  `ref_id` UNINDEXED,
  `topic_id` UNINDEXED,
  `title`,
  `body`,
  `project_id` UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `title`, `body`)
SELECT 'topic', t.`id`, t.`id`, t.`title`, t.`summary` || ' ' || t.`body` || ' ' || coalesce(t.`location`, '') || ' ' || coalesce(t.`decision`, '')
FROM `topics` t WHERE t.`phase` <> 'draft' AND t.`visibility` = 'visible';
--> statement-breakpoint
INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `title`, `body`)
SELECT 'comment', c.`id`, c.`topic_id`, '', c.`body` FROM `comments` c JOIN `topics` t ON t.`id` = c.`topic_id`
WHERE c.`visibility` = 'visible' AND c.`deleted_at` IS NULL AND t.`phase` <> 'draft' AND t.`visibility` = 'visible';
--> statement-breakpoint
CREATE TRIGGER `topics_search_au` AFTER UPDATE OF `title`, `summary`, `body`, `location`, `decision`, `phase`, `visibility` ON `topics` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'topic' AND `ref_id` = new.`id`;
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `title`, `body`)
  SELECT 'topic', new.`id`, new.`id`, new.`title`, new.`summary` || ' ' || new.`body` || ' ' || coalesce(new.`location`, '') || ' ' || coalesce(new.`decision`, '')
  WHERE new.`phase` <> 'draft' AND new.`visibility` = 'visible';
  -- A topic going back to draft or hidden takes its comments out of search with it.
  DELETE FROM `search_index` WHERE `kind` = 'comment' AND `topic_id` = new.`id`
    AND (new.`phase` = 'draft' OR new.`visibility` <> 'visible');
  -- ...and brings them back when it becomes public again.
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `title`, `body`)
  SELECT 'comment', c.`id`, c.`topic_id`, '', c.`body` FROM `comments` c
  WHERE c.`topic_id` = new.`id` AND c.`visibility` = 'visible' AND c.`deleted_at` IS NULL
    AND new.`phase` <> 'draft' AND new.`visibility` = 'visible'
    AND (old.`phase` = 'draft' OR old.`visibility` <> 'visible');
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_ai` AFTER INSERT ON `comments` BEGIN
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `project_id`, `title`, `body`)
  SELECT 'comment', new.`id`, new.`topic_id`, new.`project_id`, '', new.`body`
  WHERE new.`visibility` = 'visible' AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_au` AFTER UPDATE OF `body`, `visibility`, `deleted_at` ON `comments` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'comment' AND `ref_id` = new.`id`;
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `project_id`, `title`, `body`)
  SELECT 'comment', new.`id`, new.`topic_id`, new.`project_id`, '', new.`body`
  WHERE new.`visibility` = 'visible' AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_search_ai` AFTER INSERT ON `projects` BEGIN
  INSERT INTO `search_index` (`kind`, `ref_id`, `project_id`, `title`, `body`)
  SELECT 'project', new.`id`, new.`id`, new.`title`,
    new.`problem` || ' ' || new.`solution` || ' ' || new.`location` || ' ' || coalesce(new.`on_behalf_of`, '')
  WHERE new.`status` <> 'draft' AND new.`visibility` = 'visible';
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
  -- ...and brings them back when it becomes public again.
  INSERT INTO `search_index` (`kind`, `ref_id`, `project_id`, `title`, `body`)
  SELECT 'comment', c.`id`, c.`project_id`, '', c.`body` FROM `comments` c
  WHERE c.`project_id` = new.`id` AND c.`visibility` = 'visible' AND c.`deleted_at` IS NULL
    AND new.`status` <> 'draft' AND new.`visibility` = 'visible' AND old.`visibility` <> 'visible';
END;
