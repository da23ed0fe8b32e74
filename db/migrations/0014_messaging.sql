CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text,
	`body` text,
	`purpose` text NOT NULL,
	`user_id` integer,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_try_at` text NOT NULL,
	`lease_until` text,
	`expires_at` text,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "messages_channel" CHECK("messages"."channel" IN ('sms', 'email')),
	CONSTRAINT "messages_purpose" CHECK("messages"."purpose" IN ('verification', 'recovery', 'security', 'notification')),
	CONSTRAINT "messages_status" CHECK("messages"."status" IN ('queued', 'sending', 'sent', 'failed')),
	CONSTRAINT "messages_body_erased" CHECK("messages"."status" IN ('queued', 'sending') OR ("messages"."body" IS NULL AND "messages"."subject" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_ref_unique` ON `messages` (`ref`);--> statement-breakpoint
CREATE INDEX `messages_due_idx` ON `messages` (`status`,`next_try_at`);--> statement-breakpoint
CREATE INDEX `messages_recipient_idx` ON `messages` (`recipient`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_user_idx` ON `messages` (`user_id`,`created_at`);