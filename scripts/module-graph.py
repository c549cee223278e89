#!/usr/bin/env python3
"""The core's module graph: which file imports which, and which imports run the wrong way.

Dossier's core is meant to be layered: pure extractors at the bottom, then the DTOs, the
SQLite store, the search cache, analysis, the importer, citations, exports, the `Case` API,
and the CLI on top. A lower layer that imports a higher one ("a back-up import") is a door
opening the wrong way: the lower module can no longer be understood, tested or reused without
the one above it, and two folders that import each other (a folder cycle) are really one
room. This script reads every `.rs` file under `src/` (test modules and test-only files left
out, since tests may reach anywhere), collects the paths it names (`use crate::…`,
`use super::…`, `crate::x::y` written in code, and `dossier::…` in the binary), resolves them
to files, and prints

* every back-up import, file → file, with the line that makes it, and
* every cycle between folders (a top-level module: `src/store/` or `src/analysis.rs`), as a
  strongly connected component with the imports that close it.

`--check --max-up N --max-cycles M` exits 1 when there are more than N back-up imports or M
folder cycles (or a file in no layer);
`tests/it/module_graph.rs` runs it that way, so the figure can only go down.

Why the layers are what they are (LAYERS below, lowest first):

* `error` and `digest` (the SHA-256 hex) are below everything: every layer returns
  `crate::Result`, and the store, the importer and `verify` hash the same way.
* The pure extractors and helpers (`normalize`, `text`, `timex`, `pubdate`, `intervals`,
  `quotes`, `entities`, `legal`, `notes`) take text and return spans; they may use each other
  (the caption reader asks `timex` for a filing date) but nothing above them. `audit` (the
  audit log's hashing and chain rules) is pure too, and `store::audit` calls it.
* `model` (the DTOs and the ingest contract, `ImportedDocument`) shares their layer: `legal`
  returns the `LegalStructure` that `model/` declares, and `model/` names the extractors'
  types (`DatePrecision`, `PublishedDate`, `EntityKind`), so either order would put one
  import the wrong way; the DTOs are the extractors' vocabulary, not a layer of their own.
* `store` (SQL, one module per table) is above the DTOs it reads and writes, and below
  everything that decides what to write.
* `search` is a cache of the store (it reads `store::documents` and the journal).
* `import` parses files into the ingest contract and writes them through `store`, feeding
  `search` and `analysis` during its batches...
* ...so `analysis` (where extraction meets the case) sits below `import`, which calls it;
  `analysis` calls only the extractors and `store`. The extraction stage (`stage`) shares
  the importer's layer: it is the import's second half, calling `analysis` and `store`; so
  does the OCR stage (`ocr_stage`), which writes recognised text through `store`.
* `ocr` (the engine as a child process, Tesseract's TSV, image headers, pages assembled
  through normalization) is a helper like the extractors: pictures in, text out, no case.
* `cite` (the citation resolver and the claim rules, against a lookup trait) is below
  `export`, since the brief lists the claim check's problems; `export` turns data into files.
* `api`, `case`, `verify` and `demo` are the `Case` surface; `lib.rs` re-exports it.
* The binary (`main.rs`, `cli/`) is on top and reaches the library only through `dossier::`.

Usage: python3 scripts/module-graph.py [--root DIR] [--check] [--max-up N] [--max-cycles M]
       [--edges]
"""

import argparse
import os
import re
import signal
import sys

# Lowest first. A file's layer is that of the longest module prefix listed here; a module not
# listed is reported, so a new folder has to be placed on purpose.
LAYERS = [
    ("foundation", ["error", "digest"]),
    (
        "extractors and DTOs",
        [
            "normalize",
            "text",
            "intervals",
            "timex",
            "pubdate",
            "quotes",
            "entities",
            "legal",
            "notes",
            "ocr",
            "copies",
            "lineage",
            "mail",
            "network",
            "audit",
            "model",
        ],
    ),
    ("store", ["store"]),
    ("search", ["search"]),
    ("analysis", ["analysis"]),
    ("import", ["import", "stage", "ocr_stage", "grouping"]),
    ("cite", ["cite"]),
    ("export", ["export"]),
    ("api", ["api", "case", "verify", "demo", "team"]),
    ("lib", ["lib"]),
    ("cli", ["cli"]),
    ("main", ["main"]),
]

