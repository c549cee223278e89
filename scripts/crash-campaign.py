#!/usr/bin/env python3
"""The crash campaign: kill -9 the real `dossier` binary at random points of every command
that writes, and check after each kill that the case recovers by itself.

    scripts/crash-campaign.py [--dossier target/debug/dossier] [--seed N] [--trials-per-kind K]
                              [--kinds import,reindex,...] [--keep DIR]

Why it exists: a newsroom's laptop dies mid-command (battery, OOM killer, a closed lid). Every
write a person makes must be one transaction, so whatever moment the process dies, the case
holds either all of a command's effect or none of it, `verify` passes, the search index agrees
with the case file, and the next command just works. Tests inside the process cannot show
that; only killing the real process can.

Each trial copies a prepared case, starts one command, sleeps a seeded random time within that
command's measured duration, sends SIGKILL, and then checks:
  - `dossier verify` passes;
  - the documents are the distinct files imported so far (no loss, no doubles), and re-running
    an interrupted import finishes the job;
  - the index agrees with the store: a catch-all search (`-zzqqxx`) finds exactly the ids
    `docs --json` lists, and a word every document holds finds them all;
  - the command's own invariant (a note and its citations together, a merge all or nothing, a
    brief never half written), and that re-running the command finishes it;
  - for the extraction stage (`reextract --pending` over a case imported with `--no-extract`,
    a bigger corpus so the stage runs several batches): `status --json` counts add up, the
    resumed `reextract --pending` extracts exactly the documents still pending (none twice),
    none is left pending after it, and the quotes, entities and timeline equal, ids included,
    those of an uninterrupted run.
Exit status 1 and a summary of every failing check (by trial kind) when anything fails.
Stdlib only, so it runs wherever the test command does.
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

KINDS = [
    "import",
    "reindex",
    "note-add",
    "note-edit",
    "entity-merge",
    "entity-split",
    "event-merge",
    "export",
    "extract",
]

# How many trials of each kind by default: imports and the extraction stage get the most, since
# they are the longest commands and have the most moments to be killed in.
# 14+8+8+6+5+5+5+5+24 = 80.
DEFAULT_TRIALS = {
    "import": 14,
    "reindex": 8,
    "note-add": 8,
    "note-edit": 6,
    "entity-merge": 5,
    "entity-split": 5,
    "event-merge": 5,
    "export": 5,
    "extract": 24,
}

PEOPLE = [
    ("Jane", "Smith", "a spokeswoman for the Justice Department"),
    ("Peter", "Levashov", "a Russian programmer"),
    ("Maria", "Lopez", "a police inspector in Barcelona"),
    ("Tom", "Becker", "a security researcher"),
    ("Olga", "Ivanova", "Levashov's lawyer"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July"]


def write_corpus(folder, count):
    """A small generated corpus in several formats, with quotes, people and dates in every
    document so that extraction writes quotes, entities and events for the kills to land in.
    Returns the number of documents it should import as (one file = one document)."""
    os.makedirs(folder)
    for i in range(count):
        first, last, role = PEOPLE[i % len(PEOPLE)]
        other = PEOPLE[(i + 2) % len(PEOPLE)]
        month = MONTHS[i % len(MONTHS)]
        day = 1 + i % 27
        body = (
            f'BARCELONA, {month} {day}, 2017 — Peter Levashov appeared in court on Friday, case {i}. '
            f'"We took down the Kelihos botnet, part {i}," said {first} {last}, {role}. '
            f'"The spam kept coming for years," {last} said on Monday. '
            f'{other[0]} {other[1]} was questioned in 2009 and again on {month} {day + 1}, 2016. '
            f"The hearing resumes next week. Botnet dossier item {i}.\n"
        )
        kind = i % 4
        if kind == 0:
            with open(os.path.join(folder, f"doc{i:03}.txt"), "w") as f:
                f.write(f"Court hearing {i} on the Kelihos botnet\n\n{body}")
        elif kind == 1:
            with open(os.path.join(folder, f"doc{i:03}.html"), "w") as f:
                f.write(
                    f"<html><head><title>Hearing {i} | Example News</title></head><body>"
                    f"<article><h1>Hearing {i}</h1><p>{body}</p><p>More on item {i}.</p>"
                    f"</article></body></html>"
                )
        elif kind == 2:
            with open(os.path.join(folder, f"doc{i:03}.eml"), "w") as f:
                f.write(
                    f"From: {first} {last} <{last.lower()}@example.org>\n"
                    f"To: desk@example.org\nSubject: Statement {i}\n"
                    f"Date: Mon, {day} Apr 2017 09:30:00 +0000\n\n{body}"
                )
        else:
            with open(os.path.join(folder, f"doc{i:03}.md"), "w") as f:
                f.write(f"---\ntitle: Notes {i}\ndate: 2017-04-{day:02}\n---\n\n{body}")
    return count


# Hundreds of span citations make a note's citation rows take long enough to write that a
# kill can land between saving the note and saving what it cites, if those are two steps.
MANY_SPANS = " ".join(f"[@d1:{i}-{i + 5}]" for i in range(600)) + "\n"


class Failure(Exception):
    pass


class Runner:
    def __init__(self, dossier, work):
        self.dossier = dossier
        self.work = work

    def run(self, case, *args, stdin=None, check=True):
        cmd = [self.dossier, "--case", case, *args]
        p = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=120)
        if check and p.returncode != 0:
            raise Failure(f"`dossier {' '.join(args)}` exited {p.returncode}: {p.stderr.strip()[:300]}")
        return p

    def json(self, case, *args):
        p = self.run(case, "--json", *args)
        return json.loads(p.stdout)

    def killed(self, case, args, delay, stdin=None):
        """Starts `dossier ARGS`, kills it with SIGKILL after `delay` seconds; returns True
        when the kill landed (the command had not finished yet)."""
        cmd = [self.dossier, "--case", case, *args]
        p = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if stdin is not None:
            try:
                p.stdin.write(stdin.encode())
                p.stdin.close()
            except BrokenPipeError:
                pass
        time.sleep(delay)
        landed = p.poll() is None
        if landed:
            p.send_signal(signal.SIGKILL)
        p.wait()
        return landed


def copy_case(src, dst):
    """A case is its file, its WAL (if a command left one) and its hidden index folder."""
    folder, name = os.path.split(src)
    dfolder, dname = os.path.split(dst)
    shutil.copy2(src, dst)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(src + suffix):
            shutil.copy2(src + suffix, dst + suffix)
    index = os.path.join(folder, f".{name}.index")
    if os.path.isdir(index):
        shutil.copytree(index, os.path.join(dfolder, f".{dname}.index"))


def check_case(r, case, expected_docs=None):
    """The checks every trial ends with. Returns the documents listed."""
    v = r.run(case, "verify", check=False)
    if v.returncode != 0:
        raise Failure(f"verify failed: {(v.stdout + v.stderr).strip()[:400]}")
    docs = r.json(case, "docs")
    ids = sorted(d["id"] for d in docs)
    hashes = [d["sha256"] for d in docs]
    if len(set(hashes)) != len(hashes):
        raise Failure(f"a document is stored twice ({len(hashes)} rows, {len(set(hashes))} distinct)")
    if expected_docs is not None and len(docs) != expected_docs:
        raise Failure(f"{len(docs)} documents where {expected_docs} were imported")
    everything = r.json(case, "search", "--limit", "10000", "--", "-zzqqxx")
    hits = sorted(h["doc_id"] for h in everything["hits"])
    if hits != ids or everything["total"] != len(ids):
        raise Failure(
            f"the index disagrees with the case file: catch-all search finds "
            f"{everything['total']} ({hits[:8]}…), docs lists {len(ids)} ({ids[:8]}…)"
        )
    if ids:
        botnet = r.json(case, "search", "--limit", "10000", "botnet")
        if botnet["total"] != len(ids):
            raise Failure(f"'botnet' finds {botnet['total']} of {len(ids)} documents")
    return docs


def note_backlink_ids(r, case, quote_id):
    return sorted(b["note_id"] for b in r.json(case, "note", "backlinks", "quote", str(quote_id)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossier", default=os.path.join(ROOT, "target", "debug", "dossier"))
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--trials-per-kind", type=int, default=0, help="override the default counts")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--docs", type=int, default=48, help="documents in the generated corpus")
    ap.add_argument(
        "--extract-docs",
        type=int,
        default=400,
        help="documents in the extraction stage's corpus (several of the stage's 64-document batches)",
    )
    ap.add_argument("--keep", help="keep the work folder here (for a failing trial's case)")
    a = ap.parse_args()
    if not os.access(a.dossier, os.X_OK):
        sys.exit(f"crash-campaign: no dossier binary at {a.dossier} (cargo build first)")
    rng = random.Random(a.seed)
    work = a.keep or tempfile.mkdtemp(prefix="dossier-crash-")
    os.makedirs(work, exist_ok=True)
    r = Runner(a.dossier, work)
    started = time.time()

    corpus = os.path.join(work, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    n_docs = write_corpus(corpus, a.docs)

    # The prepared case every non-import trial starts from: the corpus imported, one note
    # citing a quote, and timings of each command for the kill delays.
    base = os.path.join(work, "base.dossier")
    for leftover in (base, base + "-wal", base + "-shm"):
        if os.path.exists(leftover):
            os.remove(leftover)
    shutil.rmtree(os.path.join(work, ".base.dossier.index"), ignore_errors=True)
    subprocess.run([a.dossier, "new", base], check=True, capture_output=True)
    t = time.time()
    r.run(base, "import", corpus)
    import_secs = time.time() - t
    check_case(r, base, n_docs)
    r.run(base, "note", "add", "--title", "Base note", stdin="Levashov was arrested [@q1].\n")
    entities = r.json(base, "entities")
    people = [e for e in entities if e["kind"] == "person"]
    with_alias = [e for e in people if e["aliases"]]
    events = r.json(base, "timeline")
    if len(people) < 2 or not with_alias or len(events) < 3:
        sys.exit("crash-campaign: the generated corpus gave too few entities or events")

    def timed(args, stdin=None):
        scratch = os.path.join(work, "timing.dossier")
        for f in (scratch, scratch + "-wal", scratch + "-shm"):
            if os.path.exists(f):
                os.remove(f)
        shutil.rmtree(os.path.join(work, ".timing.dossier.index"), ignore_errors=True)
        copy_case(base, scratch)
        t = time.time()
        r.run(scratch, *args, stdin=stdin)
        return time.time() - t

    merge_into, merge_from = people[0]["id"], people[1]["id"]
    split_id, split_alias = with_alias[0]["id"], with_alias[0]["aliases"][0]
    ev_into, ev_from = events[0]["id"], events[1]["id"]
    brief_expected = os.path.join(work, "brief-expected.md")
    commands = {
        "reindex": (["reindex"], None),
        "note-add": (["note", "add", "--title", "Trial note"], "Smith spoke [@q2; @d1].\n\n" + MANY_SPANS),
        "note-edit": (["note", "edit", "1"], "Levashov was arrested [@q3] and charged [@e1].\n\n" + MANY_SPANS),
        "entity-merge": (["entity", "merge", str(merge_into), str(merge_from)], None),
        "entity-split": (["entity", "split", str(split_id), split_alias], None),
        "event-merge": (["event", "merge", str(ev_into), str(ev_from)], None),
        # The generated corpus repeats one statement with its number changed in every document,
        # which the claim check rightly calls an altered later wording (quote lineage, issue
        # 21); the campaign is about kills, not claims, so its briefs are written anyway.
        "export": (["export", "brief", "--allow-problems", "--out", brief_expected], None),
    }
    durations = {"import": import_secs}
    for kind, (args, stdin) in commands.items():
        durations[kind] = timed(args, stdin)

    # The extraction stage's trials start from a case whose documents are imported but not
    # extracted, and compare with what an uninterrupted stage makes of it.
    kinds = [k for k in a.kinds.split(",") if k]
    stage = None
    if "extract" in kinds:
        stage_corpus = os.path.join(work, "stage-corpus")
        shutil.rmtree(stage_corpus, ignore_errors=True)
        n_stage = write_corpus(stage_corpus, a.extract_docs)
        stage_base = os.path.join(work, "stage-base.dossier")
        remove_case(stage_base)
        subprocess.run([a.dossier, "new", stage_base], check=True, capture_output=True)
        r.run(stage_base, "import", "--no-extract", stage_corpus)
        status = r.json(stage_base, "status")
        if status["pending"] != n_stage or status["extracted"] != 0:
            sys.exit(f"crash-campaign: after import --no-extract, status says {status}")
        reference = os.path.join(work, "stage-reference.dossier")
        remove_case(reference)
        copy_case(stage_base, reference)
        t = time.time()
        r.run(reference, "reextract", "--pending", "--quiet")
        timings = [time.time() - t]
        # The kills must land inside the stage, so its duration is the quickest of three runs
        # rather than one that a busy moment of the machine stretched.
        for _ in range(2):
            scratch = os.path.join(work, "stage-timing.dossier")
            remove_case(scratch)
            copy_case(stage_base, scratch)
            t = time.time()
            r.run(scratch, "reextract", "--pending", "--quiet")
            timings.append(time.time() - t)
            remove_case(scratch)
        durations["extract"] = min(timings)
        stage = {
            "base": stage_base,
            "docs": n_stage,
            "rows": extracted_rows(r, reference),
            "partial": 0,
        }
        check_case(r, reference, n_stage)
    print(
        "crash-campaign: corpus of %d documents; measured durations (s): %s"
        % (n_docs, ", ".join(f"{k} {v:.2f}" for k, v in durations.items())),
        flush=True,
    )

    results = {k: {"trials": 0, "landed": 0, "failed": []} for k in kinds}
    trial_no = 0
    for kind in kinds:
        count = a.trials_per_kind or DEFAULT_TRIALS[kind]
        for _ in range(count):
            trial_no += 1
            case = os.path.join(work, f"t{trial_no:03}.dossier")
            # Kills spread over the whole command, a little past its measured end too, since
            # a loaded machine runs it slower than the measurement did.
            # Imports write from their first tenth of a second on, the extraction stage from its
            # first sixth; the other commands spend
            # their first third starting up and opening the case, which a kill there tests
            # less, so their kills land in the rest.
            low = {"import": 0.0, "extract": 0.1}.get(kind, 0.3)
            # The stage's last tenth is its index commit, after every batch: kills there are
            # fewer, so more of them land between batches.
            high = 1.0 if kind == "extract" else 1.1
            delay = rng.uniform(durations[kind] * low, durations[kind] * high)
            res = results[kind]
            res["trials"] += 1
            try:
                if kind == "extract":
                    landed = stage_trial(r, case, stage, delay)
                else:
                    landed = trial(r, kind, case, corpus, base, n_docs, delay, commands)
                res["landed"] += int(landed)
            except Failure as e:
                res["failed"].append(f"trial {trial_no} (kill after {delay * 1000:.0f} ms): {e}")
            except subprocess.TimeoutExpired as e:
                res["failed"].append(f"trial {trial_no}: a command hung: {e}")
            if not a.keep:
                remove_case(case)

    elapsed = time.time() - started
    total = sum(v["trials"] for v in results.values())
    failed = sum(len(v["failed"]) for v in results.values())
    print(f"crash-campaign: {total} trials in {elapsed:.0f} s (seed {a.seed})")
    for kind, v in results.items():
        state = "ok" if not v["failed"] else f"{len(v['failed'])} FAILED"
        print(f"  {kind:13} {v['trials']:3} trials, {v['landed']:3} killed mid-command: {state}")
        if kind == "extract" and stage:
            print(f"  {'':13} {stage['partial']:3} of them left the stage between batches")
        for f in v["failed"]:
            print(f"      {f}")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


def remove_case(case):
    folder, name = os.path.split(case)
    for f in (case, case + "-wal", case + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    shutil.rmtree(os.path.join(folder, f".{name}.index"), ignore_errors=True)
    if os.path.exists(case + ".brief.md"):
        os.remove(case + ".brief.md")


def extracted_rows(r, case):
    """Everything the extraction stage writes that a person sees, ids included."""
    return {what: r.json(case, what) for what in ("quotes", "entities", "timeline")}


def stage_trial(r, case, stage, delay):
    """Kills `reextract --pending` and checks that the next one resumes without doubles or
    gaps: it extracts exactly the documents `status` still counts as pending, leaves none, and
    the rows equal those of an uninterrupted run."""
    copy_case(stage["base"], case)
    n = stage["docs"]
    landed = r.killed(case, ["reextract", "--pending", "--quiet"], delay)
    check_case(r, case, n)
    status = r.json(case, "status")
    if status["documents"] != n or status["extracted"] + status["pending"] != n:
        raise Failure(f"status does not add up after a kill: {status}")
    if 0 < status["pending"] < n:
        stage["partial"] += 1
    resumed = r.json(case, "reextract", "--pending")
    if resumed["documents"] != status["pending"]:
        raise Failure(
            f"the resumed stage extracted {resumed['documents']} documents where "
            f"{status['pending']} were pending"
        )
    after = r.json(case, "status")
    if after["pending"] != 0 or after["extracted"] != n:
        raise Failure(f"documents left pending after the stage finished: {after}")
    rows = extracted_rows(r, case)
    for what, expected in stage["rows"].items():
        if rows[what] != expected:
            raise Failure(
                f"{what} differ from an uninterrupted run: {len(rows[what])} rows against "
                f"{len(expected)}"
            )
    check_case(r, case, n)
    return landed


def trial(r, kind, case, corpus, base, n_docs, delay, commands):
    """One kill and its checks; raises Failure naming the first broken invariant."""
    if kind == "import":
        subprocess.run([r.dossier, "new", case], check=True, capture_output=True)
        landed = r.killed(case, ["import", corpus], delay)
        before = check_case(r, case)
        if len(before) > n_docs:
            raise Failure(f"{len(before)} documents after a kill, more than the {n_docs} files")
        again = r.run(case, "import", corpus)
        check_case(r, case, n_docs)
        # The first import's documents must be skipped as duplicates, not imported twice.
        if f"Imported {n_docs - len(before)} documents" not in again.stdout:
            raise Failure(f"re-import after {len(before)} said: {again.stdout.strip()[:200]}")
        return landed

    copy_case(base, case)
    args, stdin = commands[kind]
    if kind == "export":
        args = ["export", "brief", "--allow-problems", "--out", case + ".brief.md"]
    notes_before = r.json(case, "note", "list")
    landed = r.killed(case, args, delay, stdin=stdin)
    check_case(r, case, n_docs)

    if kind == "note-add":
        notes = r.json(case, "note", "list")
        added = [n for n in notes if n["title"] == "Trial note"]
        if added and added[0]["id"] not in note_backlink_ids(r, case, 2):
            raise Failure(
                "the note was saved without its citations (backlinks of q2 miss it): "
                "note and citations are not one transaction"
            )
        retry = r.run(case, *args, stdin=stdin, check=False)
        if not added and retry.returncode != 0:
            raise Failure(f"retrying note add failed: {retry.stderr.strip()[:200]}")
    elif kind == "note-edit":
        text = r.json(case, "note", "show", "1")["text"]
        cites_q3 = 1 in note_backlink_ids(r, case, 3)
        if ("[@q3]" in text) != cites_q3:
            raise Failure(
                f"the note's text and its citation rows disagree after a kill "
                f"(text cites q3: {'[@q3]' in text}, rows: {cites_q3})"
            )
        versions = r.json(case, "note", "history", "1")
        if len(versions) not in (1, 2):
            raise Failure(f"{len(versions)} versions after one edit")
    elif kind in ("entity-merge", "entity-split", "event-merge"):
        retry = r.run(case, *args, check=False)
        if retry.returncode != 0 and '"internal"' in retry.stderr + retry.stdout:
            raise Failure(f"re-running the command: {retry.stderr.strip()[:200]}")
        check_case(r, case, n_docs)
    elif kind == "export":
        path = case + ".brief.md"
        if os.path.exists(path):
            # A brief is deterministic, so a complete one equals the brief written again now
            # (the one measured earlier names another case in its title).
            again = case + ".again.md"
            r.run(case, "export", "brief", "--allow-problems", "--out", again)
            with open(path) as f, open(again) as g:
                written, complete = f.read(), g.read()
            os.remove(again)
            if written != complete:
                raise Failure(
                    f"a partial brief was left: {len(written)} of {len(complete)} bytes"
                )
    if kind != "note-add":
        # The next command recovers by itself and the case is still writable.
        r.run(case, "note", "add", "--title", f"After {kind}", stdin="Still writable [@d1].\n")
    if kind != "note-add" and len(r.json(case, "note", "list")) != len(notes_before) + 1:
        raise Failure("the note count is off after one note was added")
    return landed


if __name__ == "__main__":
    main()
