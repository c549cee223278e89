//! The Markdown brief: chosen notes with every citation as a numbered footnote that carries the
//! verbatim words, who said them, and where they come from (title, outlet, URL, dates and the
//! SHA-256 of the original), an optional timeline table and entity section, sections on
//! people's connections (`connections`), and a sources list.
//! A cited quote that appeared elsewhere first names its earliest appearance (document, outlet,
//! date) and the later appearances that changed its words (issue 21), so a brief never credits
//! a copy with what was said first somewhere else.
//!
//! The output depends only on the case and the options (no clock, no hash-map order), so the
//! same case and options give the same bytes. It is made from data: `crate::api::exports`
//! gathers the notes (each checked once), the events and the entity, and hands over a way to
//! resolve citations; nothing here reads the case.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};
use regex::Regex;

use super::connections::{connections_section, BriefConnections};
use super::markdown::{escape, url};
use crate::model::{
    Brief, CheckProblem, EntityDetail, EventRecord, QuoteAppearance, QuoteLineage, QuoteRecord,
    ResolvedCitation, ReviewStatus,
};
use crate::notes::{markdown, NoteSyntax, Target};
use crate::{Error, Result};

/// One chosen note as the brief shows it, checked once before the brief is written.
pub(crate) struct BriefNote {
    pub(crate) id: i64,
    pub(crate) title: String,
    pub(crate) text: String,
    /// The text's citations, links and claims, as the check read them.
    pub(crate) syntax: NoteSyntax,
    pub(crate) problems: Vec<CheckProblem>,
}

/// The timeline table: events of a range (`from`, `to`), of one entity when named.
pub(crate) struct BriefTimeline {
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) entity: Option<String>,
    pub(crate) events: Vec<EventRecord>,
}

/// The entity section: a person or organisation and the quotes listed under their name.
pub(crate) struct BriefEntity {
    pub(crate) detail: EntityDetail,
    pub(crate) quotes: Vec<QuoteRecord>,
}

/// Everything a brief shows.
pub(crate) struct BriefInput {
    /// The title asked for; without one, the brief is titled after the case file (`stem`).
    pub(crate) title: Option<String>,
    pub(crate) stem: String,
    pub(crate) notes: Vec<BriefNote>,
    pub(crate) timeline: Option<BriefTimeline>,
    pub(crate) entity: Option<BriefEntity>,
    /// "Connections of NAME" sections, in the order asked for, after the entity section.
    pub(crate) connections: Vec<BriefConnections>,
}

/// What a citation resolves to, as the footnotes show it.
pub(crate) type Resolve<'a> = &'a mut dyn FnMut(&Target) -> ResolvedCitation;

/// A quote's lineage across documents, when it has one (issue 21).
pub(crate) type Lineage<'a> = &'a mut dyn FnMut(i64) -> Option<QuoteLineage>;

/// The most later alterations a footnote lists; a quote altered in more places says how many
/// more there are.
const ALTERATIONS_LISTED: usize = 5;

/// Footnotes in order of first citation, one per distinct target, each cited quote with its
/// lineage when it appeared in more than one place. The connections section cites through it
/// too, so a source it shares with a note is one footnote.
pub(super) struct Footnotes<'a> {
    resolve: Resolve<'a>,
    lineage: Lineage<'a>,
    numbers: BTreeMap<String, usize>,
    cited: Vec<(ResolvedCitation, Option<QuoteLineage>)>,
}

impl Footnotes<'_> {
    pub(super) fn reference(&mut self, target: &Target) -> String {
        let key = target.to_string();
        let next = self.cited.len() + 1;
        let number = *self.numbers.entry(key).or_insert(next);
        if number == next {
            let resolved = (self.resolve)(target);
            let lineage = match target {
                Target::Quote(id) if resolved.problem.is_none() => {
                    (self.lineage)(*id).filter(|l| l.appearances.len() > 1)
                }
                _ => None,
            };
            self.cited.push((resolved, lineage));
        }
        format!("[^{number}]")
    }
}

static USER_FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\^([^\]\s]+)\]").expect("footnote pattern"));

