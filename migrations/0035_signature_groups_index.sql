-- Each document's group, in an index of its own (issue 23). A search with copies collapsed
-- asks the group of every hit it folds, up to 5,000 per search; read through the signatures'
-- rows (about 550 bytes each, 600 MB at a million documents), those lookups were most of a
-- first search whose pages were not in memory (0.3 s of 0.65 s). This index holds the id and
-- the group alone, 24 times denser, and `store::copies::groups_of` reads it in id order.
CREATE INDEX document_signatures_groups ON document_signatures (document_id, group_id);
