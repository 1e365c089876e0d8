-- narada schema, version 4: cards replaced by a merge or a split stay, marked with the
-- card that replaced them, so lists hide them but nothing is lost.
ALTER TABLE card ADD COLUMN superseded_by TEXT REFERENCES card(id);
ALTER TABLE card ADD COLUMN superseded_how TEXT CHECK (superseded_how IN ('merged', 'split'));
CREATE INDEX section_link_topic ON section_link(topic_id);
CREATE INDEX section_link_card ON section_link(card_id);
