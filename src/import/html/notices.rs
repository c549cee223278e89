//! Notices that trail a story inside the article container: calls to follow or share,
//! copyright lines, "This article originally appeared on …" notes, "Source: …" and picture
//! credit lines, sponsorship disclosures, a reporter's e-mail address or a wire service's
//! "(END)", comment-section notices, and a widget's heading left with nothing under it once
//! its list was dropped. A reader wants none of them; issue 15's
//! development set found each kind on pages of several sites (session 18).
//!
//! They are recognised by what a short block says, and only from the end of the article
//! backwards, up to the last block of the story proper, so that a story's own sentence that
//! happens to begin the same way is never touched. One walk over the article's blocks.

use std::sync::LazyLock;

use regex::Regex;

use super::dom::{Dom, NodeId};
use super::furniture::{block_text, is_link_line, leaf_blocks, BYLINE_LINE, CREDIT_LINE};
use super::heuristics::{re, TextCache};

/// How a short block that asks the reader to follow, share or sign up begins.
static CALL_TO_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(follow (us|\S+( \S+){0,2}) on\b|share (this|on)\b|sign up (for|to)\b|subscribe (to|for)\b|get (our|the) .{0,40}newsletter|join (our|the) .{0,40}(newsletter|mailing list)|like us on facebook|(load|show|view) more\b)",
    )
});
/// A copyright or rights notice.
static COPYRIGHT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(©|\(c\)|copyright\b|™ & ©)|all rights reserved\.?$"));
/// Where a syndicated story first ran: "This article originally appeared at …", "This story
/// was provided by …", "Originally published on …". (Not where it ran again: Readability's gold
/// keeps "This article was reprinted on Wired.com" and the Times's "A version of this article
/// appears in print …".)
static ORIGIN_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(this (article|story|post|piece|column|report|interview) (was |is |has been )?(originally |first )?(appeared|ran|published|provided|produced)\b|(originally|first) (published|appeared|posted) (at|on|in|by)\b)",
    )
});
/// A picture credit in a language other than English, as the last line of a post: "Fotos: …",
/// "Bilder: …", "Image illustrative : …" (inside captions these stay, as Readability's gold
/// keeps them there).
static CREDIT_ABROAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(fotos?|bilder?|bildquelle|fotocredits?|crédits? photo|image illustrative|photo d'illustration)\s*:",
    )
});
/// A line that names the story's source: "Source: ColbieCaillatVEVO", "Via: …", "Quelle: …".
static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(sources?|via|quellen?|fuentes?|fonte|fonti)\s*:\s*\S"));
/// A sponsorship disclosure: "– Anzeige: Dieser Beitrag ist in Zusammenarbeit mit … entstanden
/// –", "Sponsored by …", "This post was sponsored by …".
static SPONSOR_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[-–—*(\[\s]*(anzeige|werbung|sponsored|publicité|this (post|article|story|content) (is|was) (sponsored|paid for|produced in partnership)|in (partnership|collaboration|zusammenarbeit) (with|mit))\b",
    )
});
/// A block that is nothing but one or more e-mail addresses ("jmarzulli@nydailynews.com"),
/// perhaps with a wire service's end mark after it ("kokobj@yna.co.kr (END)").
static EMAIL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^([\w.+-]+@[\w-]+(\.[\w-]+)+[\s,;/]*)+([(\[]\s*(end|ende|fin)\s*[)\]])?$")
});
/// A wire service's end mark: "(END)", "-30-", "###".
static END_MARK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^([(\[]\s*(end|ende|fin)\s*[)\]]|end|-30-|#{3})$"));
/// What a comment section says about itself: "To post a comment, log into …", "Comments are
/// closed", "Leave a reply", "Kommentare geschlossen", "3 Comments".
static COMMENT_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(to (post|leave|add) a comment\b|comments? (are|is) (closed|disabled|moderated)\b|(leave|post|add|write) a (comment|reply)\b|join the (conversation|discussion)\b|comment(ing)? (policy|guidelines)\b|kommentar(e|feed)\b|(\d+ )?(comments?|kommentare|commentaires?|comentarios?)$|(show|view|load) comments\b|please enable javascript to view the comments)",
    )
});
/// The attribute in which a paragraph keeps the class of the div it replaced.
pub const DIV_CLASS: &str = "data-div-class";
/// Longest notice considered, in characters: notices are a line or two.
const NOTICE_MAX_CHARS: usize = 250;
/// A comment section's terms run longer ("To post a comment, log into … Your comments are
/// subject to our Terms of Service … please consider writing a letter to the editor.").
const COMMENT_NOTICE_MAX_CHARS: usize = 400;
/// Longest heading that may be left orphaned at the end.
const HEADING_MAX_CHARS: usize = 80;