LAYER_OF = {}
for rank, (_name, prefixes) in enumerate(LAYERS):
    for prefix in prefixes:
        LAYER_OF[prefix] = rank

BIN_MODULES = {"cli"}  # Top-level modules of the `dossier` binary, not of the library.


def module_path(rel):
    """`store/documents.rs` → ('store', 'documents'); `model/mod.rs` → ('model',)."""
    parts = rel[:-3].split("/")
    if parts[-1] == "mod":
        parts = parts[:-1]
    if parts == ["lib"] or parts == ["main"]:
        return (parts[0],)
    return tuple(parts)


def strip_comments(text):
    """Drops `//` comments (doc comments included) and block comments, keeping line numbers."""
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    out = []
    for line in text.split("\n"):
        # A `//` inside a string ("http://…") is kept only when it is not preceded by
        # whitespace or the start of the line, which is how rustfmt writes comments.
        line = re.sub(r"(^|\s)//.*$", "", line)
        out.append(line)
    return "\n".join(out)


def strip_test_modules(text):
    """Blanks inline `#[cfg(test)] mod x { … }` blocks (rustfmt closes them with `}` at column 0)."""
    lines = text.split("\n")
    out = []
    skipping = False
    pending_cfg = False
    for line in lines:
        if skipping:
            out.append("")
            if line.startswith("}"):
                skipping = False
            continue
        stripped = line.strip()
        if stripped == "#[cfg(test)]":
            pending_cfg = True
            out.append(line)
            continue
        if pending_cfg and re.match(r"(pub(\(crate\))?\s+)?mod\s+\w+\s*\{", stripped):
            skipping = not stripped.endswith("}")
            out.append("")
            pending_cfg = False
            continue
        pending_cfg = False
        out.append(line)
    return "\n".join(out)


def test_only_children(text):
    """Names of `#[cfg(test)] mod x;` declared in a file."""
    return set(re.findall(r"#\[cfg\(test\)\]\s*(?:pub(?:\(crate\))?\s+)?mod\s+(\w+)\s*;", text))


def expand_use_tree(tree):
    """`crate::a::{b, c::{d, self}}` → ['crate::a::b', 'crate::a::c::d', 'crate::a::c']."""
    tree = re.sub(r"\s+as\s+\w+", "", tree)
    tree = re.sub(r"\s+", "", tree)
    results = []

    def walk(prefix, s):
        # Splits s at top-level commas.
        depth, start, items = 0, 0, []
        for i, ch in enumerate(s):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                items.append(s[start:i])
                start = i + 1
        items.append(s[start:])
        for item in items:
            if not item:
                continue
            brace = item.find("{")
            if brace >= 0 and item.endswith("}"):
                head = item[:brace].rstrip(":")
                walk(prefix + ([head] if head else []), item[brace + 1 : -1])
            else:
                segs = [p for p in item.split("::") if p]
                if segs and segs[-1] == "self":
                    segs = segs[:-1]
                results.append("::".join(prefix + segs))

    walk([], tree)
    return results


