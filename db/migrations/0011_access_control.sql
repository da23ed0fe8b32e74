CREATE TABLE `project_invitations` (
	`project_id` integer NOT NULL,
	`identifier` text NOT NULL,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`project_id`, `identifier`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `moderation_terms_uq`;--> statement-breakpoint
ALTER TABLE `moderation_terms` ADD `commune_id` integer REFERENCES communes(id);--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_terms_region_uq` ON `moderation_terms` (`term`,`language`) WHERE commune_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_terms_commune_uq` ON `moderation_terms` (`term`,`language`,`commune_id`) WHERE commune_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE `sanctions` ADD `commune_id` integer REFERENCES communes(id);--> statement-breakpoint
ALTER TABLE `sanctions` ADD `content_type` text;--> statement-breakpoint
ALTER TABLE `sanctions` ADD `content_id` integer;--> statement-breakpoint
CREATE INDEX `sanctions_commune_idx` ON `sanctions` (`commune_id`);