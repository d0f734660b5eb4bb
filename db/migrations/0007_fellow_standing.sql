CREATE TABLE "fellow_standing" (
	"fellow_id" uuid PRIMARY KEY NOT NULL,
	"work" json DEFAULT '{}'::json NOT NULL,
	"reviews" integer DEFAULT 0 NOT NULL,
	"review_seconds" double precision DEFAULT 0 NOT NULL,
	"last_session_on" date
);
--> statement-breakpoint
ALTER TABLE "fellow_standing" ADD CONSTRAINT "fellow_standing_fellow_id_fellows_id_fk" FOREIGN KEY ("fellow_id") REFERENCES "public"."fellows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_sessions_logged_on_idx" ON "coaching_sessions" USING btree ("held_on","fellow_id") WHERE not "coaching_sessions"."is_draft";--> statement-breakpoint
-- Each fellow's own record of work, kept as their rows change (docs/decisions/0015). The staff
-- overview reads one of these per fellow and applies calendars, tracks and today itself
-- (~/domain/standing), instead of joining every completion, hand-in and session on each view.
CREATE FUNCTION refresh_fellow_standing(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO fellow_standing (fellow_id) SELECT id FROM fellows WHERE id = ANY (ids) ON CONFLICT (fellow_id) DO NOTHING;
  -- One writer at a time per fellow: a coach logging a session as the fellow hands in waits for the
  -- other's commit (at the insert above, or here), and the next statement, with a new snapshot,
  -- then counts the other's rows too (tests/integration/fellow-standing.test.ts).
  SELECT fellow_id FROM fellow_standing WHERE fellow_id = ANY (ids) ORDER BY fellow_id FOR UPDATE;
  UPDATE fellow_standing AS s
  SET
    work = coalesce((
      SELECT json_object_agg(w.slug, json_build_array(w.done, w.handed_in_on, w.awaiting))
      FROM (
        SELECT
          coalesce(p.module_slug, b.module_slug) AS slug,
          (p.completed_at IS NOT NULL)::int AS done,
          -- The first hand-in's day in Eastern time, as lateness is judged everywhere.
          to_char(b.submitted_at AT TIME ZONE 'America/New_York', 'YYYY-MM-DD') AS handed_in_on,
          (b.status IS NOT NULL AND b.status IN ('submitted', 'resubmitted'))::int AS awaiting
        FROM (SELECT module_slug, completed_at FROM module_progress WHERE fellow_id = s.fellow_id AND completed_at IS NOT NULL) AS p
        FULL JOIN (SELECT module_slug, submitted_at, status FROM submissions WHERE fellow_id = s.fellow_id AND submitted_at IS NOT NULL) AS b
          ON b.module_slug = p.module_slug
      ) AS w
    ), '{}'::json),
    reviews = coalesce((SELECT sum(reviews)::int FROM submissions WHERE fellow_id = s.fellow_id), 0),
    review_seconds = coalesce((SELECT sum(review_seconds) FROM submissions WHERE fellow_id = s.fellow_id), 0),
    last_session_on = (SELECT max(held_on) FROM coaching_sessions WHERE fellow_id = s.fellow_id AND NOT is_draft)
  WHERE s.fellow_id = ANY (ids);
$$;--> statement-breakpoint
-- Inserts and deletes come in batches (seeds, imports, cascades): once per statement, for the
-- fellows its rows belong to.
CREATE FUNCTION fellow_standing_after_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_fellow_standing(ARRAY(SELECT DISTINCT fellow_id FROM new_rows));
  ELSE
    PERFORM refresh_fellow_standing(ARRAY(SELECT DISTINCT fellow_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- Updates come one row at a time from the app, most of them to what the standing does not hold
-- (a draft's text, a section read): only a change to a counted column refreshes it.
CREATE FUNCTION fellow_standing_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_fellow_standing(ARRAY[NEW.fellow_id, OLD.fellow_id]);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER module_progress_standing_insert AFTER INSERT ON module_progress
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fellow_standing_after_rows();--> statement-breakpoint
CREATE TRIGGER module_progress_standing_delete AFTER DELETE ON module_progress
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fellow_standing_after_rows();--> statement-breakpoint
CREATE TRIGGER module_progress_standing_update AFTER UPDATE ON module_progress FOR EACH ROW
  WHEN (OLD.completed_at IS DISTINCT FROM NEW.completed_at OR OLD.module_slug IS DISTINCT FROM NEW.module_slug OR OLD.fellow_id IS DISTINCT FROM NEW.fellow_id)
  EXECUTE FUNCTION fellow_standing_after_update();--> statement-breakpoint
CREATE TRIGGER submissions_standing_insert AFTER INSERT ON submissions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fellow_standing_after_rows();--> statement-breakpoint
CREATE TRIGGER submissions_standing_delete AFTER DELETE ON submissions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fellow_standing_after_rows();--> statement-breakpoint
CREATE TRIGGER submissions_standing_update AFTER UPDATE ON submissions FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at OR OLD.reviews IS DISTINCT FROM NEW.reviews
    OR OLD.review_seconds IS DISTINCT FROM NEW.review_seconds OR OLD.module_slug IS DISTINCT FROM NEW.module_slug OR OLD.fellow_id IS DISTINCT FROM NEW.fellow_id)
  EXECUTE FUNCTION fellow_standing_after_update();--> statement-breakpoint
CREATE TRIGGER coaching_sessions_standing_insert AFTER INSERT ON coaching_sessions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fellow_standing_after_rows();--> statement-breakpoint
CREATE TRIGGER coaching_sessions_standing_delete AFTER DELETE ON coaching_sessions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fellow_standing_after_rows();--> statement-breakpoint
CREATE TRIGGER coaching_sessions_standing_update AFTER UPDATE ON coaching_sessions FOR EACH ROW
  WHEN (OLD.held_on IS DISTINCT FROM NEW.held_on OR OLD.is_draft IS DISTINCT FROM NEW.is_draft OR OLD.fellow_id IS DISTINCT FROM NEW.fellow_id)
  EXECUTE FUNCTION fellow_standing_after_update();--> statement-breakpoint
-- Every fellow's standing from what is already recorded.
SELECT refresh_fellow_standing(ARRAY(SELECT id FROM fellows));