class Crate:
    def __init__(self, root):
        self.root = root
        self.src = os.path.join(root, "src")
        self.files = {}  # module path tuple -> relative file
        self.text = {}  # relative file -> cleaned text
        self.raw = {}  # relative file -> raw lines
        test_only = set()
        for dirpath, _dirs, names in os.walk(self.src):
            for name in names:
                if not name.endswith(".rs"):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, name), self.src).replace(os.sep, "/")
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    raw = f.read()
                mod = module_path(rel)
                parent = mod if rel.endswith("mod.rs") or rel in ("lib.rs", "main.rs") else mod[:-1]
                if rel in ("lib.rs", "main.rs"):
                    parent = ()
                for child in test_only_children(raw):
                    test_only.add(parent + (child,))
                self.files[mod] = rel
                self.raw[rel] = raw.split("\n")
                self.text[rel] = strip_test_modules(strip_comments(raw))
        # Test-only files, and everything below a test-only module, are left out.
        for mod in list(self.files):
            if any(mod[: len(t)] == t for t in test_only):
                del self.text[self.files[mod]]
                del self.files[mod]
        self.reexports = {mod: self._reexports(rel, mod) for mod, rel in self.files.items()}

    def is_bin(self, mod):
        return mod == ("main",) or (mod and mod[0] in BIN_MODULES)

    def _reexports(self, rel, mod):
        """Named items a module re-exports with `pub use`: name -> absolute path."""
        found = {}
        for m in re.finditer(r"\bpub(?:\([^)]*\))?\s+use\s+([^;]+);", self.text[rel]):
            for path in expand_use_tree(m.group(1)):
                segs = path.split("::")
                if segs[-1] == "*":
                    continue
                found[segs[-1]] = self.absolute(mod, rel, segs)
        return found

    def own_module(self, mod, rel):
        """The module that `self::` means in a file (a file is its module)."""
        if rel in ("lib.rs", "main.rs"):
            return ()
        return mod

    def absolute(self, mod, rel, segs):
        """Resolves `crate::`, `super::`, `self::` and `dossier::` to an absolute segment list
        whose first element is 'lib' or 'bin'; None for external crates."""
        here = self.own_module(mod, rel)
        crate = "bin" if self.is_bin(mod) else "lib"
        if not segs:
            return None
        if segs[0] == "crate":
            return [crate] + segs[1:]
        if segs[0] == "dossier" and crate == "bin":
            return ["lib"] + segs[1:]
        if segs[0] in ("super", "self"):
            base = list(here)
            while segs and segs[0] in ("super", "self"):
                if segs[0] == "super":
                    base = base[:-1]
                segs = segs[1:]
            if crate == "bin" and base == []:
                return ["bin"] + segs
            return [crate] + base + segs
        # A path starting with a child module of this one (`use batch::import_paths`).
        child = tuple(here) + (segs[0],)
        if child in self.files and (crate == "lib") != self.is_bin(child):
            return [crate] + list(child) + segs[1:]
        return None

    def resolve(self, abspath, depth=0):
        """Absolute segments → the module (file) they name, following `pub use` one hop."""
        if abspath is None or depth > 4:
            return None
        crate, segs = abspath[0], abspath[1:]
        best = ("lib",) if crate == "lib" else ("main",)
        cur = ()
        for i, seg in enumerate(segs):
            nxt = cur + (seg,)
            if nxt in self.files and (crate == "bin") == self.is_bin(nxt):
                cur = nxt
                best = nxt
                continue
            # Not a module: an item of `cur`, possibly re-exported from elsewhere.
            target = self.reexports.get(cur if cur else best, {}).get(seg)
            if target is not None and target != abspath:
                via = self.resolve(target, depth + 1)
                if via is not None:
                    return via
            break
        return best

    def edges(self):
        """(from_rel, to_rel, line_number, line_text) for every distinct file → file import."""
        out = {}
        pattern = re.compile(r"\b(?:crate|super|self|dossier)(?:::\w+)+")
        for mod, rel in self.files.items():
            text = self.text[rel]
            found = []
            for m in re.finditer(r"\buse\s+([^;]+);", text):
                line = text.count("\n", 0, m.start()) + 1
                for path in expand_use_tree(m.group(1)):
                    found.append((line, path.split("::")))
            use_spans = [(m.start(), m.end()) for m in re.finditer(r"\buse\s+[^;]+;", text)]
            for m in pattern.finditer(text):
                if any(a <= m.start() < b for a, b in use_spans):
                    continue
                line = text.count("\n", 0, m.start()) + 1
                found.append((line, m.group(0).split("::")))
            for line, segs in found:
                target = self.resolve(self.absolute(mod, rel, segs))
                if target is None or target == mod:
                    continue
                to_rel = self.files.get(target)
                if to_rel is None:
                    continue
                key = (rel, to_rel)
                if key not in out:
                    out[key] = (line, self.raw[rel][line - 1].strip())
        return [(a, b, line, src) for (a, b), (line, src) in sorted(out.items())]


