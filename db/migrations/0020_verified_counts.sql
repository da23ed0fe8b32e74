-- Issue 12 §2: accounts that existed before verification are asked to verify at their next sign-in,
-- except participants a facilitator registered in person at a space (verified by that act) and the demo
-- accounts of db/seed.ts (README), which are seeded verified.
UPDATE `users` SET `verified_at` = `created_at`, `verified_via` = 'in_person' WHERE `registered_at_space_id` IS NOT NULL;--> statement-breakpoint
-- The demo accounts are recognised by their name and their phone or address together (a real person who
-- happened to register one of these numbers under another name stays unverified).
UPDATE `users` SET `verified_at` = `created_at`, `verified_via` = 'seed'
 WHERE `verified_at` IS NULL
   AND ((`display_name`, coalesce(`phone`, `email`)) IN (VALUES
         ('Awa Traoré', '+22376000001'), ('Moussa Diarra', '+22376000002'), ('Fanta Sissoko', '+22376000003'),
         ('Bakary Diallo', '+22376000004'), ('Mariam Coulibaly', 'hydraulique.kayes@baro.ml'),
         ('Kadiatou Keïta', 'moderation@baro.ml'), ('Sira Camara', 'moderation.nioro@baro.ml'),
         ('Administration Baro', 'admin@baro.ml')));--> statement-breakpoint
-- Issue 12 §4: votes and supports count from verified accounts only. The tallies (0010), topics'
-- vote counts and the support counts of projects (0016) and comments are kept by the triggers below, for
-- verified accounts only, and follow an account that becomes verified or stops being so (a new phone
-- number). Rows of unverified accounts stay in votes and *_supports and count again once verified.
DROP TRIGGER `votes_tally_ai`;--> statement-breakpoint
DROP TRIGGER `project_supports_count_ai`;--> statement-breakpoint
DROP TRIGGER `project_supports_count_ad`;--> statement-breakpoint
DROP TRIGGER `project_supports_count_au`;--> statement-breakpoint
DROP TRIGGER `votes_tally_ad`;--> statement-breakpoint
DROP TRIGGER `votes_tally_au`;--> statement-breakpoint
DROP TRIGGER `users_tally_commune_au`;--> statement-breakpoint
DELETE FROM `vote_tallies`;--> statement-breakpoint
INSERT INTO `vote_tallies` (`topic_id`, `choice`, `commune_id`, `n`)
SELECT v.`topic_id`, v.`choice`, u.`commune_id`, count(*) FROM `votes` v JOIN `users` u ON u.`id` = v.`user_id`
 WHERE u.`verified_at` IS NOT NULL
 GROUP BY v.`topic_id`, v.`choice`, u.`commune_id`;--> statement-breakpoint
UPDATE `topics` SET `vote_count` = (SELECT count(*) FROM `votes` v JOIN `users` u ON u.`id` = v.`user_id`
 WHERE v.`topic_id` = `topics`.`id` AND u.`verified_at` IS NOT NULL);--> statement-breakpoint
UPDATE `projects` SET `support_count` = (SELECT count(*) FROM `project_supports` s JOIN `users` u ON u.`id` = s.`user_id`
 WHERE s.`project_id` = `projects`.`id` AND u.`verified_at` IS NOT NULL);--> statement-breakpoint
UPDATE `comments` SET `support_count` = (SELECT count(*) FROM `comment_supports` s JOIN `users` u ON u.`id` = s.`user_id`
 WHERE s.`comment_id` = `comments`.`id` AND u.`verified_at` IS NOT NULL);--> statement-breakpoint
