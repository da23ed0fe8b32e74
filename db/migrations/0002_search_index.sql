-- Full-text search over public content. remove_diacritics 2: "eau" finds "Eau", "elevage" finds "élevage".
-- Kept in step by triggers, so no use case can forget it; only visible, published content is indexed.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `kind` UNINDEXED,
  `ref_id` UNINDEXED,
  `topic_id` UNINDEXED,
  `title`,
  `body`,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `topics_search_ai` AFTER INSERT ON `topics` BEGIN
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `title`, `body`)
  SELECT 'topic', new.`id`, new.`id`, new.`title`, new.`summary` || ' ' || new.`body` || ' ' || coalesce(new.`location`, '')
  WHERE new.`phase` <> 'draft' AND new.`visibility` = 'visible';
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
  -- ...and brings them back when it becomes public again.
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `title`, `body`)
  SELECT 'comment', c.`id`, c.`topic_id`, '', c.`body` FROM `comments` c
  WHERE c.`topic_id` = new.`id` AND c.`visibility` = 'visible' AND c.`deleted_at` IS NULL
    AND new.`phase` <> 'draft' AND new.`visibility` = 'visible'
    AND (old.`phase` = 'draft' OR old.`visibility` <> 'visible');
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_ai` AFTER INSERT ON `comments` BEGIN
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `title`, `body`)
  SELECT 'comment', new.`id`, new.`topic_id`, '', new.`body`
  WHERE new.`visibility` = 'visible' AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_au` AFTER UPDATE OF `body`, `visibility`, `deleted_at` ON `comments` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'comment' AND `ref_id` = new.`id`;
  INSERT INTO `search_index` (`kind`, `ref_id`, `topic_id`, `title`, `body`)
  SELECT 'comment', new.`id`, new.`topic_id`, '', new.`body`
  WHERE new.`visibility` = 'visible' AND new.`deleted_at` IS NULL;
END;
