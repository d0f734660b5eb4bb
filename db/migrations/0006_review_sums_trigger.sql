-- Review turnaround kept on each submission as its events are recorded (docs/decisions/0014).
-- Hand-ins and reviews alternate (~/domain/submission-state), so each review answers the latest
-- hand-in: its wait is the review's time less that hand-in's. The staff overview sums these per
-- fellow instead of reading every event of the academy on each page view.
CREATE FUNCTION submission_events_sum_reviews() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.to_status IN ('submitted', 'resubmitted') THEN
    UPDATE submissions SET last_handed_in_at = NEW.created_at WHERE id = NEW.submission_id;
  ELSIF NEW.to_status IN ('returned', 'accepted') THEN
    UPDATE submissions
    SET reviews = reviews + 1,
        review_seconds = review_seconds + coalesce(date_part('epoch', NEW.created_at - last_handed_in_at), 0)
    WHERE id = NEW.submission_id;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER submission_events_sum_reviews AFTER INSERT ON submission_events
  FOR EACH ROW EXECUTE FUNCTION submission_events_sum_reviews();--> statement-breakpoint
-- The sums for events recorded before this migration.
UPDATE submissions AS s
SET last_handed_in_at = e.last_hand_in,
    reviews = e.reviews,
    -- A hand-in still awaiting review has not been answered: it is part of no wait.
    review_seconds = e.answered + CASE WHEN s.status IN ('submitted', 'resubmitted') THEN coalesce(date_part('epoch', e.last_hand_in), 0) ELSE 0 END
FROM (
  SELECT
    submission_id,
    max(created_at) FILTER (WHERE to_status IN ('submitted', 'resubmitted')) AS last_hand_in,
    count(*) FILTER (WHERE to_status IN ('returned', 'accepted'))::int AS reviews,
    coalesce(sum(date_part('epoch', created_at)) FILTER (WHERE to_status IN ('returned', 'accepted')), 0)
      - coalesce(sum(date_part('epoch', created_at)) FILTER (WHERE to_status IN ('submitted', 'resubmitted')), 0) AS answered
  FROM submission_events
  GROUP BY submission_id
) AS e
WHERE s.id = e.submission_id;
