CREATE TABLE `topic_translations` (
	`topic_id` integer NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`updated_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	PRIMARY KEY(`topic_id`, `locale`),
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `translation_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`locale` text NOT NULL,
	`key` text NOT NULL,
	`text` text NOT NULL,
	`source` text NOT NULL,
	`origin` text NOT NULL,
	`provenance` text NOT NULL,
	`proposed_by` integer,
	`state` text DEFAULT 'proposed' NOT NULL,
	`decided_at` text,
	`decided_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `translation_proposals_key_idx` ON `translation_proposals` (`locale`,`key`,`id`);--> statement-breakpoint
CREATE INDEX `translation_proposals_state_idx` ON `translation_proposals` (`locale`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `translation_proposals_live_uq` ON `translation_proposals` (`locale`,`key`) WHERE state = 'approved';--> statement-breakpoint
CREATE TABLE `translation_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`verdict` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `translation_proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `translation_reviews_uq` ON `translation_reviews` (`proposal_id`,`reviewer_id`);