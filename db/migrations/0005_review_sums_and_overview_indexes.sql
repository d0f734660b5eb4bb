ALTER TABLE "submissions" ADD COLUMN "last_handed_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "reviews" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "review_seconds" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "module_progress_completed_idx" ON "module_progress" USING btree ("fellow_id","module_slug") WHERE "module_progress"."completed_at" is not null;--> statement-breakpoint
CREATE INDEX "submissions_review_sums_idx" ON "submissions" USING btree ("fellow_id","reviews","review_seconds") WHERE "submissions"."reviews" > 0;