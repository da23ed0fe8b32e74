CREATE TABLE `assisted_contributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`facilitator_id` integer NOT NULL,
	`space_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`consent_given_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`withdrawn_at` text,
	FOREIGN KEY (`participant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facilitator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`space_id`) REFERENCES `connected_spaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assisted_participant_idx` ON `assisted_contributions` (`participant_id`,`id`);--> statement-breakpoint
CREATE INDEX `assisted_subject_idx` ON `assisted_contributions` (`kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `assisted_space_idx` ON `assisted_contributions` (`space_id`);--> statement-breakpoint
CREATE TABLE `device_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`device_id` integer NOT NULL,
	`last_seen_at` text NOT NULL,
	`ended_at` text,
	`end_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`device_id`) REFERENCES `shared_devices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `device_sessions_user_idx` ON `device_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`meeting_id` integer NOT NULL,
	`gender` text NOT NULL,
	`age_band` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `gender`, `age_band`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_registrations` (
	`meeting_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`meeting_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_registrations_user_idx` ON `meeting_registrations` (`user_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` integer NOT NULL,
	`topic_id` integer,
	`project_id` integer,
	`title` text NOT NULL,
	`starts_at` text NOT NULL,
	`place` text NOT NULL,
	`agenda` text NOT NULL,
	`created_by` integer NOT NULL,
	`registration_count` integer DEFAULT 0 NOT NULL,
	`cancelled_at` text,
	`minutes` text,
	`minutes_published_at` text,
	`minutes_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`space_id`) REFERENCES `connected_spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`minutes_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_space_starts_idx` ON `meetings` (`space_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_topic_idx` ON `meetings` (`topic_id`);--> statement-breakpoint
CREATE INDEX `meetings_project_idx` ON `meetings` (`project_id`);--> statement-breakpoint
CREATE INDEX `meetings_starts_idx` ON `meetings` (`starts_at`);--> statement-breakpoint
CREATE TABLE `shared_devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`space_id` integer NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`marked_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`space_id`) REFERENCES `connected_spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shared_devices_token_hash_unique` ON `shared_devices` (`token_hash`);--> statement-breakpoint
-- users gains participant_code and its CHECK must allow it, so the table is rebuilt. The migrator runs
-- in one transaction, where PRAGMA foreign_keys=OFF has no effect; defer_foreign_keys does work there.
-- The rows are set aside, users is dropped (deferred: every row pointing at a user is counted as
-- dangling), the new table takes the name users, and putting the same ids back settles every count
-- before the commit checks them. Nothing else references users in a trigger or a view.
CREATE TABLE `__keep_users` AS SELECT * FROM `users`;--> statement-breakpoint
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`display_name` text NOT NULL,
	`phone` text,
	`email` text,
	`password_hash` text NOT NULL,
	`commune_id` integer NOT NULL,
	`gender` text,
	`birth_year` integer,
	`language` text DEFAULT 'fr' NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`suspended_until` text,
	`participant_code` text,
	`registered_at_space_id` integer,
	`registered_by` integer,
	`consent_given_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_at_space_id`) REFERENCES `connected_spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_has_identifier" CHECK(`phone` IS NOT NULL OR `email` IS NOT NULL OR `participant_code` IS NOT NULL)
);
--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
INSERT INTO `users`("id", "display_name", "phone", "email", "password_hash", "commune_id", "gender", "birth_year", "language", "session_version", "suspended_until", "participant_code", "registered_at_space_id", "registered_by", "consent_given_on", "created_at", "updated_at") SELECT "id", "display_name", "phone", "email", "password_hash", "commune_id", "gender", "birth_year", "language", "session_version", "suspended_until", NULL, NULL, NULL, NULL, "created_at", "updated_at" FROM `__keep_users`;--> statement-breakpoint
DROP TABLE `__keep_users`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_unique` ON `users` (`phone`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_participant_code_unique` ON `users` (`participant_code`);--> statement-breakpoint
CREATE INDEX `users_commune_idx` ON `users` (`commune_id`);