/// A note's text for the brief: citations become our footnote references, `[[links]]` the
/// linked title in italics, the note's own footnotes get labels of their own so they never
/// collide with ours, and its headings move two levels down under the note's title.
fn note_body(
    note_id: i64,
    text: &str,
    syntax: &NoteSyntax,
    footnotes: &mut Footnotes<'_>,
) -> String {
    let layout = markdown::layout(text);
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for group in &syntax.groups {
        let mut refs = String::new();
        for &i in &group.citations {
            refs.push_str(&footnotes.reference(&syntax.citations[i].target));
        }
        // A group whose every citation is malformed keeps its text, escaped, so the reader
        // sees what was written (and the check reports it).
        if refs.is_empty() {
            refs = escape(&text[group.range.clone()]);
        }
        edits.push((group.range.clone(), refs));
    }
    for link in &syntax.links {
        edits.push((link.range.clone(), format!("*{}*", escape(&link.title))));
    }
    for found in USER_FOOTNOTE.captures_iter(text) {
        let whole = found.get(0).expect("match");
        if !layout.is_opaque(&whole.range()) {
            edits.push((whole.range(), format!("[^n{note_id}-{}]", &found[1])));
        }
    }
    for (event, range) in Parser::new_ext(text, markdown::options()).into_offset_iter() {
        if let Event::Start(Tag::Heading { level, .. }) = event {
            let hashes = text[range.start..]
                .bytes()
                .take_while(|&b| b == b'#')
                .count();
            if hashes > 0 && level < HeadingLevel::H5 {
                edits.push((range.start..range.start + hashes, "#".repeat(hashes + 2)));
            }
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out.trim_end().to_string()
}

/// `FROM..TO`, either side optional.
pub(crate) fn parse_range(range: &str) -> Result<(Option<String>, Option<String>)> {
    let (from, to) = range.split_once("..").ok_or_else(|| {
        Error::invalid_input(format!(
            "the timeline range '{range}' needs the form FROM..TO (YYYY, YYYY-MM or YYYY-MM-DD; \
             either side may be left out)"
        ))
    })?;
    let side = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    Ok((side(from), side(to)))
}

fn event_date(event: &EventRecord) -> String {
    if event.earliest == event.latest {
        event.value.clone()
    } else {
        format!("{} ({} – {})", event.value, event.earliest, event.latest)
    }
}

fn timeline_section(out: &mut String, timeline: &BriefTimeline, footnotes: &mut Footnotes<'_>) {
    let BriefTimeline {
        from,
        to,
        entity,
        events,
    } = timeline;
    let span = match (from, to) {
        (None, None) => String::new(),
        (from, to) => format!(
            " ({} – {})",
            from.as_deref().unwrap_or("…"),
            to.as_deref().unwrap_or("…")
        ),
    };
    let who = entity
        .as_deref()
        .map(|e| format!(": {}", escape(e)))
        .unwrap_or_default();
    let _ = writeln!(out, "## Timeline{span}{who}\n");
    if events.is_empty() {
        out.push_str("No events in this range.\n\n");
        return;
    }
    out.push_str("| Date | Event | Sources |\n|---|---|---|\n");
    for event in events {
        let mut sources = String::new();
        for source in &event.sources {
            let target = if source.end > source.start {
                Target::Span {
                    doc: source.doc_id,
                    start: source.start,
                    end: source.end,
                }
            } else {
                Target::Document(source.doc_id)
            };
            sources.push_str(&footnotes.reference(&target));
        }
        let flag = if event.conflict {
            " (sources disagree on the date)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {} | {}{flag} | {} |",
            escape(&event_date(event)),
            escape(&event.title),
            if sources.is_empty() {
                "—".to_string()
            } else {
                sources
            }
        );
    }
    out.push('\n');
}

fn entity_section(out: &mut String, entity: &BriefEntity, footnotes: &mut Footnotes<'_>) {
    let detail = &entity.detail;
    let _ = writeln!(out, "## {}\n", escape(&detail.entity.name));
    let aliases: Vec<String> = detail
        .aliases
        .iter()
        .map(|a| a.alias.as_str())
        .filter(|a| *a != detail.entity.name)
        .map(escape)
        .collect();
    if !aliases.is_empty() {
        let _ = writeln!(out, "Also written: {}.\n", aliases.join(", "));
    }
    let mut roles: Vec<(String, i64)> = Vec::new();
    for role in &detail.roles {
        if !roles.iter().any(|(r, _)| r == &role.role) {
            roles.push((role.role.clone(), role.doc_id));
        }
    }
    for (role, doc_id) in &roles {
        let _ = writeln!(
            out,
            "- Role: {} {}",
            escape(role),
            footnotes.reference(&Target::Document(*doc_id))
        );
    }
    if !roles.is_empty() {
        out.push('\n');
    }
    let quotes: Vec<_> = entity
        .quotes
        .iter()
        .filter(|q| q.status != ReviewStatus::Rejected && q.speaker_id == Some(detail.entity.id))
        .collect();
    if quotes.is_empty() {
        out.push_str("No quotes attributed.\n\n");
    } else {
        let _ = writeln!(out, "Quotes:\n");
        for quote in quotes {
            let _ = writeln!(
                out,
                "- \u{201c}{}\u{201d} {}",
                escape(&quote.text),
                footnotes.reference(&Target::Quote(quote.id))
            );
        }
        out.push('\n');
    }
}

/// The footnote for one citation: the verbatim words in quotation marks, who said them and in
/// what role, then the source with everything needed to find and verify it.
fn footnote(number: usize, cited: &ResolvedCitation, lineage: Option<&QuoteLineage>) -> String {
    let mut line = format!("[^{number}]: ");
    if let Some(problem) = &cited.problem {
        let _ = write!(
            line,
            "Citation {} does not resolve: {}.",
            cited.target,
            escape(problem)
        );
        return line;
    }
    if let Some(words) = &cited.words {
        let _ = write!(line, "\u{201c}{}\u{201d}", escape(words));
        match (&cited.speaker, &cited.role) {
            (Some(speaker), Some(role)) => {
                let _ = write!(line, " — {}, {}.", escape(speaker), escape(role));
            }
            (Some(speaker), None) => {
                let _ = write!(line, " — {}.", escape(speaker));
            }
            // Words that end a sentence inside the marks need no second full stop.
            _ if words.trim_end().ends_with(['.', '!', '?']) => {}
            _ => line.push('.'),
        }
        line.push(' ');
    }
    if let Some(title) = &cited.event_title {
        if cited.words.is_none() {
            let _ = write!(line, "Event: {}. ", escape(title));
        }
    }
    if let Some(title) = &cited.doc_title {
        let _ = write!(line, "*{}*", escape(title));
        if let Some(outlet) = cited.outlet.as_deref().filter(|o| !o.is_empty()) {
            let _ = write!(line, ", {}", escape(outlet));
        }
        if let Some(published) = &cited.published {
            let _ = write!(line, ", published {}", escape(published));
        }
        if let Some(address) = &cited.url {
            let _ = write!(line, ", {}", url(address));
        }
        if let Some(imported) = &cited.imported_at {
            let _ = write!(line, "; imported {}", escape(imported));
        }
        if let Some(sha) = &cited.sha256 {
            let _ = write!(line, "; SHA-256 `{sha}`");
        }
        line.push('.');
    }
    let mut place = match (cited.start, cited.end) {
        (Some(start), Some(end)) => format!(", characters {start}–{end}"),
        _ => String::new(),
    };
    match cited.pages.as_deref().map(|p| (p, p.strip_prefix("OCR, "))) {
        // Words recognised from a scan say so where they are cited: "(OCR, p. 2)".
        Some((pages, Some(_))) => {
            let _ = write!(line, " ({pages})");
        }
        Some((pages, None)) => place = format!(", {pages}{place}"),
        None => {}
    }
    let _ = write!(line, " \\[{}{place}\\]", cited.target);
    if let Some(lineage) = lineage {
        lineage_note(&mut line, lineage);
    }
    line
}

/// Where an appearance is: `*Title*, Outlet, published DATE \[q12\]`.
fn appearance_place(a: &QuoteAppearance) -> String {
    let mut place = format!("*{}*", escape(&a.doc_title));
    if let Some(outlet) = a.outlet.as_deref().filter(|o| !o.is_empty()) {
        let _ = write!(place, ", {}", escape(outlet));
    }
    match &a.published {
        Some(published) => {
            let _ = write!(place, ", published {}", escape(published));
        }
        None => place.push_str(", undated"),
    }
    let _ = write!(place, " \\[q{}\\]", a.quote_id);
    place
}

/// The lineage of a cited quote after its footnote: the earliest appearance when the cited one
/// is a later copy (with the earliest words when the copy changed them), then the later
/// appearances that changed the words.
fn lineage_note(line: &mut String, lineage: &QuoteLineage) {
    let Some(earliest) = lineage.appearances.iter().find(|a| a.earliest) else {
        return;
    };
    let cited = lineage
        .appearances
        .iter()
        .find(|a| a.quote_id == lineage.quote);
    if let Some(cited) = cited.filter(|a| !a.earliest) {
        let _ = write!(line, " Earliest appearance: {}", appearance_place(earliest));
        if cited.altered {
            let _ = write!(
                line,
                ", whose words were \u{201c}{}\u{201d}",
                escape(&earliest.text)
            );
        }
        line.push('.');
    }
    let altered: Vec<&QuoteAppearance> = lineage
        .appearances
        .iter()
        .filter(|a| a.altered && a.quote_id != lineage.quote)
        .collect();
    if altered.is_empty() {
        return;
    }
    let listed: Vec<String> = altered
        .iter()
        .take(ALTERATIONS_LISTED)
        .map(|a| {
            format!(
                "{}: \u{201c}{}\u{201d}",
                appearance_place(a),
                escape(&a.text)
            )
        })
        .collect();
    let _ = write!(line, " Later altered wording: {}", listed.join("; "));
    if altered.len() > ALTERATIONS_LISTED {
        let _ = write!(line, "; and {} more", altered.len() - ALTERATIONS_LISTED);
    }
    line.push('.');
}

/// A section above the notes listing every claim-check problem, so a brief saved with
/// problems says so where its reader starts, not only in the footnotes.
fn problems_section(out: &mut String, notes: &[BriefNote], problems: &[CheckProblem]) {
    if problems.is_empty() {
        return;
    }
    let count = problems.len();
    let _ = writeln!(out, "## Unresolved claim-check problems\n");
    let _ = writeln!(
        out,
        "This brief was saved with {count} claim-check {} that {} not fixed; the claims \
         below may not match their sources.\n",
        if count == 1 { "problem" } else { "problems" },
        if count == 1 { "was" } else { "were" },
    );
    for problem in problems {
        let title = notes
            .iter()
            .find(|n| Some(n.id) == problem.note_id)
            .map(|n| n.title.as_str())
            .unwrap_or("a note");
        let _ = writeln!(
            out,
            "- {} ({}), line {}, column {}: {}",
            escape(title),
            problem.kind.as_str(),
            problem.line,
            problem.column,
            escape(&problem.message)
        );
    }
    out.push('\n');
}

/// Writes the brief of `input`, resolving each cited target once, in order of first citation.
pub(crate) fn brief(input: &BriefInput, resolve: Resolve<'_>, lineage: Lineage<'_>) -> Brief {
    let mut footnotes = Footnotes {
        resolve,
        lineage,
        numbers: BTreeMap::new(),
        cited: Vec::new(),
    };
    let title = input
        .title
        .clone()
        .unwrap_or_else(|| format!("Brief: {}", input.stem));
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&title));
    out.push_str(
        "Every footnote quotes its source word for word and identifies the original file by its \
         SHA-256.\n\n",
    );
    let notes = &input.notes;
    let problems: Vec<CheckProblem> = notes
        .iter()
        .flat_map(|note| note.problems.iter().cloned())
        .collect();
    problems_section(&mut out, notes, &problems);
    for note in notes {
        let _ = writeln!(out, "## {}\n", escape(&note.title));
        let body = note_body(note.id, &note.text, &note.syntax, &mut footnotes);
        if !body.is_empty() {
            out.push_str(&body);
            out.push_str("\n\n");
        }
    }
    if let Some(timeline) = &input.timeline {
        timeline_section(&mut out, timeline, &mut footnotes);
    }
    if let Some(entity) = &input.entity {
        entity_section(&mut out, entity, &mut footnotes);
    }
    for section in &input.connections {
        connections_section(&mut out, section, &mut footnotes);
    }
    let mut sources: Vec<&ResolvedCitation> = Vec::new();
    for (cited, _) in &footnotes.cited {
        if cited.problem.is_none()
            && cited.doc_id.is_some()
            && !sources.iter().any(|s| s.doc_id == cited.doc_id)
        {
            sources.push(cited);
        }
    }
    if !sources.is_empty() {
        out.push_str("## Sources\n\n");
        for (i, source) in sources.iter().enumerate() {
            let _ = write!(
                out,
                "{}. **{}**",
                i + 1,
                escape(source.doc_title.as_deref().unwrap_or_default())
            );
            if let Some(outlet) = source.outlet.as_deref().filter(|o| !o.is_empty()) {
                let _ = write!(out, " — {}", escape(outlet));
            }
            if let Some(published) = &source.published {
                let _ = write!(out, ", published {}", escape(published));
            }
            if let Some(address) = &source.url {
                let _ = write!(out, ". {}", url(address));
            }
            let _ = writeln!(
                out,
                ". Imported {}; SHA-256 `{}` \\[d{}\\]",
                escape(source.imported_at.as_deref().unwrap_or_default()),
                source.sha256.as_deref().unwrap_or_default(),
                source.doc_id.unwrap_or_default()
            );
        }
        out.push('\n');
    }
    for (i, (cited, lineage)) in footnotes.cited.iter().enumerate() {
        out.push_str(&footnote(i + 1, cited, lineage.as_ref()));
        out.push('\n');
    }
    let markdown = format!("{}\n", one_trailing_newline(&out));
    Brief {
        markdown,
        footnotes: footnotes.cited.len(),
        sources: sources.len(),
        problems,
        saved: false,
    }
}

fn one_trailing_newline(text: &str) -> &str {
    text.trim_end_matches('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_ranges_need_two_dots() {
        assert_eq!(
            parse_range("2017-03..2017-04").unwrap(),
            (Some("2017-03".to_string()), Some("2017-04".to_string()))
        );
        assert_eq!(
            parse_range("..2017").unwrap(),
            (None, Some("2017".to_string()))
        );
        assert!(parse_range("2017").is_err());
    }
}
