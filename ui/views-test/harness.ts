// The real App, mounted in a plain browser page with Tauri's IPC mocked (@tauri-apps/api/mocks).
// The scenario comes from the page's query string:
// ?case=none|open&docs=N&quotes=N&events=N&people=N; &copies=1 makes documents 1, 3, 4 and 5
// one group of near-duplicates in the library; &threads=1 makes the library fold the thread of
// documents 5 and 10 (the reader's thread of `thread_of`) into one row; &stage=running opens the case with the
// extraction stage at a quarter of the documents, and window.__stage moves it on.
// Every call the
// window makes is recorded in window.__calls for the tests to inspect.

import { emit } from "@tauri-apps/api/event";
import type { ExtractionState } from "../src/lib/bindings/ExtractionState";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { mount } from "svelte";
import App from "../src/App.svelte";
import "../src/app.css";
import { filterDocuments, sortDocuments, type SortKey } from "../src/lib/library";
import { COPY_DIFF, COPY_GROUP, copyGroup, groupedDocuments, quoteLineage, clusteredPoints, documentOf, entities, entityDetail, eventRecord, network, quoteAt, searchResults, summaries, timelinePoints } from "./fixtures";

type Call = { cmd: string; args: unknown };
declare global {
  interface Window {
    __calls: Call[];
    __pwned?: unknown;
    __stage: (next: Partial<ExtractionState>) => Promise<void>;
  }
}

const params = new URLSearchParams(location.search);
const docs = summaries(Number(params.get("docs") ?? "5"));
// Documents a running import has committed so far, which list_documents includes, as the
// core's read-only handle does during an import (?importsteps=N makes the import longer).
let arrived = 0;
let sortedCache: { key: string; rows: ReturnType<typeof summaries> } | null = null;
/** The documents the case holds now: those imported so far, less the trash. */
const present = () => (arrived === 0 ? docs : summaries(docs.length + arrived)).filter((d) => !trashed.has(d.id));
/** The library's rows for a page request (its filter and order), as the core gives them. */
function libraryRows(r: Record<string, unknown>) {
  const all = present();
  // Sorting 100,000 rows per page would make the mock, not the view, the slow part.
  const key = `${r.sort} ${r.dir} ${all.length} ${arrived} ${trashed.size}`;
  if (sortedCache?.key !== key) {
    const rows = r.sort === "imported" ? [...all].sort((x, y) => (r.dir === "desc" ? y.id - x.id : x.id - y.id)) : sortDocuments(all, r.sort as SortKey, r.dir as "asc" | "desc");
    sortedCache = { key, rows };
  }
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const rows = filterDocuments(sortedCache.rows, { title: text(r.title), kind: (r.kind ?? "") as "", outlet: text(r.outlet), from: text(r.from), to: text(r.to), collapse: false, threads: false });
  // With ?copies=1, the core's collapse: a group is shown by its smallest id still present.
  const members = copyMembers();
  const collapsed = r.collapse_copies && members.length > 1 ? rows.filter((d) => !members.includes(d.id) || d.id === members[0]) : rows;
  // With ?threads=1, the core's collapse of threads: a thread is shown by its oldest message
  // that passes the filter (5 is older than 10).
  const thread = threadMembers();
  const first = thread.find((id) => collapsed.some((d) => d.id === id));
  return r.collapse_threads && thread.length > 1 ? collapsed.filter((d) => !thread.includes(d.id) || d.id === first) : collapsed;
}
/** The documents of the thread the library folds that are in the case (none without ?threads=1). */
function threadMembers(): number[] {
  if (params.get("threads") !== "1") return [];
  const here = new Set(present().map((d) => d.id));
  return THREAD.filter((id) => here.has(id));
}
/** Documents 5 and 10 (emails) are one thread; every other email is alone in its own. */
const THREAD = [5, 10];
/** The members of the fixture's group of copies still in the case (none without ?copies=1). */
function copyMembers(): number[] {
  if (params.get("copies") !== "1") return [];
  const here = new Set(present().map((d) => d.id));
  return COPY_GROUP.filter((id) => here.has(id));
}

