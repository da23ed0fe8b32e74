-- One way to keep counters: triggers. projects.support_count is the number of project_supports rows of
-- the project, and meetings.registration_count the number of meeting_registrations rows of the meeting,
-- whatever writes them (use cases, scripts, a repair by hand). The use cases no longer add or subtract.
UPDATE `projects` SET `support_count` = (SELECT count(*) FROM `project_supports` s WHERE s.`project_id` = `projects`.`id`);
--> statement-breakpoint
UPDATE `meetings` SET `registration_count` = (SELECT count(*) FROM `meeting_registrations` r WHERE r.`meeting_id` = `meetings`.`id`);
--> statement-breakpoint
CREATE TRIGGER `project_supports_count_ai` AFTER INSERT ON `project_supports` BEGIN
  UPDATE `projects` SET `support_count` = `support_count` + 1 WHERE `id` = new.`project_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `project_supports_count_ad` AFTER DELETE ON `project_supports` BEGIN
  UPDATE `projects` SET `support_count` = `support_count` - 1 WHERE `id` = old.`project_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `project_supports_count_au` AFTER UPDATE OF `project_id` ON `project_supports` WHEN old.`project_id` <> new.`project_id` BEGIN
  UPDATE `projects` SET `support_count` = `support_count` - 1 WHERE `id` = old.`project_id`;
  UPDATE `projects` SET `support_count` = `support_count` + 1 WHERE `id` = new.`project_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_registrations_count_ai` AFTER INSERT ON `meeting_registrations` BEGIN
  UPDATE `meetings` SET `registration_count` = `registration_count` + 1 WHERE `id` = new.`meeting_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_registrations_count_ad` AFTER DELETE ON `meeting_registrations` BEGIN
  UPDATE `meetings` SET `registration_count` = `registration_count` - 1 WHERE `id` = old.`meeting_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_registrations_count_au` AFTER UPDATE OF `meeting_id` ON `meeting_registrations` WHEN old.`meeting_id` <> new.`meeting_id` BEGIN
  UPDATE `meetings` SET `registration_count` = `registration_count` - 1 WHERE `id` = old.`meeting_id`;
  UPDATE `meetings` SET `registration_count` = `registration_count` + 1 WHERE `id` = new.`meeting_id`;
END;
