ALTER TABLE `projects` ADD `stance_for_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `stance_against_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `stance_neutral_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `stance_question_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `top_comment_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `stance_for_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `stance_against_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `stance_neutral_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `stance_question_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `top_comment_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `comments_topic_held_idx` ON `comments` (`topic_id`,`parent_id`,`author_id`) WHERE visibility = 'held';--> statement-breakpoint
CREATE INDEX `comments_project_held_idx` ON `comments` (`project_id`,`parent_id`,`author_id`) WHERE visibility = 'held';
--> statement-breakpoint
-- The counters the topic and project pages show, kept by triggers so no page counts every comment:
-- stance counts of visible, not deleted comments (replies included), and top-level comments that are
-- not held (the comments pager's public total; hidden and deleted ones stay as placeholders).
-- A comment belongs to a topic or a project (comments_one_subject): the other UPDATE matches no row.
UPDATE `topics` SET (`stance_for_count`, `stance_against_count`, `stance_neutral_count`, `stance_question_count`, `top_comment_count`) = (SELECT
    coalesce(sum(c.`visibility` = 'visible' AND c.`deleted_at` IS NULL AND c.`stance` = 'for'), 0),
    coalesce(sum(c.`visibility` = 'visible' AND c.`deleted_at` IS NULL AND c.`stance` = 'against'), 0),
    coalesce(sum(c.`visibility` = 'visible' AND c.`deleted_at` IS NULL AND c.`stance` = 'neutral'), 0),
    coalesce(sum(c.`visibility` = 'visible' AND c.`deleted_at` IS NULL AND c.`stance` = 'question'), 0),
    coalesce(sum(c.`parent_id` IS NULL AND c.`visibility` <> 'held'), 0)
  FROM `comments` c WHERE c.`topic_id` = `topics`.`id`);
--> statement-breakpoint
UPDATE `projects` SET (`stance_for_count`, `stance_against_count`, `stance_neutral_count`, `stance_question_count`, `top_comment_count`) = (SELECT
    coalesce(sum(c.`visibility` = 'visible' AND c.`deleted_at` IS NULL AND c.`stance` = 'for'), 0),
    coalesce(sum(c.`visibility` = 'visible' AND c.`deleted_at` IS NULL AND c.`stance` = 'against'), 0),
    coalesce(sum(c.`visibility` = 'visible' AND c.`deleted_at` IS NULL AND c.`stance` = 'neutral'), 0),
    coalesce(sum(c.`visibility` = 'visible' AND c.`deleted_at` IS NULL AND c.`stance` = 'question'), 0),
    coalesce(sum(c.`parent_id` IS NULL AND c.`visibility` <> 'held'), 0)
  FROM `comments` c WHERE c.`project_id` = `projects`.`id`);
--> statement-breakpoint
CREATE TRIGGER `comments_counters_ai` AFTER INSERT ON `comments` BEGIN
  UPDATE `topics` SET
    `stance_for_count` = `stance_for_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'for'),
    `stance_against_count` = `stance_against_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'against'),
    `stance_neutral_count` = `stance_neutral_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'neutral'),
    `stance_question_count` = `stance_question_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'question'),
    `top_comment_count` = `top_comment_count` + (new.`parent_id` IS NULL AND new.`visibility` <> 'held')
  WHERE `id` = new.`topic_id`;
  UPDATE `projects` SET
    `stance_for_count` = `stance_for_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'for'),
    `stance_against_count` = `stance_against_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'against'),
    `stance_neutral_count` = `stance_neutral_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'neutral'),
    `stance_question_count` = `stance_question_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'question'),
    `top_comment_count` = `top_comment_count` + (new.`parent_id` IS NULL AND new.`visibility` <> 'held')
  WHERE `id` = new.`project_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_counters_au` AFTER UPDATE OF `stance`, `visibility`, `deleted_at`, `parent_id`, `topic_id`, `project_id` ON `comments` BEGIN
  UPDATE `topics` SET
    `stance_for_count` = `stance_for_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'for'),
    `stance_against_count` = `stance_against_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'against'),
    `stance_neutral_count` = `stance_neutral_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'neutral'),
    `stance_question_count` = `stance_question_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'question'),
    `top_comment_count` = `top_comment_count` - (old.`parent_id` IS NULL AND old.`visibility` <> 'held')
  WHERE `id` = old.`topic_id`;
  UPDATE `projects` SET
    `stance_for_count` = `stance_for_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'for'),
    `stance_against_count` = `stance_against_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'against'),
    `stance_neutral_count` = `stance_neutral_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'neutral'),
    `stance_question_count` = `stance_question_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'question'),
    `top_comment_count` = `top_comment_count` - (old.`parent_id` IS NULL AND old.`visibility` <> 'held')
  WHERE `id` = old.`project_id`;
  UPDATE `topics` SET
    `stance_for_count` = `stance_for_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'for'),
    `stance_against_count` = `stance_against_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'against'),
    `stance_neutral_count` = `stance_neutral_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'neutral'),
    `stance_question_count` = `stance_question_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'question'),
    `top_comment_count` = `top_comment_count` + (new.`parent_id` IS NULL AND new.`visibility` <> 'held')
  WHERE `id` = new.`topic_id`;
  UPDATE `projects` SET
    `stance_for_count` = `stance_for_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'for'),
    `stance_against_count` = `stance_against_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'against'),
    `stance_neutral_count` = `stance_neutral_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'neutral'),
    `stance_question_count` = `stance_question_count` + (new.`visibility` = 'visible' AND new.`deleted_at` IS NULL AND new.`stance` = 'question'),
    `top_comment_count` = `top_comment_count` + (new.`parent_id` IS NULL AND new.`visibility` <> 'held')
  WHERE `id` = new.`project_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_counters_ad` AFTER DELETE ON `comments` BEGIN
  UPDATE `topics` SET
    `stance_for_count` = `stance_for_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'for'),
    `stance_against_count` = `stance_against_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'against'),
    `stance_neutral_count` = `stance_neutral_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'neutral'),
    `stance_question_count` = `stance_question_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'question'),
    `top_comment_count` = `top_comment_count` - (old.`parent_id` IS NULL AND old.`visibility` <> 'held')
  WHERE `id` = old.`topic_id`;
  UPDATE `projects` SET
    `stance_for_count` = `stance_for_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'for'),
    `stance_against_count` = `stance_against_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'against'),
    `stance_neutral_count` = `stance_neutral_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'neutral'),
    `stance_question_count` = `stance_question_count` - (old.`visibility` = 'visible' AND old.`deleted_at` IS NULL AND old.`stance` = 'question'),
    `top_comment_count` = `top_comment_count` - (old.`parent_id` IS NULL AND old.`visibility` <> 'held')
  WHERE `id` = old.`project_id`;
END;
