ALTER TABLE `users` ADD `is_demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `users_demo_idx` ON `users` (`id`) WHERE is_demo = 1;--> statement-breakpoint
-- Databases seeded before this migration: the accounts of the demo seed (db/seed.ts, README), whose
-- identifiers and password are public, are marked as demo accounts. Recognised by their name and their
-- phone, address or participant code together (as 0019_verified_accounts does): a real person who
-- happened to register one of these numbers under another name is not marked.
UPDATE `users` SET `is_demo` = 1
 WHERE (`display_name`, coalesce(`phone`, `email`, `participant_code`)) IN (VALUES
         ('Awa Traoré', '+22376000001'), ('Moussa Diarra', '+22376000002'), ('Fanta Sissoko', '+22376000003'),
         ('Bakary Diallo', '+22376000004'), ('Mariam Coulibaly', 'hydraulique.kayes@baro.ml'),
         ('Kadiatou Keïta', 'moderation@baro.ml'), ('Sira Camara', 'moderation.nioro@baro.ml'),
         ('Administration Baro', 'admin@baro.ml'), ('Aminata Konaté', 'NIO-DEM42'));