/** The ids a bulk action's selection stands for: listed, a query's hits (?bulktotal=N of them), or library rows. */
function selectedIds(selection: { ids?: number[]; query?: string; library?: Record<string, unknown> }): number[] {
  if (selection.library) {
    const r = selection.library;
    const offset = Number(r.offset);
    const rows = libraryRows(r).slice(offset, r.limit === null ? undefined : offset + Number(r.limit));
    return rows.map((d) => d.id).sort((x, y) => x - y);
  }
  return selection.ids ?? [];
}
const importSteps = Number(params.get("importsteps") ?? "4");
let open = params.get("case") !== "none";
const info = () => ({ path: "/cases/test.dossier", name: "test", document_count: docs.length });
const quoteCount = Number(params.get("quotes") ?? "12");
// ?events=clustered: events bunched in April 2017 with far-off outliers (clusteredPoints).
const points = params.get("events") === "clustered" ? clusteredPoints() : timelinePoints(Number(params.get("events") ?? "50"));
const people = entities(Number(params.get("people") ?? "0"));
// team=1: a team case, whose quotes, merges and note versions name their authors.
const team = params.get("team") === "1";
// The entities a merge went into (entity 1 starts so in a team case, merged by Alice).
const mergedInto = new Set<number>(team ? [1] : []);
// Whether the open case is a team case now (it becomes one when published or joined).
let teamCase = team;
// The extraction stage as the core reports it. While it runs, the quotes extracted so far are
// the share of the documents it has reached, as in a case filling up.
let stage: ExtractionState = {
  running: params.get("stage") === "running",
  documents: docs.length,
  extracted: params.get("stage") === "running" ? Math.floor(docs.length / 4) : docs.length,
  rate: null,
  eta_seconds: null,
  problems: 0,
  error: null,
};
const quotesNow = () => (stage.extracted >= stage.documents ? quoteCount : Math.floor((quoteCount * stage.extracted) / stage.documents));
window.__stage = async (next) => {
  stage = { ...stage, ...next };
  await emit("extraction-progress", stage);
};
const reviewed = new Map<number, string>();
// Event tags as the core keeps them (already in normal form here: the UI normalises first).
const eventTagsOf = new Map<number, string[]>([[2, ["botnet"]]]);
const taggedEvent = (id: number) => ({ ...eventRecord(id, points), tags: [...(eventTagsOf.get(id) ?? [])].sort() });
type Note = { title: string; text: string; version: number; deleted?: boolean };
// Nothing lost: drafts by note id (0: the new note), documents in the trash, edited details.
// `?draft=1` starts with a new note's draft left by an earlier run, as after a crash.
const drafts = new Map<number, { title: string; text: string }>();
if (params.get("draft") === "1") {
  drafts.set(0, { title: "Left unsaved", text: "Typed before the crash." });
}
const trashed = new Set<number>();
const edits = new Map<number, Record<string, unknown>>();
const notes: Note[] = [{ title: "Kelihos notes", text: "The botnet fell [@q1].", version: 1 }];
const noteSummary = (n: Note) => ({
  id: notes.indexOf(n) + 1,
  title: n.title,
  version: n.version,
  created_at: "2026-11-27T20:00:00Z",
  updated_at: "2026-11-27T21:00:00Z",
  excerpt: n.text.slice(0, 60),
});
/** The claim check as the core answers it: quoted words the quote does not contain. */
function checkText(text: string) {
  const lines = text.split("\n");
  const out = [];
  for (let l = 0; l < lines.length; l++) {
    const m = /"([^"]+)"/.exec(lines[l]);
    if (m && !"The Kelihos botnet was taken down".includes(m[1])) {
      const column = [...lines[l].slice(0, m.index)].length + 1;
      out.push({
        kind: "misquote",
        note_id: null,
        line: l + 1,
        column,
        end_column: column + [...m[0]].length,
        message: `the cited source does not say "${m[1]}"`,
        suggestion: "The Kelihos botnet was taken down",
      });
    }
  }
  return out;
}
const noteDetail = (n: Note) => ({
  ...noteSummary(n),
  text: n.text,
  citations: [],
  links: [],
  backlinks: [{ note_id: 1, note_title: "Kelihos notes", target: "q1" }],
  problems: checkText(n.text),
});
// Where the file dialogs start: the home folder until a dialog has been used.
let lastFolder = "/home/reporter";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Tags and stars on documents, and the audit log, as the core keeps them.
const docMarks = new Map<number, { tags: string[]; starred: boolean; reviewed: boolean }>([[1, { tags: ["lead"], starred: true, reviewed: false }]]);
const marksOf = (id: number) => ({ document_id: id, ...(docMarks.get(id) ?? { tags: [], starred: false, reviewed: false }) });
const auditEntries = [
  { id: 2, time: "2026-12-05T09:00:00Z", action: "document.tag", target: "documents:2", author: null, detail: { tag: "lead" }, prev_hash: "a".repeat(64), hash: "b".repeat(64) },
  { id: 1, time: "2026-12-04T09:00:00Z", action: "import", target: "documents:1-5", author: null, detail: { count: 5 }, prev_hash: "0".repeat(64), hash: "a".repeat(64) },
];
let bulkIds = 0;
window.__calls = [];

