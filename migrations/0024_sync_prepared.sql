-- Team cases (issue 20): what a change goes up as is decided, and kept, before it is pushed.
--
-- Until now a push read each unit's state, built its payload and gave it an id inside the
-- transaction that also marked it pushed, after the server's commit. A sync killed between
-- the two left the server with the change and the case without any trace of what it had
-- said: the next push built the payload again, and whatever was decided on the way (a
-- note's uid drawn at random, a review's time read from the clock) came out different under
-- the same change id, which the server ignored. The members then disagreed for good (the
-- convergence test's note under two uids). Now a push first writes each row's change id,
-- kind and payload here and commits; the server gets exactly these bytes, as many times as
-- it takes, and keeps them once.
ALTER TABLE sync_outbox ADD COLUMN change_id TEXT;
ALTER TABLE sync_outbox ADD COLUMN kind TEXT;
ALTER TABLE sync_outbox ADD COLUMN payload TEXT;
-- The SHA-256 of the original a document change carries; the bytes stay in the case and are
-- read when the change is sent.
ALTER TABLE sync_outbox ADD COLUMN original TEXT;
