#!/usr/bin/env bash
# Measures issue 23's "importing 1,000 more articles into the 1M case, at most 2x the time of
# importing them into an empty case": each set of 1,000 new articles is imported into an
# empty case, the big case and another empty case, back to back, and the three times printed.
#
# The sets come from `gen_corpus` with fresh seeds: the copies past the corpus's first round
# (articles RECORDS.. of RECORDS+1000), each about the 43rd copy of its story in a case made
# the same way. A new seed's copies include articles identical byte for byte to ones already
# in the big case (a quarter to a third of them), which the big case would skip as duplicates
# and the empty one import: only articles whose SHA-256 is not in the big case are kept, so
# both cases import the same ones.
#
# Usage: scripts/bench-more-articles.sh DOSSIER BIG_CASE CORPUS_TAR_GZ SEED [SEED...]
#   DOSSIER is the CLI binary measured; the gen_corpus example must be built
#   (cargo build --release --example gen_corpus). RECORDS defaults to 23192, the shared
#   corpus's size. Each set imported into the big case stays there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dossier="$(realpath "${1:?usage: DOSSIER BIG_CASE CORPUS_TAR_GZ SEED...}")"
big="$(realpath "${2:?big case}")"
corpus="$(realpath "${3:?corpus archive}")"
shift 3
records="${RECORDS:-23192}"
gen="${GEN_CORPUS:-$root/target/release/examples/gen_corpus}"
work="$(mktemp -d -t dossier-more-articles.XXXXXX)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/pool"
for seed in "$@"; do
  "$gen" "$corpus" "$((records + 1000))" "$work/gen-$seed" "$seed" >/dev/null
  find "$work/gen-$seed" -name '*.txt' | while read -r file; do
    number="$(basename "$file" .txt)"
    if (( 10#$number >= records )); then
      mv "$file" "$work/pool/$seed-$number.txt"
    fi
  done
  rm -rf "$work/gen-$seed"
done

# Sets of 1,000 articles new to the big case and to each other.
python3 - "$big" "$work" <<'PY'
import hashlib, os, sqlite3, sys
big, work = sys.argv[1], sys.argv[2]
con = sqlite3.connect(f"file:{big}?mode=ro", uri=True)
pool = os.path.join(work, "pool")
seen, kept = set(), []
for name in sorted(os.listdir(pool)):
    digest = hashlib.sha256(open(os.path.join(pool, name), "rb").read()).hexdigest()
    if digest in seen:
        continue
    seen.add(digest)
    if con.execute("SELECT 1 FROM documents WHERE sha256 = ?", (digest,)).fetchone() is None:
        kept.append(name)
print(f"{len(seen)} distinct articles, {len(kept)} not in the big case", file=sys.stderr)
for n in range(len(kept) // 1000):
    folder = os.path.join(work, f"set-{n}")
    os.makedirs(folder)
    for name in kept[n * 1000:(n + 1) * 1000]:
        os.rename(os.path.join(pool, name), os.path.join(folder, name))
PY

for set in "$work"/set-*; do
  for case in empty-a big empty-b; do
    target="$big"
    if [[ "$case" != big ]]; then
      target="$work/$case-$(basename "$set").dossier"
      "$dossier" new "$target" >/dev/null
    fi
    /usr/bin/time -f "$(basename "$set") $case %e s, peak %M kB" \
      "$dossier" --case "$target" import --quiet "$set" >/dev/null
  done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
