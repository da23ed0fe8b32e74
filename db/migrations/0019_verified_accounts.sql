CREATE TABLE `account_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`closed_at` text,
	`closed_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_codes_user_idx` ON `account_codes` (`user_id`,`purpose`,`closed_at`);--> statement-breakpoint
ALTER TABLE `moderations` ADD `escalated_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `verified_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `verified_via` text;