def layer(rel):
    mod = module_path(rel)
    for n in range(len(mod), 0, -1):
        key = "/".join(mod[:n])
        if key in LAYER_OF:
            return LAYER_OF[key]
    return None


def folder(rel):
    return module_path(rel)[0]


def sccs(nodes, graph):
    """Tarjan's strongly connected components, iteratively."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = [0]
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, it = work[-1]
            advanced = False
            for nxt in it:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]
                    counter[0] += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    comp.append(top)
                    if top == node:
                        break
                result.append(sorted(comp))
    return result


def elementary_cycles(graph, comp):
    """Every simple cycle inside one component, each listed once from its smallest folder."""
    found = []
    members = set(comp)
    for start in sorted(comp):
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt not in members or nxt < start:
                    continue
                if nxt == start:
                    found.append(path + [start])
                elif nxt not in path:
                    stack.append((nxt, path + [nxt]))
    return found


def main():
    # `module-graph.py | head` ends quietly when the reader goes away.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    ap.add_argument("--check", action="store_true", help="exit 1 past --max-up or on a cycle")
    ap.add_argument("--max-up", type=int, default=0)
    ap.add_argument("--max-cycles", type=int, default=0)
    ap.add_argument("--edges", action="store_true", help="also print every import edge")
    args = ap.parse_args()

    crate = Crate(os.path.abspath(args.root))
    edges = crate.edges()

    unplaced = sorted({rel for rel in crate.files.values() if layer(rel) is None})
    if unplaced:
        print("files in no layer (add them to LAYERS):")
        for rel in unplaced:
            print(f"  src/{rel}")

    if args.edges:
        for a, b, line, src in edges:
            print(f"src/{a} -> src/{b}   ({line}: {src})")

    up = [
        e
        for e in edges
        if layer(e[0]) is not None and layer(e[1]) is not None and layer(e[0]) < layer(e[1])
    ]
    print(f"back-up imports (a lower layer importing a higher one): {len(up)}")
    for a, b, line, src in up:
        print(f"  src/{a}:{line} [{LAYERS[layer(a)][0]}] -> src/{b} [{LAYERS[layer(b)][0]}]")
        print(f"      {src}")

    graph, why = {}, {}
    for a, b, line, src in edges:
        fa, fb = folder(a), folder(b)
        if fa == fb:
            continue
        graph.setdefault(fa, set()).add(fb)
        why.setdefault((fa, fb), (a, line, src))
    nodes = {folder(rel) for rel in crate.files.values()}
    cycles = [c for c in sccs(nodes, graph) if len(c) > 1]
    print(f"folder cycles (groups of folders that import each other): {len(cycles)}")
    for comp in cycles:
        loops = elementary_cycles(graph, comp)
        print("  " + " <-> ".join(comp) + f"  ({len(loops)} simple cycles)")
        for loop in loops:
            print("    " + " -> ".join(loop))
        for fa in comp:
            for fb in sorted(graph.get(fa, ())):
                if fb in comp:
                    a, line, src = why[(fa, fb)]
                    print(f"      {fa} -> {fb}: src/{a}:{line}: {src}")

    if args.check:
        failed = False
        if unplaced:
            failed = True
        if len(up) > args.max_up:
            print(f"error: {len(up)} back-up imports, at most {args.max_up} agreed", file=sys.stderr)
            failed = True
        if len(cycles) > args.max_cycles:
            print(
                f"error: {len(cycles)} folder cycles, at most {args.max_cycles} agreed",
                file=sys.stderr,
            )
            failed = True
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
