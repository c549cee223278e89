#!/usr/bin/env python3
"""Writes a source for examples/bench_library: a SQLite file holding only the rows the library
reads (`documents` and the near-duplicate groups of `document_signatures`) for N documents, so
the library's page reads can be timed at a million rows without importing a million articles.

The rows are shaped like the 23k news corpus's: titles of 4-12 words, 400 outlets of very
unequal sizes, publication dates over 2000-2024 at day precision with 3% undated, and one
document in twenty in a group of five near-duplicates (a wire story and its copies).

    python3 scripts/synthetic-library.py OUT.sqlite [N]
"""
import random
import sqlite3
import sys

WORDS = ("botnet court minister council harbour bridge election vote police arrest bank "
         "market shares trade deal strike union report inquiry leak memo fraud tax budget "
         "health hospital school storm flood fire rescue army border talks summit oil gas "
         "energy climate price record crisis reform law judge trial appeal senate spam "
         "hackers data privacy phone network merger rates growth jobs exports").split()


def main() -> None:
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = random.Random(23)
    outlets = [f"Outlet {i:03d}" for i in range(400)]
    weights = [1 / (i + 1) for i in range(400)]
    conn = sqlite3.connect(out)
    conn.executescript(
        """
        DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS document_signatures;
        CREATE TABLE documents (id INTEGER PRIMARY KEY, kind TEXT, title TEXT, url TEXT,
          outlet TEXT, authors TEXT, published_raw TEXT, published TEXT,
          published_precision TEXT, published_zone TEXT, published_earliest INTEGER,
          published_latest INTEGER, keywords TEXT, language TEXT, doc_ref TEXT, format TEXT,
          sha256 TEXT, original_size INTEGER, extra TEXT, imported_at TEXT, original_path TEXT);
        CREATE TABLE document_signatures (document_id INTEGER PRIMARY KEY, shingles INTEGER,
          signature BLOB, group_id INTEGER);
        """
    )

    def rows():
        for i in range(1, n + 1):
            title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))).capitalize()
            outlet = rng.choices(outlets, weights)[0]
            if rng.random() < 0.03:
                raw = published = precision = earliest = latest = None
            else:
                day = rng.randrange(0, 25 * 365)
                earliest = 946684800 + day * 86400
                latest = earliest + 86399
                y, rest = 2000 + day // 365, day % 365
                published = f"{y:04d}-{rest // 31 % 12 + 1:02d}-{rest % 28 + 1:02d}"
                raw, precision = published, "day"
            yield (i, "article", title, None, outlet, "[]", raw, published, precision, None,
                   earliest, latest, "[]", "en", f"doc{i}", "news_record", f"{i:064x}",
                   1000, "{}", "2026-12-05T00:00:00Z", None)

    conn.executemany(f"INSERT INTO documents VALUES ({','.join('?' * 21)})", rows())
    # One document in twenty belongs to a group of five, whose id is its smallest member.
    groups = ((i, i - (i % 5)) for i in range(5, n + 1) if (i // 5) % 20 == 0)
    conn.executemany(
        "INSERT INTO document_signatures VALUES (?, 100, x'', ?)",
        ((doc, group) for doc, group in groups),
    )
    conn.commit()
    print(f"{out}: {n} documents")


if __name__ == "__main__":
    main()
