-- narada schema, version 7: when a person last worked on a topic by hand (made it,
-- renamed it, moved cards into it, split or merged it). A clustering run never moves
-- the cards of such a topic, so hand work is not undone by a later run.
ALTER TABLE topic ADD COLUMN hand_at TEXT;
UPDATE topic SET hand_at = updated_at
 WHERE origin = 'manual' OR updated_at <> created_at
    OR EXISTS (SELECT 1 FROM membership m WHERE m.topic_id = topic.id AND m.source = 'hand');
