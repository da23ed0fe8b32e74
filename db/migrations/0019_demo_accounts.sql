ALTER TABLE `users` ADD `is_demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `users_demo_idx` ON `users` (`id`) WHERE is_demo = 1;--> statement-breakpoint
-- Databases seeded before this migration: the accounts of the demo seed (db/seed.ts, README), whose
-- identifiers and password are public, are marked as demo accounts.
UPDATE `users` SET `is_demo` = 1
WHERE `email` IN ('animatrice.nioro@baro.ml', 'maire.nioro@baro.ml', 'hydraulique.kayes@baro.ml', 'moderation@baro.ml', 'moderation.nioro@baro.ml', 'admin@baro.ml')
  OR `phone` IN ('+22376000001', '+22376000002', '+22376000003', '+22376000004')
  OR `participant_code` = 'NIO-DEM42';