/// Whether a block at the end of the article is a notice rather than the story.
fn is_notice(text: &str, bylines: bool) -> bool {
    let chars = text.chars().count();
    if chars <= COMMENT_NOTICE_MAX_CHARS && COMMENT_NOTICE.is_match(text) {
        return true;
    }
    chars <= NOTICE_MAX_CHARS
        && (CALL_TO_ACTION.is_match(text)
            || COPYRIGHT.is_match(text)
            || ORIGIN_NOTE.is_match(text)
            || SOURCE_LINE.is_match(text)
            || SPONSOR_NOTE.is_match(text)
            || EMAIL_ONLY.is_match(text)
            || END_MARK.is_match(text)
            || (chars <= 80 && CREDIT_LINE.is_match(text))
            || CREDIT_ABROAD.is_match(text)
            || (bylines && chars <= 60 && BYLINE_LINE.is_match(text)))
}

/// A widget's heading: short, with a class that names it one ("groupHeadline", "c-headline").
/// A bare `<h2>` may be the story's own (Readability's test of hidden nodes ends on two whose
/// paragraphs are hidden, and its gold keeps them).
fn is_widget_heading(dom: &Dom, node: NodeId, text: &str) -> bool {
    // A div around nothing but the heading's text became a bare paragraph before scoring; the
    // paragraph carries the div's class in `data-div-class` (see `grab`).
    let class = format!(
        "{} {}",
        dom.class(node),
        dom.attr(node, DIV_CLASS).unwrap_or("")
    )
    .to_ascii_lowercase();
    text.chars().count() <= HEADING_MAX_CHARS
        && (class.contains("headline") || class.contains("heading"))
}

/// From the end of the article backwards: link-only lines, notices, and a heading left with
/// nothing after it, up to the last block of the story proper. The walk runs twice: before the
/// conditional cleaning, and after it (`after_cleaning`), when share bars and ad slots that
/// hid a notice from the first walk are gone ("Source: …" under lifebuzz's story). The second
/// walk leaves headings and bylines alone: what the cleaning emptied was a list of other
/// stories whose heading and byline Readability's gold keeps (nytimes-5, ehow-1).
pub fn drop_trailing_notices(dom: &mut Dom, article: NodeId, after_cleaning: bool) {
    let cache = TextCache::build(dom, article);
    let blocks = leaf_blocks(dom, article);
    let mut drop = Vec::new();
    // Index of the last block of the story proper, once found.
    let mut story_end = None;
    let mut link_run: Vec<NodeId> = Vec::new();
    let mut heading_dropped = false;
    for (i, &n) in blocks.iter().enumerate().rev() {
        let text = block_text(dom, n);
        if text.is_empty() {
            continue;
        }
        // A notice that is all link ("mailto:" an address, "Source: <a>…</a>") is still one.
        let notice = is_notice(&text, !after_cleaning);
        if !notice && is_link_line(&cache, n) {
            link_run.push(n);
            continue;
        }
        // A heading ends a story only when what it introduced is gone (or was never there);
        // of headings in a row, only the last: the others are titles of a list whose heading
        // Readability's gold keeps ("Featured" over ehow-1's cards).
        let orphan = !after_cleaning
            && !heading_dropped
            && link_run.is_empty()
            && is_widget_heading(dom, n, &text);
        heading_dropped |= orphan;
        if orphan || notice {
            // Link lines after a notice or a call to follow go with it.
            drop.append(&mut link_run);
            drop.push(n);
            continue;
        }
        story_end = Some(i);
        break;
    }
    // Link lines alone at the end are kept: Readability's gold keeps such lists, and one of
    // them may be the story's own last sentence.
    if let Some(&last_link) = link_run.last() {
        story_end = blocks.iter().position(|&b| b == last_link);
    }
    // A line that introduces the dropped links ("Follow us at:") goes with them, unless it is
    // all that would be left.
    if let Some(i) = story_end.filter(|&i| i > 0 && !drop.is_empty()) {
        let text = block_text(dom, blocks[i]);
        if text.chars().count() <= 80 && text.ends_with(':') {
            drop.push(blocks[i]);
        }
    }
    for n in drop {
        dom.detach(n);
    }
}
