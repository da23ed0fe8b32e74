CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`session_version` integer NOT NULL,
	`device_label` text DEFAULT '' NOT NULL,
	`ip_prefix` text DEFAULT '' NOT NULL,
	`shared_device_id` integer,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`ended_at` text,
	`end_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shared_device_id`) REFERENCES `shared_devices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`,`ended_at`);--> statement-breakpoint
CREATE INDEX `sessions_device_idx` ON `sessions` (`shared_device_id`,`ended_at`);--> statement-breakpoint
DROP TABLE `device_sessions`;--> statement-breakpoint
ALTER TABLE `users` ADD `pin_choice_pending` integer DEFAULT false NOT NULL;