CREATE TABLE `appeals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appellant_id` integer NOT NULL,
	`moderation_id` integer,
	`decision` integer,
	`sanction_id` integer,
	`original_moderator_id` integer,
	`text` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`appellant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moderation_id`) REFERENCES `moderations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sanction_id`) REFERENCES `sanctions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`original_moderator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appeals_decision_uq` ON `appeals` (`moderation_id`,`decision`);--> statement-breakpoint
CREATE UNIQUE INDEX `appeals_sanction_uq` ON `appeals` (`sanction_id`);--> statement-breakpoint
CREATE INDEX `appeals_state_idx` ON `appeals` (`state`);--> statement-breakpoint
CREATE TABLE `moderation_settings` (
	`commune_id` integer PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`new_account_count` integer NOT NULL,
	`report_threshold` integer NOT NULL,
	`updated_by` integer,
	`updated_at` text,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `moderations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`content_type` text NOT NULL,
	`content_id` integer NOT NULL,
	`commune_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`state` text NOT NULL,
	`hold_reason` text,
	`report_count` integer DEFAULT 0 NOT NULL,
	`hide_count` integer DEFAULT 0 NOT NULL,
	`hidden_at` text,
	`hidden_by` integer,
	`hidden_reason` text,
	`decided_at` text,
	`decided_by` integer,
	`outcome` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `moderations_content_uq` ON `moderations` (`content_type`,`content_id`);--> statement-breakpoint
CREATE INDEX `moderations_queue_idx` ON `moderations` (`decided_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `moderations_author_idx` ON `moderations` (`author_id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`moderation_id` integer NOT NULL,
	`reporter_id` integer NOT NULL,
	`reason` text NOT NULL,
	`details` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`moderation_id`) REFERENCES `moderations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_once_uq` ON `reports` (`moderation_id`,`reporter_id`);--> statement-breakpoint
CREATE TABLE `sanctions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`ends_at` text,
	`moderator_id` integer NOT NULL,
	`lifted_at` text,
	`lifted_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moderator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lifted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanctions_user_idx` ON `sanctions` (`user_id`);--> statement-breakpoint
ALTER TABLE `notifications` ADD `moderation_id` integer REFERENCES moderations(id);--> statement-breakpoint
ALTER TABLE `notifications` ADD `appeal_id` integer REFERENCES appeals(id);