mockWindows("main");
mockIPC(
  async (cmd, args) => {
    window.__calls.push({ cmd, args });
    const a = (args ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case "current_case":
        return open ? info() : null;
      case "recent_cases":
        return [
          { path: "/cases/test.dossier", name: "test", opened_at_ms: 1_790_000_000_000, exists: true },
          { path: "/gone/old.dossier", name: "old", opened_at_ms: 1_780_000_000_000, exists: false },
        ];
      case "open_demo_case":
      case "open_case":
        open = true;
        return info();
      case "close_case":
        open = false;
        return null;
      case "list_documents":
        return present();
      case "document_page": {
        // The core's page, with the old client-side sort and filter as the reference.
        const r = a.request as Record<string, unknown>;
        const rows = libraryRows(r);
        const offset = Number(r.offset);
        const limit = r.limit === null ? rows.length : Number(r.limit);
        const documents = rows.slice(offset, offset + limit);
        const members = copyMembers();
        const copies = documents.map((d) => (members.length > 1 && members.includes(d.id) ? members.length - 1 : 0));
        const thread = threadMembers();
        const messages = documents.map((d) => (r.collapse_threads && thread.includes(d.id) ? thread.length : 0));
        return { total: r.skip_total ? null : rows.length, documents, copies, messages };
      }
      case "document_outlets": {
        const counts = new Map<string, number>();
        for (const d of present()) if (d.outlet) counts.set(d.outlet, (counts.get(d.outlet) ?? 0) + 1);
        return [...counts].sort((x, y) => y[1] - x[1]).slice(0, Number(a.limit)).map(([outlet, documents]) => ({ outlet, documents }));
      }
      case "page_image":
        // A 1 × 1 grey PNG: what matters is that the reader shows the data it is given.
        return {
          physical: Number(a.page),
          mime: "image/png",
          base64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==",
        };
      case "grouped_documents":
        return params.get("copies") === "1" ? groupedDocuments().filter((g) => g.document <= docs.length) : [];
      case "document_copies":
        return copyGroup(Number(a.id), docs);
      case "thread_of": {
        const thread = THREAD.filter((id) => id <= docs.length);
        if (!thread.includes(Number(a.id))) return [];
        return thread
          .filter((id) => id !== Number(a.id))
          .map((id) => ({ id, title: docs[id - 1].title, sender: "Ann Smith <ann@example.com>", published: docs[id - 1].published }));
      }
      case "copy_differences":
        return Number(a.id) === 1 ? [] : COPY_DIFF;
      case "quote_lineage":
        return quoteLineage(Number(a.id));
      case "quote_reviews":
        // In a team case (team=1), quote 1 was confirmed by Alice, then rejected by Bob.
        return team && Number(a.id) === 1
          ? [
              { status: "rejected", author: "bob", at: "2026-12-05T10:02:00Z" },
              { status: "confirmed", author: "alice", at: "2026-12-05T10:01:00Z" },
            ]
          : [];
      case "entity_merges":
        return team && mergedInto.has(Number(a.id))
          ? [{ merge_id: 42, from_name: "V. Kremez", author: "alice", at: "2026-12-05T09:30:00Z" }]
          : [];
      case "altered_quotes":
        return quoteLineage(1).appearances.filter((q) => q.altered);
      case "get_document":
        return { ...documentOf(docs[Number(a.id) - 1]), ...(edits.get(Number(a.id)) ?? {}) };
      case "edit_document": {
        const edit = a.edit as Record<string, unknown>;
        const changed = Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== null));
        edits.set(Number(a.id), { ...(edits.get(Number(a.id)) ?? {}), ...changed });
        return { ...documentOf(docs[Number(a.id) - 1]), ...edits.get(Number(a.id)) };
      }
      case "deletion_impact": {
        const ids = a.ids as number[];
        return {
          documents: ids,
          quotes: 3 * ids.length,
          reviewed_quotes: 1,
          events: 2 * ids.length,
          events_removed: ids.length,
          citing_notes: [{ id: 1, title: "Kelihos notes" }],
        };
      }
      case "delete_documents":
      case "purge_documents":
        for (const id of a.ids as number[]) trashed.add(id);
        return (a.ids as number[]).map((id) => ({ id, title: "", deleted_at: "2026-12-05T04:00:00Z", purged_at: null }));
      case "restore_documents":
        for (const id of a.ids as number[]) trashed.delete(id);
        return null;
      case "sync_status":
        return teamCase
          ? {
              team: true,
              server: "postgres://alice@db.example.org/kelihos?sslmode=verify-full",
              role: "alice",
              last_sync: "2026-12-05T10:05:00Z",
              waiting: 2,
              conflicts: 0,
              recent: [{ author: "bob", at: "2026-12-05T10:02:00Z", what: "quote set to rejected" }],
            }
          : { team: false, server: null, role: null, last_sync: null, waiting: 0, conflicts: 0, recent: [] };
      case "publish_team_case":
        teamCase = true;
        return { pushed: 17, pulled: 0, documents: 0, conflicts: [], server_seq: 17 };
      case "grant_team_role":
        if (a.role === "mallory") throw { code: "internal", message: 'the team server failed granting: role "mallory" does not exist (42704)' };
        return null;
      case "join_team_case":
        open = true;
        teamCase = true;
        return info();
      case "sync_case":
        return { pushed: 0, pulled: 0, documents: 0, conflicts: [], server_seq: 0 };
      case "backup_case":
        return { path: a.path, bytes: 4096, documents: docs.length - trashed.size, notes: notes.length };
      case "save_note_draft":
        drafts.set(Number(a.noteId ?? 0), { title: String(a.title), text: String(a.text) });
        return { note_id: a.noteId ?? null, title: a.title, text: a.text, base_version: null, saved_at: "2026-12-05T04:00:00Z" };
      case "note_drafts":
        return [...drafts.entries()].map(([id, d]) => ({
          note_id: id === 0 ? null : id,
          title: d.title,
          text: d.text,
          base_version: null,
          saved_at: "2026-12-05T04:00:00Z",
        }));
      case "discard_note_draft":
        drafts.delete(Number(a.noteId ?? 0));
        return null;
      case "delete_note":
        notes[Number(a.id) - 1].deleted = true;
        return null;
      case "undelete_note":
        notes[Number(a.id) - 1].deleted = false;
        return noteSummary(notes[Number(a.id) - 1]);
      case "saved_searches":
        return [{ name: "botnets", query: "botnet -kelihos", saved_at: "2026-11-27T12:00:00Z" }];
      case "search": {
        const request = a.request as { query: string };
        if (request.query.includes('"')) {
          throw { code: "invalid_input", message: "unclosed quote at character 0 of the query" };
        }
        if (request.query.includes("nomatch")) {
          // A query that matches nothing: no hits and no facet values, not even the year
          // a filter asks for.
          return { ...searchResults(request.query), total: 0, hits: [], facets: { kind: [], outlet: [], year: [], speaker: [], tag: [] } };
        }
        return searchResults(request.query);
      }
      case "save_search":
        return { name: a.name, query: a.query, saved_at: "2026-11-27T12:00:00Z" };
      case "plugin:dialog|save":
        // The dialog starts in the remembered folder (below); the tests save into /exports.
        return `/exports/${((a.options as { defaultPath?: string })?.defaultPath ?? "hits.csv").split("/").pop()}`;
      case "dialog_folder":
        return lastFolder;
      case "remember_folder":
        lastFolder = String(a.path).replace(/\/[^/]*$/, "") || "/";
        return null;
      case "export_search_csv":
        return 2;
      case "plugin:dialog|open":
        return ["/sources/a.txt", "/sources/bad.bin"];
      case "import_paths": {
        // Progress events as the backend sends them, then the report naming the failed file.
        arrived = 0;
        for (let done = 1; done <= importSteps; done++) {
          await sleep(150);
          arrived = done;
          const progress = {
            files_done: done,
            files_total: importSteps,
            bytes_done: done * 100,
            bytes_total: importSteps * 100,
            imported: done,
            duplicates: 0,
            failed: 0,
            current: `/sources/file${done}.txt`,
          };
          await emit("import-progress", { phase: done === importSteps ? "indexing" : "reading", progress });
        }
        await sleep(150);
        return {
          imported: 3,
          duplicates: 0,
          failed: [{ path: "/sources/bad.bin", error: "unsupported format: binary data, not text", code: "unsupported" }],
          documents: [6, 7, 8],
          warnings: [],
          cancelled: false,
        };
      }
      case "cancel_import":
        return true;
      case "extraction_status":
        return stage;
      case "count_quotes":
        return quotesNow();
      case "list_quotes": {
        const f = a.filter as { offset: number | null; limit: number | null; doc_id: number | null };
        const from = f.offset ?? 0;
        const to = Math.min(from + (f.limit ?? quoteCount), f.doc_id !== null ? 5 : quotesNow());
        return Array.from({ length: Math.max(to - from, 0) }, (_, i) => {
          const q = quoteAt(from + i);
          return { ...q, status: reviewed.get(q.id) ?? q.status };
        });
      }
      case "get_quote":
        return { ...quoteAt(Number(a.id) - 1), status: reviewed.get(Number(a.id)) ?? "auto" };
      case "review_quote":
        reviewed.set(Number(a.id), String(a.status));
        return { ...quoteAt(Number(a.id) - 1), status: a.status };
      case "edit_quote": {
        const edit = a.edit as { speaker: string | null; start: number | null; end: number | null };
        reviewed.set(Number(a.id), "edited");
        const q = quoteAt(Number(a.id) - 1);
        return { ...q, status: "edited", speaker: edit.speaker ?? q.speaker, start: edit.start ?? q.start, end: edit.end ?? q.end };
      }
      case "entity_page": {
        // As the core selects them: by part of a name or alias, kind and being quoted.
        const f = a.filter as { find: string | null; kind: string | null; quoted: boolean; offset: number | null; limit: number | null };
        const find = (f.find ?? "").toLowerCase();
        const matching = people.filter(
          (e) =>
            (find === "" || [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(find))) &&
            (f.kind === null || e.kind === f.kind) &&
            (!f.quoted || e.quote_count > 0),
        );
        const offset = f.offset ?? 0;
        return { total: matching.length, entities: matching.slice(offset, f.limit === null ? undefined : offset + f.limit) };
      }
      case "network": {
        // As the core answers: the focus keeps its neighbours to depth 2.
        const f = a.filter as { focus: number | null; min_weight: number | null };
        const net = network(people, params.get("network") === "big");
        if (f.focus !== null) {
          const near = new Set([f.focus]);
          for (let depth = 0; depth < 2; depth++) {
            const reached = [...near];
            for (const e of net.edges) {
              if (reached.includes(e.source) || reached.includes(e.target)) (near.add(e.source), near.add(e.target));
            }
          }
          net.nodes = net.nodes.filter((n) => near.has(n.id));
          net.edges = net.edges.filter((e) => near.has(e.source) && near.has(e.target));
        }
        if ((f.min_weight ?? 1) > 1) {
          net.edges = net.edges.filter((e) => e.weight >= (f.min_weight ?? 1));
          const kept = new Set(net.edges.flatMap((e) => [e.source, e.target]));
          net.nodes = net.nodes.filter((n) => kept.has(n.id));
        }
        return net;
      }
      case "network_path": {
        const net = network(people, false);
        const ids = a.from === 1 && a.to === 3 ? [1, 2, 3] : [];
        return {
          nodes: net.nodes.filter((n) => ids.includes(n.id)).sort((x, y) => ids.indexOf(x.id) - ids.indexOf(y.id)),
          edges: ids.length ? [net.edges[0], net.edges[2]] : [],
        };
      }
      case "network_evidence":
        return [
          { kind: "same_sentence", doc_id: 2, doc_title: docs[1].title, published: "2017-04-11", start: 10, end: 40, role: null },
          { kind: "role", doc_id: 3, doc_title: docs[2].title, published: null, start: 5, end: 25, role: "a spokesman for the company" },
        ];
      case "get_entity":
        return entityDetail(people[Number(a.id) - 1] ?? people[0]);
      case "rename_entity": {
        const e = people[Number(a.id) - 1];
        e.name = String(a.name);
        return e;
      }
      case "merge_entities":
        mergedInto.add(Number(a.into));
        return 42;
      case "unmerge_entities":
        mergedInto.clear();
        return 2;
      case "split_entity":
        return 77;
      case "timeline_points": {
        const { titles: _titles, ...columns } = points;
        // A window (the days `from` to `to`, as the view of a big case asks) holds the
        // events overlapping it, as the core's range does.
        const q = a.query as { from: string | null; to: string | null };
        if (!q.from && !q.to) return columns;
        const t0 = q.from ? Date.parse(q.from) / 1000 : -Infinity;
        const t1 = q.to ? Date.parse(q.to) / 1000 + 86400 : Infinity;
        const keep = columns.id.map((_, i) => i).filter((i) => columns.start[i] < t1 && columns.end[i] > t0);
        const pick = <T,>(column: T[]) => keep.map((i) => column[i]);
        return {
          ...columns,
          id: pick(columns.id),
          start: pick(columns.start),
          end: pick(columns.end),
          kind: pick(columns.kind),
          status: pick(columns.status),
          conflict: pick(columns.conflict),
          entity: pick(columns.entity),
          source: pick(columns.source),
        };
      }
      case "timeline_density": {
        // The events starting on each day, counted from the same points the mock serves.
        const days = new Map<number, [number, number]>();
        for (let i = 0; i < points.id.length; i++) {
          const d = Math.floor(points.start[i] / 86400);
          const n = days.get(d) ?? [0, 0];
          n[0]++;
          if (points.end[i] - points.start[i] <= 31 * 86400) n[1]++;
          days.set(d, n);
        }
        const day = [...days.keys()].sort((x, y) => x - y);
        return { day, count: day.map((d) => days.get(d)![0]), precise: day.map((d) => days.get(d)![1]), total: points.id.length };
      }
      case "event_titles":
        return (a.ids as number[]).map((id) => points.titles.get(id) ?? "");
      case "get_event":
        return taggedEvent(Number(a.id));
      case "tag_event": {
        const id = Number(a.id);
        const kept = (eventTagsOf.get(id) ?? []).filter((t) => !(a.remove as string[]).includes(t));
        eventTagsOf.set(id, [...new Set([...kept, ...(a.add as string[])])]);
        return taggedEvent(id);
      }
      case "event_tags": {
        const counts = new Map<string, number>();
        for (const tags of eventTagsOf.values()) for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
        return [...counts].sort().map(([tag, count]) => ({ tag, count }));
      }
      case "merge_events": {
        const into = Number(a.into);
        const union = new Set(eventTagsOf.get(into) ?? []);
        for (const id of a.from as number[]) for (const t of eventTagsOf.get(id) ?? []) union.add(t);
        eventTagsOf.set(into, [...union]);
        return { ...taggedEvent(into), status: "confirmed" };
      }
      case "add_event": {
        const input = a.input as { title: string; date: string };
        return { ...eventRecord(1, points), id: 9999, title: input.title, value: input.date, kind: "manual" };
      }
      case "review_event":
        return { ...eventRecord(Number(a.id), points), status: a.status };
      case "export_quotes_csv":
        return quoteCount;
      case "export_timeline_csv":
        return points.id.length;
      case "list_notes":
        return notes.filter((n) => !n.deleted).map(noteSummary);
      case "get_note":
        return noteDetail(notes[Number(a.id) - 1]);
      case "add_note":
        drafts.delete(0);
        notes.push({ title: String(a.title), text: String(a.text), version: 1 });
        return noteDetail(notes[notes.length - 1]);
      case "edit_note": {
        const n = notes[Number(a.id) - 1];
        Object.assign(n, { title: a.title ?? n.title, text: String(a.text), version: n.version + 1 });
        return noteDetail(n);
      }
      case "note_history":
        return Array.from({ length: notes[Number(a.id) - 1].version }, (_, i) => ({
          version: i + 1,
          title: notes[Number(a.id) - 1].title,
          saved_at: "2026-11-27T21:00:00Z",
          restored_from: null,
          chars: 10,
          text: "",
          author: team ? (i % 2 === 0 ? "alice" : "bob") : null,
        }));
      case "check_note_text":
        return checkText(String(a.text));
      case "render_note_html":
        // The core sanitises; the mock answers with the kind of HTML it sends.
        return `<p>${String(a.text).replace(/[<>&]/g, "").replace(/\[@q(\d+)\]/g, '[<a class="cite" data-cite="q$1" href="#cite-q$1">q$1</a>]')}</p>`;
      case "citation_candidates":
        return [
          { insert: "[@q1]", kind: "quote", label: "The Kelihos botnet was taken down", detail: "Vitali Kremez · Spam Czar Nabbed in Spain" },
          { insert: "[@d1]", kind: "document", label: "Spam Czar Nabbed in Spain", detail: "TechNewsWorld · 2017-04-12" },
        ].filter((c) => String(a.query) === "" || c.label.toLowerCase().includes(String(a.query).toLowerCase()));
      case "preview_brief":
      case "export_brief": {
        // ?briefproblems=1: the chosen note misquotes its source, as the core's check finds.
        const problems =
          params.get("briefproblems") === "1"
            ? [{ kind: "misquote", note_id: 1, line: 1, column: 17, end_column: 30, message: 'the cited source does not say "fell for good"', suggestion: null }]
            : [];
        const allowed = (a.options as { allow_problems?: boolean }).allow_problems === true;
        return {
          markdown: "# Brief\n\nThe botnet fell.[^1]\n\n[^1]: “The Kelihos botnet was taken down” — Vitali Kremez. SHA-256 `abc`.\n",
          footnotes: 1,
          sources: 1,
          problems,
          saved: cmd === "export_brief" && (problems.length === 0 || allowed),
        };
      }
      case "marked_documents":
        return [...docMarks.keys()].map(marksOf);
      case "document_marks":
        return marksOf(Number(a.id));
      case "document_tags":
        return [{ tag: "lead", count: 1 }];
      case "tag_document": {
        const id = Number(a.id);
        const m = marksOf(id);
        const tags = new Set([...m.tags, ...(a.add as string[]).map((t) => t.trim().toLowerCase())]);
        for (const t of a.remove as string[]) tags.delete(t);
        docMarks.set(id, { ...m, tags: [...tags].sort() });
        return marksOf(id);
      }
      case "bulk_documents": {
        // A bulk action over many documents reports its progress as the core does, then its
        // result; ?bulktotal=N sets how many documents "all hits" stands for.
        const selection = a.selection as { ids?: number[]; query?: string; library?: Record<string, unknown> };
        const total = selection.query === undefined ? selectedIds(selection).length : Number(params.get("bulktotal") ?? "2");
        for (let done = 1000; done < total; done += 1000) {
          await sleep(40);
          await emit("bulk-progress", { done, total });
        }
        const action = a.action as { action: string; value?: string };
        for (const id of selectedIds(selection)) {
          const m = marksOf(id);
          if (action.action === "star") docMarks.set(id, { ...m, starred: true });
          if (action.action === "unstar") docMarks.set(id, { ...m, starred: false });
        }
        return { bulk_id: ++bulkIds, selected: total, changed: total };
      }
      case "undo_bulk":
        return { bulk_id: a.bulkId, selected: 2, changed: 2 };
      case "selected_documents": {
        const selection = a.selection as { ids?: number[]; query?: string; library?: Record<string, unknown> };
        return selection.query === undefined ? selectedIds(selection) : [1, 2];
      }
      case "reextract_documents":
        return { documents: 2, quotes: 0, mentions: 0, events: 0, kept_reviewed: 0, problems: [] };
      case "export_originals":
        return 2;
      case "audit_log":
        return auditEntries.filter((e) => !(a.filter as { action: string | null }).action || e.action.startsWith((a.filter as { action: string }).action));
      case "check_audit_log":
        return { entries: 2, first_broken: null, problem: null };
      case "about":
        return { version: "0.1.0", commit: "0123456789ab" };
      default:
        throw { code: "internal", message: `the view tests do not mock ${cmd}` };
    }
  },
  { shouldMockEvents: true },
);

mount(App, { target: document.getElementById("app")! });
