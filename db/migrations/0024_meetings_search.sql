-- Public debates (meetings) in full-text search (issue 17 §8): title, agenda, place and minutes. Every
-- meeting is public (lib/meetings/views.ts); a cancelled one leaves the index. The meeting's id is the
-- row's ref_id (topic_id and project_id stay empty): lib/search/queries.ts joins it to meetings.
INSERT INTO `search_index` (`kind`, `ref_id`, `title`, `body`)
SELECT 'meeting', m.`id`, m.`title`, m.`agenda` || ' ' || m.`place` || ' ' || coalesce(m.`minutes`, '')
FROM `meetings` m WHERE m.`cancelled_at` IS NULL;
--> statement-breakpoint
CREATE TRIGGER `meetings_search_ai` AFTER INSERT ON `meetings` BEGIN
  INSERT INTO `search_index` (`kind`, `ref_id`, `title`, `body`)
  SELECT 'meeting', new.`id`, new.`title`, new.`agenda` || ' ' || new.`place` || ' ' || coalesce(new.`minutes`, '')
  WHERE new.`cancelled_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_search_au` AFTER UPDATE OF `title`, `agenda`, `place`, `minutes`, `cancelled_at` ON `meetings` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'meeting' AND `ref_id` = new.`id`;
  INSERT INTO `search_index` (`kind`, `ref_id`, `title`, `body`)
  SELECT 'meeting', new.`id`, new.`title`, new.`agenda` || ' ' || new.`place` || ' ' || coalesce(new.`minutes`, '')
  WHERE new.`cancelled_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_search_ad` AFTER DELETE ON `meetings` BEGIN
  DELETE FROM `search_index` WHERE `kind` = 'meeting' AND `ref_id` = old.`id`;
END;
