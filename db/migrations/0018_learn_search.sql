-- Lessons in full-text search (issue 15). Like topics and projects, only what may be public is indexed:
-- a published lesson that is neither held nor hidden. Whether its course is published too is checked
-- when searching (db/queries/search.ts), so publishing or unpublishing a course touches no index row.
CREATE TRIGGER `lessons_search_ai` AFTER INSERT ON `lessons` BEGIN
  INSERT INTO `search_index` (`kind`, `ref_id`, `title`, `body`)
  SELECT 'lesson', new.`id`, new.`title`, new.`body`
  WHERE new.`state` = 'published' AND new.`visibility` = 'visible';
END;
--> statement-breakpoint
CREATE TRIGGER `lessons_search_au` AFTER UPDATE OF `title`, `body`, `state`, `visibility` ON `lessons` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'lesson' AND `ref_id` = new.`id`;
  INSERT INTO `search_index` (`kind`, `ref_id`, `title`, `body`)
  SELECT 'lesson', new.`id`, new.`title`, new.`body`
  WHERE new.`state` = 'published' AND new.`visibility` = 'visible';
END;
