-- Band keys filed once per group (issue 23). `signature_bands` held every key of every
-- signature: a story copied 43 times filed each of its 32 keys 43 times, 32M rows at a million
-- documents, and each new copy wrote its keys to random pages of that table and read 43 rows
-- back per key. Grouping (`grouping::add`) now files a key only when no member of the
-- document's group holds it, and compares a candidate's whole group when the candidate itself
-- does not match, so one member per group and key is enough.
--
-- The hook `store::copies::refile_bands_once_per_group` copies the old table into this one in
-- key order, keeping for each key the smallest document of each group and every document in
-- no group, then drops the old table and gives this one its name.
CREATE TABLE signature_bands_once (
    band_key     INTEGER NOT NULL,
    document_id  INTEGER NOT NULL,
    PRIMARY KEY (band_key, document_id)
) STRICT, WITHOUT ROWID;