CREATE TRIGGER `votes_tally_ai` AFTER INSERT ON `votes`
WHEN (SELECT `verified_at` FROM `users` WHERE `id` = NEW.`user_id`) IS NOT NULL BEGIN
  INSERT INTO `vote_tallies` (`topic_id`, `choice`, `commune_id`, `n`)
  VALUES (NEW.`topic_id`, NEW.`choice`, (SELECT `commune_id` FROM `users` WHERE `id` = NEW.`user_id`), 1)
  ON CONFLICT (`topic_id`, `choice`, `commune_id`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `votes_tally_ad` AFTER DELETE ON `votes`
WHEN (SELECT `verified_at` FROM `users` WHERE `id` = OLD.`user_id`) IS NOT NULL BEGIN
  UPDATE `vote_tallies` SET `n` = `n` - 1
  WHERE `topic_id` = OLD.`topic_id` AND `choice` = OLD.`choice`
    AND `commune_id` = (SELECT `commune_id` FROM `users` WHERE `id` = OLD.`user_id`);
END;--> statement-breakpoint
CREATE TRIGGER `votes_tally_au` AFTER UPDATE OF `topic_id`, `choice`, `user_id` ON `votes` BEGIN
  UPDATE `vote_tallies` SET `n` = `n` - 1
  WHERE `topic_id` = OLD.`topic_id` AND `choice` = OLD.`choice`
    AND `commune_id` = (SELECT `commune_id` FROM `users` WHERE `id` = OLD.`user_id` AND `verified_at` IS NOT NULL);
  INSERT INTO `vote_tallies` (`topic_id`, `choice`, `commune_id`, `n`)
  SELECT NEW.`topic_id`, NEW.`choice`, u.`commune_id`, 1 FROM `users` u WHERE u.`id` = NEW.`user_id` AND u.`verified_at` IS NOT NULL
  ON CONFLICT (`topic_id`, `choice`, `commune_id`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
-- A verified voter who moves to another commune takes their votes along (the tally reads the current
-- commune). A move made in the same statement as a change of verification is counted by the triggers below.
CREATE TRIGGER `users_tally_commune_au` AFTER UPDATE OF `commune_id` ON `users`
WHEN OLD.`commune_id` <> NEW.`commune_id` AND OLD.`verified_at` IS NOT NULL AND NEW.`verified_at` IS NOT NULL BEGIN
  UPDATE `vote_tallies` SET `n` = `n` - (
    SELECT count(*) FROM `votes` v WHERE v.`user_id` = NEW.`id` AND v.`topic_id` = `vote_tallies`.`topic_id` AND v.`choice` = `vote_tallies`.`choice`
  )
  WHERE `commune_id` = OLD.`commune_id` AND (`topic_id`, `choice`) IN (SELECT `topic_id`, `choice` FROM `votes` WHERE `user_id` = NEW.`id`);
  INSERT INTO `vote_tallies` (`topic_id`, `choice`, `commune_id`, `n`)
  SELECT `topic_id`, `choice`, NEW.`commune_id`, count(*) FROM `votes` WHERE `user_id` = NEW.`id` GROUP BY `topic_id`, `choice`
  ON CONFLICT (`topic_id`, `choice`, `commune_id`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;--> statement-breakpoint
CREATE TRIGGER `counted_votes_ai` AFTER INSERT ON `votes`
WHEN (SELECT `verified_at` FROM `users` WHERE `id` = NEW.`user_id`) IS NOT NULL BEGIN
  UPDATE `topics` SET `vote_count` = `vote_count` + 1 WHERE `id` = NEW.`topic_id`;
END;--> statement-breakpoint
CREATE TRIGGER `counted_votes_ad` AFTER DELETE ON `votes`
WHEN (SELECT `verified_at` FROM `users` WHERE `id` = OLD.`user_id`) IS NOT NULL BEGIN
  UPDATE `topics` SET `vote_count` = max(0, `vote_count` - 1) WHERE `id` = OLD.`topic_id`;
END;--> statement-breakpoint
CREATE TRIGGER `counted_project_supports_ai` AFTER INSERT ON `project_supports`
WHEN (SELECT `verified_at` FROM `users` WHERE `id` = NEW.`user_id`) IS NOT NULL BEGIN
  UPDATE `projects` SET `support_count` = `support_count` + 1 WHERE `id` = NEW.`project_id`;
END;--> statement-breakpoint
CREATE TRIGGER `counted_project_supports_ad` AFTER DELETE ON `project_supports`
WHEN (SELECT `verified_at` FROM `users` WHERE `id` = OLD.`user_id`) IS NOT NULL BEGIN
  UPDATE `projects` SET `support_count` = max(0, `support_count` - 1) WHERE `id` = OLD.`project_id`;
END;--> statement-breakpoint
CREATE TRIGGER `counted_project_supports_au` AFTER UPDATE OF `project_id`, `user_id` ON `project_supports`
WHEN OLD.`project_id` <> NEW.`project_id` OR OLD.`user_id` <> NEW.`user_id` BEGIN
  UPDATE `projects` SET `support_count` = max(0, `support_count` - 1)
   WHERE `id` = OLD.`project_id` AND (SELECT `verified_at` FROM `users` WHERE `id` = OLD.`user_id`) IS NOT NULL;
  UPDATE `projects` SET `support_count` = `support_count` + 1
   WHERE `id` = NEW.`project_id` AND (SELECT `verified_at` FROM `users` WHERE `id` = NEW.`user_id`) IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `counted_comment_supports_ai` AFTER INSERT ON `comment_supports`
WHEN (SELECT `verified_at` FROM `users` WHERE `id` = NEW.`user_id`) IS NOT NULL BEGIN
  UPDATE `comments` SET `support_count` = `support_count` + 1 WHERE `id` = NEW.`comment_id`;
END;--> statement-breakpoint
CREATE TRIGGER `counted_comment_supports_ad` AFTER DELETE ON `comment_supports`
WHEN (SELECT `verified_at` FROM `users` WHERE `id` = OLD.`user_id`) IS NOT NULL BEGIN
  UPDATE `comments` SET `support_count` = max(0, `support_count` - 1) WHERE `id` = OLD.`comment_id`;
END;--> statement-breakpoint
-- An account becomes verified: its votes and supports count, in its current commune.
CREATE TRIGGER `counted_users_verified_au` AFTER UPDATE OF `verified_at` ON `users`
WHEN OLD.`verified_at` IS NULL AND NEW.`verified_at` IS NOT NULL BEGIN
  INSERT INTO `vote_tallies` (`topic_id`, `choice`, `commune_id`, `n`)
  SELECT `topic_id`, `choice`, NEW.`commune_id`, count(*) FROM `votes` WHERE `user_id` = NEW.`id` GROUP BY `topic_id`, `choice`
  ON CONFLICT (`topic_id`, `choice`, `commune_id`) DO UPDATE SET `n` = `n` + excluded.`n`;
  UPDATE `topics` SET `vote_count` = `vote_count` + 1 WHERE `id` IN (SELECT `topic_id` FROM `votes` WHERE `user_id` = NEW.`id`);
  UPDATE `projects` SET `support_count` = `support_count` + 1 WHERE `id` IN (SELECT `project_id` FROM `project_supports` WHERE `user_id` = NEW.`id`);
  UPDATE `comments` SET `support_count` = `support_count` + 1 WHERE `id` IN (SELECT `comment_id` FROM `comment_supports` WHERE `user_id` = NEW.`id`);
END;--> statement-breakpoint
-- An account stops being verified (it changed the phone or address it had proven): its votes and
-- supports stop counting, from the commune they were counted in.
CREATE TRIGGER `counted_users_unverified_au` AFTER UPDATE OF `verified_at` ON `users`
WHEN OLD.`verified_at` IS NOT NULL AND NEW.`verified_at` IS NULL BEGIN
  UPDATE `vote_tallies` SET `n` = `n` - (
    SELECT count(*) FROM `votes` v WHERE v.`user_id` = NEW.`id` AND v.`topic_id` = `vote_tallies`.`topic_id` AND v.`choice` = `vote_tallies`.`choice`
  )
  WHERE `commune_id` = OLD.`commune_id` AND (`topic_id`, `choice`) IN (SELECT `topic_id`, `choice` FROM `votes` WHERE `user_id` = NEW.`id`);
  UPDATE `topics` SET `vote_count` = max(0, `vote_count` - 1) WHERE `id` IN (SELECT `topic_id` FROM `votes` WHERE `user_id` = NEW.`id`);
  UPDATE `projects` SET `support_count` = max(0, `support_count` - 1) WHERE `id` IN (SELECT `project_id` FROM `project_supports` WHERE `user_id` = NEW.`id`);
  UPDATE `comments` SET `support_count` = max(0, `support_count` - 1) WHERE `id` IN (SELECT `comment_id` FROM `comment_supports` WHERE `user_id` = NEW.`id`);
END;
