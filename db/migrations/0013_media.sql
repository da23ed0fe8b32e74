CREATE TABLE `media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`commune_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject_id` integer,
	`language` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`sha256` text NOT NULL,
	`mime` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`source_format` text NOT NULL,
	`transcript` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "media_size_positive" CHECK("media"."size_bytes" > 0),
	CONSTRAINT "media_duration_positive" CHECK("media"."duration_ms" > 0)
);
--> statement-breakpoint
CREATE INDEX `media_sha_idx` ON `media` (`sha256`);--> statement-breakpoint
CREATE INDEX `media_owner_idx` ON `media` (`owner_id`,`id`);--> statement-breakpoint
CREATE INDEX `media_subject_idx` ON `media` (`kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `media_state_created_idx` ON `media` (`state`,`created_at`);