ALTER TABLE `notifications` ADD `meeting_id` integer REFERENCES meetings(id);--> statement-breakpoint
CREATE INDEX `users_registered_space_idx` ON `users` (`registered_at_space_id`,`id`);