ALTER TABLE "fellow_standing" ADD COLUMN "done_bits" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fellow_standing" ADD COLUMN "handed_bits" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fellow_standing" ADD COLUMN "awaiting_bits" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fellow_standing" ADD COLUMN "handed_days" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "fellow_standing" DROP COLUMN "work";--> statement-breakpoint
-- The standing's work as bits (docs/decisions/0015, ~/domain/standing ModuleWork): one bit per
-- module of the fellow's track at (year - 1) * 10 + month - 1, as moduleBit, and the Eastern day
-- number of each first hand-in in bit order. Modules of another track are not the fellow's work.
CREATE OR REPLACE FUNCTION refresh_fellow_standing(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO fellow_standing (fellow_id) SELECT id FROM fellows WHERE id = ANY (ids) ON CONFLICT (fellow_id) DO NOTHING;
  -- One writer at a time per fellow: a coach logging a session as the fellow hands in waits for the
  -- other's commit (at the insert above, or here), and the next statement, with a new snapshot,
  -- then counts the other's rows too (tests/integration/fellow-standing.test.ts).
  SELECT fellow_id FROM fellow_standing WHERE fellow_id = ANY (ids) ORDER BY fellow_id FOR UPDATE;
  UPDATE fellow_standing AS s
  SET
    (done_bits, handed_bits, awaiting_bits, handed_days) = (
      SELECT
        coalesce(bit_or(1 << w.bit) FILTER (WHERE w.done), 0),
        coalesce(bit_or(1 << w.bit) FILTER (WHERE w.handed_on IS NOT NULL), 0),
        coalesce(bit_or(1 << w.bit) FILTER (WHERE w.awaiting), 0),
        coalesce(array_agg(w.handed_on ORDER BY w.bit) FILTER (WHERE w.handed_on IS NOT NULL), '{}')
      FROM (
        -- One entry per module: of two hand-ins for one (an assignment id renamed), the first.
        SELECT (m.year - 1) * 10 + m.month - 1 AS bit, bool_or(x.done) AS done, min(x.handed_on) AS handed_on, bool_or(x.awaiting) AS awaiting
        FROM (
          SELECT
            coalesce(p.module_slug, b.module_slug) AS slug,
            p.module_slug IS NOT NULL AS done,
            -- The hand-in's day in Eastern time, as lateness is judged everywhere.
            (b.submitted_at AT TIME ZONE 'America/New_York')::date - DATE '1970-01-01' AS handed_on,
            coalesce(b.status IN ('submitted', 'resubmitted'), false) AS awaiting
          FROM (SELECT module_slug FROM module_progress WHERE fellow_id = s.fellow_id AND completed_at IS NOT NULL) AS p
          FULL JOIN (SELECT module_slug, submitted_at, status FROM submissions WHERE fellow_id = s.fellow_id AND submitted_at IS NOT NULL) AS b
            ON b.module_slug = p.module_slug
        ) AS x
        JOIN modules AS m ON m.slug = x.slug
        JOIN fellows AS f ON f.id = s.fellow_id
        WHERE m.track = 'all' OR m.track::text = replace(f.position::text, '_', '-')
        GROUP BY 1
      ) AS w
    ),
    reviews = coalesce((SELECT sum(reviews)::int FROM submissions WHERE fellow_id = s.fellow_id), 0),
    review_seconds = coalesce((SELECT sum(review_seconds) FROM submissions WHERE fellow_id = s.fellow_id), 0),
    last_session_on = (SELECT max(held_on) FROM coaching_sessions WHERE fellow_id = s.fellow_id AND NOT is_draft)
  WHERE s.fellow_id = ANY (ids);
$$;--> statement-breakpoint
-- Which modules are a fellow's work depends on their position (the track), and where a module's
-- bit sits on its year, month and track: a change to either works the standings out again.
CREATE FUNCTION fellow_standing_after_position() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_fellow_standing(ARRAY[NEW.id]);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION fellow_standing_after_module() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_fellow_standing(ARRAY(
    SELECT fellow_id FROM module_progress WHERE module_slug IN (OLD.slug, NEW.slug)
    UNION SELECT fellow_id FROM submissions WHERE module_slug IN (OLD.slug, NEW.slug)
  ));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER fellows_standing_position AFTER UPDATE ON fellows FOR EACH ROW
  WHEN (OLD.position IS DISTINCT FROM NEW.position)
  EXECUTE FUNCTION fellow_standing_after_position();--> statement-breakpoint
CREATE TRIGGER modules_standing_place AFTER UPDATE ON modules FOR EACH ROW
  WHEN (OLD.year IS DISTINCT FROM NEW.year OR OLD.month IS DISTINCT FROM NEW.month OR OLD.track IS DISTINCT FROM NEW.track OR OLD.slug IS DISTINCT FROM NEW.slug)
  EXECUTE FUNCTION fellow_standing_after_module();--> statement-breakpoint
SELECT refresh_fellow_standing(ARRAY(SELECT id FROM fellows));
