-- The library reads its rows a page at a time, sorted by title, outlet, kind or publication,
-- so that a million-document case opens without sending every row to the window. Each sort
-- needs an index whose order is the sort's order (the id, the rowid, ends every index and
-- breaks ties), or every page would sort the whole table. Publication and kind have theirs
-- since 0001; titles and outlets compare ignoring ASCII case, as the library shows them.
CREATE INDEX documents_title ON documents (title COLLATE NOCASE);
CREATE INDEX documents_outlet ON documents (outlet COLLATE NOCASE);
