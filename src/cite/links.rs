//! Between notes and what they cite, for reading: the notes that link to a note by its title
//! (backlinks), and the label a note's preview shows for each citation.

use std::cell::RefCell;

use super::{short, Lookup, NoteRow, Resolver};
use crate::model::Backlink;
use crate::notes::{self, CiteLabel, Target};
use crate::Result;

/// The notes among `notes` other than `id` that link to the note titled `title`, in the order
/// given. The title is looked for in the text first, so only notes that may link are parsed.
pub(crate) fn note_backlinks(notes: Vec<NoteRow>, id: i64, title: &str) -> Vec<Backlink> {
    let wanted = title.to_lowercase();
    let mut backlinks = Vec::new();
    for other in notes {
        if other.summary.id == id || !other.text.to_lowercase().contains(&wanted) {
            continue;
        }
        let syntax = notes::analyse(&other.text);
        if syntax
            .links
            .iter()
            .any(|l| l.title.to_lowercase() == wanted)
        {
            backlinks.push(Backlink {
                note_id: other.summary.id,
                note_title: other.summary.title,
                target: format!("[[{title}]]"),
            });
        }
    }
    backlinks
}

/// How the preview shows the citation of `target`: the speaker's surname and the target, with
/// the cited words (or what is wrong) on hover.
fn label<L: Lookup + ?Sized>(resolver: &mut Resolver<'_, L>, target: &Target) -> CiteLabel {
    let cited = resolver.resolve(target);
    let who = cited
        .speaker
        .as_deref()
        .and_then(|s| s.split_whitespace().last())
        .map(|surname| format!("{surname}, "))
        .unwrap_or_default();
    CiteLabel {
        text: format!("{who}{target}"),
        title: match (&cited.problem, &cited.words) {
            (Some(problem), _) => problem.clone(),
            (None, Some(words)) => format!(
                "\u{201c}{}\u{201d}{}{}",
                short(words, 280),
                cited
                    .speaker
                    .as_deref()
                    .map(|s| format!(" — {s}"))
                    .unwrap_or_default(),
                cited
                    .doc_title
                    .as_deref()
                    .map(|t| format!(", {t}"))
                    .unwrap_or_default()
            ),
            (None, None) => cited
                .event_title
                .clone()
                .or(cited.doc_title.clone())
                .unwrap_or_default(),
        },
        broken: cited.problem.is_some(),
    }
}

/// A note's Markdown as sanitised HTML for a preview, citations and note links as links.
pub(crate) fn preview_html<L: Lookup + ?Sized>(lookup: &L, text: &str) -> Result<String> {
    let titles = lookup.note_ids_by_title()?;
    let resolver = RefCell::new(Resolver::new(lookup));
    Ok(notes::render_html(
        text,
        &|target| label(&mut resolver.borrow_mut(), target),
        &|title| titles.get(&title.to_lowercase()).copied(),
    ))
}
