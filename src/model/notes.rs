//! Notes, their citations and the claim check, as the CLI prints them and the app receives them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ReviewStatus;

/// A note in a list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct NoteSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    /// The current version; every save adds one.
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
    /// The first words of the text.
    pub excerpt: String,
}

/// A note with its text, what it cites and what cites it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct NoteDetail {
    #[serde(flatten)]
    pub summary: NoteSummary,
    pub text: String,
    /// Every citation in the text, in order, resolved against the case.
    pub citations: Vec<ResolvedCitation>,
    /// Links to other notes (`[[Title]]`), resolved.
    pub links: Vec<NoteLinkRecord>,
    /// Notes that link to this one.
    pub backlinks: Vec<Backlink>,
    /// The claim check of this note's text.
    pub problems: Vec<CheckProblem>,
}

/// One citation as written in a note and what it points at. For a broken citation only the
/// position, `target`, `kind` and `problem` are set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ResolvedCitation {
    /// As written without `@`: `q42`, `d7`, `d7:120-188`, `e9`.
    pub target: String,
    /// quote, document, span or event.
    pub kind: String,
    pub line: usize,
    pub column: usize,
    /// Why the citation does not resolve, when it does not.
    pub problem: Option<String>,
    /// The exact words cited: a quote's text, a span's text, an event's first source sentence.
    pub words: Option<String>,
    pub speaker: Option<String>,
    #[ts(type = "number | null")]
    pub speaker_id: Option<i64>,
    pub role: Option<String>,
    pub status: Option<ReviewStatus>,
    #[ts(type = "number | null")]
    pub doc_id: Option<i64>,
    /// Chars into the document's text.
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// The page or pages the cited words are on, for sources with pages: `p. 12`, `pp. 3–4`;
    /// `OCR, p. 2` when the words were recognised from a scan.
    pub pages: Option<String>,
    pub doc_title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub imported_at: Option<String>,
    pub sha256: Option<String>,
    /// For an event: its date as a TIMEX3 value and its title.
    pub event_value: Option<String>,
    pub event_title: Option<String>,
}

/// A `[[Title]]` link from a note.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct NoteLinkRecord {
    pub title: String,
    #[ts(type = "number | null")]
    pub note_id: Option<i64>,
    pub line: usize,
    pub column: usize,
}

/// A note that cites (or links to) something.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Backlink {
    #[ts(type = "number")]
    pub note_id: i64,
    pub note_title: String,
    /// What it cites: `q42`, `d7:120-188`, `e9`, or `[[Title]]` for a link between notes.
    pub target: String,
}

/// What to find backlinks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum BacklinkTarget {
    /// The document, any span of it, or any quote in it.
    Document(#[ts(type = "number")] i64),
    Quote(#[ts(type = "number")] i64),
    Event(#[ts(type = "number")] i64),
    /// The entity's quotes and the events it takes part in.
    Entity(#[ts(type = "number")] i64),
    /// `[[Title]]` links to the note.
    Note(#[ts(type = "number")] i64),
}

/// A saved version of a note.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct NoteVersion {
    #[ts(type = "number")]
    pub version: i64,
    pub title: String,
    pub saved_at: String,
    /// The version this one brought back, when it was made by a restore.
    #[ts(type = "number | null")]
    pub restored_from: Option<i64>,
    pub chars: usize,
    /// The full text; left empty in `note history` lists.
    pub text: String,
    /// Who saved it, in a team case: the member's role (set when the version is sent or
    /// received); none in a single-user case or before the first sync.
    pub author: Option<String>,
}

/// A sentence of a note that carries citations, with what it cites.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ClaimRecord {
    #[ts(type = "number")]
    pub note_id: i64,
    pub note_title: String,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub citations: Vec<ResolvedCitation>,
}

/// What kind of problem the claim check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum ProblemKind {
    /// A citation that does not resolve: malformed, unknown id, rejected, outside its
    /// document, or a link to no note.
    Broken,
    /// Words in quotation marks that the cited source does not say.
    Misquote,
    /// A cited quote edited, rejected or re-attributed after the note cited it.
    Stale,
    /// A cited quote is a later appearance whose words differ from its earliest one.
    Altered,
}

impl ProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Broken => "broken",
            ProblemKind::Misquote => "misquote",
            ProblemKind::Stale => "stale",
            ProblemKind::Altered => "altered",
        }
    }
}

/// One problem, where it is in the note's text (1-based line, column in characters).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CheckProblem {
    pub kind: ProblemKind,
    #[ts(type = "number | null")]
    pub note_id: Option<i64>,
    pub line: usize,
    pub column: usize,
    /// Where the problem ends on its line, for underlining it.
    pub end_column: usize,
    pub message: String,
    /// For a misquote, the source's closest actual wording.
    pub suggestion: Option<String>,
}

/// The claim check of one note or of the whole case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CheckReport {
    pub claims: Vec<ClaimRecord>,
    pub problems: Vec<CheckProblem>,
}

/// Something `[@` can insert, for autocomplete.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CitationCandidate {
    /// What to insert: `[@q42]`.
    pub insert: String,
    /// quote, document or event.
    pub kind: String,
    /// The main line: the quote's words, the document's title, the event's title.
    pub label: String,
    /// The second line: speaker and source, outlet and date, the event's date.
    pub detail: String,
}

/// What a brief contains.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct BriefOptions {
    /// The brief's title; by default the case's name.
    pub title: Option<String>,
    /// Notes in the order they appear; none means every note, oldest first.
    #[ts(type = "Array<number>")]
    pub notes: Vec<i64>,
    /// A timeline table over this range (`FROM..TO`, each YYYY, YYYY-MM or YYYY-MM-DD, either
    /// may be empty).
    pub timeline: Option<String>,
    /// A section on this person or organisation (quotes, roles), which also narrows the
    /// timeline to events involving them.
    pub entity: Option<String>,
    /// A section "Connections of NAME" for each of these people or organisations (an id or a
    /// name), in order: their 20 strongest links in the network, each with the kind of link,
    /// how many times it is seen, and its sources as footnotes.
    pub connections: Vec<String>,
    /// Save the brief even though its notes have claim-check problems (broken citations,
    /// misquotes, stale quotes); the brief then says so above the notes. Without it,
    /// `export_brief` writes nothing and returns the problems.
    pub allow_problems: bool,
    /// Write the case's audit log beside the brief (`FILE.audit.json`: every entry, oldest
    /// first, and whether its hash chain holds), for a reader who must know how the case
    /// was worked.
    pub with_log: bool,
}

/// A written brief and what its reader should know about it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Brief {
    pub markdown: String,
    pub footnotes: usize,
    pub sources: usize,
    /// Every claim-check problem of the chosen notes (broken citations, misquotes, stale
    /// quotes), with its note, line and column.
    pub problems: Vec<CheckProblem>,
    /// Whether `export_brief` wrote the file (false for a preview, and for a brief with
    /// problems that were not allowed).
    pub saved: bool,
}
