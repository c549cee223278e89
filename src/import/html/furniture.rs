//! Page furniture that sits inside the article container: captions and picture credits named
//! as such, related-story and "most popular" lists, newsletter sign-ups,
//! author bios and post metadata, video and gallery players, share and follow bars, menus and
//! panels hidden until opened (flyouts, dropdowns); the notices that trail the story are dropped
//! in `notices`. A reader wants none of it, and issue 15's development set of real
//! pages found each of these kept in our text.
//!
//! Two kinds of evidence are used, both general: the element's class or id (`caption`,
//! `newsletter`, `author-bio`, `related`...), bounded by how much text the element holds so
//! that a mislabelled wrapper of the whole story is never dropped; and, for blocks that carry
//! no such name, what a short block says and where it is (a "Related stories" heading and the
//! links under it).
//!
//! Every pass is one walk over the article (decisions read a text cache built once, which
//! stays valid because a node is judged before anything inside or after it is removed).

use std::sync::LazyLock;

use regex::Regex;

use super::dom::{fold_whitespace, Dom, NodeId};
use super::heuristics::{re, TextCache};

/// Class/id names of captions and picture credits.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)caption|(^|[\s_-])(credit|credits|photo-?credit|image-?credit|copyright)([\s_-]|$)|credit(line|__)",
    )
});
/// Class/id names of sign-ups and calls to action. (Not "paywall": pages mark the story's own
/// paragraphs behind a paywall with it.)
static SIGNUP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)newsletter|sign-?up|subscribe|subscription|opt-?in|(^|[\s_-])cta([\s_-]|$)|promo-?box|inline-?promo",
    )
});
/// Class/id names of author bios and post metadata lines (tags, topics, attribution).
static BIO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(author|writer|contributor)[-_]?(bio|info|box|card|details|profile|about|description|blurb)|about[-_]?(the[-_]?)?author|(^|[\s_-])bio([\s_-]|$)|(author|writer)s?[-_]?(container|wrap|wrapper|block|section)([\s_-]|$)|postmetadata|post-?meta(data)?([\s_-]|$)|entry-?meta|article-?meta|(entry|article|post)-?info([\s_-]|$)|(entry|article|post|story)[-_]?footer|submitted|(^|[\s_-])(tags|terms|topics|attribution)([\s_-]|$)",
    )
});
/// Class/id names of "Skip to content" links for keyboard and screen-reader users.
static SKIP_LINK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(^|[\s_-])skip-?(link|links|to|nav|content)([\s_-]|$)"));
/// Class/id names of related-story, "most popular" and recommendation blocks.
static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)related|more-?(stories|articles|news|from|on)|most-?(popular|read|viewed|shared)|popular-|trending|recommend|read-?more|read-?next|read-?also|also-?read|up-?next|next-?page|next-?(post|story|stories|article)|recirc|outbrain|taboola|further-?reading|see-?also|you-?may-?like",
    )
});
/// Class/id names of video players, playlists, galleries and slideshows.
static PLAYER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(^|[\s_-])(video|videos|player|playlist|carousel|gallery|slideshow)([\s_-]|$)")
});
/// Class/id names of menus, breadcrumbs and the links to the previous and next post.
static NAVIGATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(^|[\s_-])(nav|navbar|navigation|nav-?links|menu|breadcrumbs?|post-?nav|post-?navigation|pagination|pager)([\s_-]|$)",
    )
});
/// Class/id names of panels that stay hidden until the reader opens them: an author's
/// dropdown, a utility bar's flyout, a modal dialog, a tooltip.
static HIDDEN_PANEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(^|[\s_-])(flyout|dropdown|drop-down|popover|tooltip|modal)([\s_-]|$)")
});
/// Class/id names of share and follow bars.
static SHARE_BAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(^|[\s_-])(social|sharing|share-?bar|share-?tools|share-?buttons|addthis|sharethis|follow-?us)([\s_-]|$)",
    )
});
/// The whole text of a heading that introduces a list of other stories.
static RELATED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(related( stories| articles| news| content| coverage| links| reading)?|read (more|next|also)|more (from|on|in|stories|news|coverage)\b.*|most (popular|read|viewed|shared)|you (may|might) (also )?(like|be interested in)|recommended( for you| stories| reading)?|see also|also read|further reading|trending( now)?|top stories|editor'?s picks|don'?t miss|lesen sie auch|mehr zum thema|voir aussi|à lire aussi|lire aussi|leia também|ver también|te puede interesar|关联阅读|相关阅读|相关新闻|相關新聞|関連記事|เรื่องที่เกี่ยวข้อง)\s*[:.]?$",
    )
});
/// A label that introduces a link to another story on the same line: "Related article: …".
static RELATED_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(related( article| story| stories| content| coverage| links?)?|read (more|also|next)|see also|also read|more on this( story)?|recommended( reading)?)\s*:",
    )
});
/// A byline printed as a line of the story: "By Jane Doe", "by Jane Doe and John Roe".
pub(super) static BYLINE_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(by|written by|words by|von|par|por|di)\s+\S+(\s+\S+){0,5}$"));
/// A picture credit printed as its own line: "© Alamy", "Credit: Riot Games", "Screenshot by …".
pub(super) static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(©|\(c\)\s|[(\[]?\s*((photo|image|picture|video|graphic|illustration)s?( credit)?\s*:|(photo|image)?\s*credits?\s*:|(photo(graph)?|screenshot|image|picture)s?\s+(by|courtesy of)\s))",
    )
});
/// A date line before the story: a time ("17:40", "9:00AM") or an ISO date, in a short block.
static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b\d{1,2}:\d{2}(\b|[ap]\.?m\b)|\b\d{4}-\d{2}-\d{2}\b"));
/// A numeric date ("05/08/2019", "13.05.2014"); a block of it and at most two more words is a
/// date line (a longer one, "Jane Doe | Palma | 08/01/2014", is left to the other rules).
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b\d{1,2}[./]\d{1,2}[./](\d{4}|\d{2})\b"));
/// A label that marks an advertisement slot and says nothing else: "Advertisement", "Anzeige:".
static AD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(advertisement|advertisements|advertising|anzeige|werbung|publicité|publicidad|pubblicità|reklama|sponsored( content)?)\s*:?$",
    )
});
/// Elements dropped for a name only while they hold at most this much text: a caption or bio
/// is short, and a longer element named so is more likely a wrapper of real content.
const NAMED_MAX_CHARS: usize = 600;
/// Related and player blocks are lists of links and titles; a bigger one may wrap the story.
const LIST_MAX_CHARS: usize = 2_500;

/// What the page's metadata says about the story, used to recognise the copies of its
/// headline, byline and site name that pages print above the story.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageFacts<'a> {
    pub title: &'a str,
    pub byline: Option<&'a str>,
    pub site_name: Option<&'a str>,
}

/// Drops the furniture described in the module documentation from the article container.
pub fn clean_furniture(dom: &mut Dom, article: NodeId, facts: &PageFacts) {
    drop_named_blocks(dom, article);
    drop_credit_lines(dom, article);
    drop_leading_title_and_byline(dom, article, facts);
    drop_related_runs(dom, article);
    super::notices::drop_trailing_notices(dom, article, false);
}

/// Which kind of named furniture an element is, if any (checked on class and id).
fn named_furniture(dom: &Dom, cache: &TextCache, node: NodeId) -> bool {
    // The story's own containers, and paragraphs named only by an id, are never furniture by
    // name. A `<figcaption>` is the page's declared caption, which reader views (and
    // Readability's gold) keep; captions not marked up as one are dropped below.
    let tag = dom.tag(node);
    if tag == "figcaption"
        || (matches!(tag, "body" | "html" | "article" | "main" | "p") && dom.class(node).is_empty())
    {
        return false;
    }
    let names = format!("{} {}", dom.class(node), dom.id_attr(node));
    let len = cache.text_len(node);
    if names.trim().is_empty() {
        return false;
    }
    if len <= NAMED_MAX_CHARS
        && (CAPTION.is_match(&names)
            || SIGNUP.is_match(&names)
            || BIO.is_match(&names)
            || SHARE_BAR.is_match(&names)
            || SKIP_LINK.is_match(&names))
    {
        return true;
    }
    if len > LIST_MAX_CHARS {
        return false;
    }
    // Hidden panels hold forms, notices and bios, whatever their link density.
    if HIDDEN_PANEL.is_match(&names) {
        return true;
    }
    // Menus are lists of links; an element so named that holds prose may be the story's.
    if NAVIGATION.is_match(&names) && cache.link_density(node) > 0.5 {
        return true;
    }
    // Related and player blocks: mostly links or titles, never the long prose of a story.
    (RELATED.is_match(&names) || PLAYER.is_match(&names))
        && (cache.link_density(node) > 0.3 || len <= NAMED_MAX_CHARS)
}

fn drop_named_blocks(dom: &mut Dom, article: NodeId) {
    let cache = TextCache::build(dom, article);
    let mut cur = dom.next_in_subtree(article, article, false);
    while let Some(n) = cur {
        if dom.is_element(n) && named_furniture(dom, &cache, n) {
            let next = dom.next_in_subtree(n, article, true);
            dom.detach(n);
            cur = next;
            continue;
        }
        cur = dom.next_in_subtree(n, article, false);
    }
}

/// Before the first paragraph of prose: a block that repeats the page's title (a headline
/// kept in a `<div class="title">`, where the heading rule cannot see it), its byline (a bare
/// author name, or "By …") or its site name (a logo's text), and a short date line ("Šodien,
/// 17:40", "Submitted on Mon, 2019-01-21 13:49", "05/08/2019"). A deck (the description printed
/// under the headline) is kept: Readability's gold keeps decks, and dropping the ones named so
/// cost it more than the development set gained (see docs/benchmarks.md, session 12).
fn drop_leading_title_and_byline(dom: &mut Dom, article: NodeId, facts: &PageFacts) {
    let blocks = leaf_blocks(dom, article);
    let mut drop = Vec::new();
    for &n in &blocks {
        let text = block_text(dom, n);
        if text.is_empty() {
            continue;
        }
        let words = text.split_whitespace().count();
        // The first sentence of prose ends the search: headlines, bylines and date lines are
        // short and do not end like a sentence.
        let sentence = text.ends_with(['.', '!', '?', '…', '"', '”']);
        if words > 25 || (words >= 8 && sentence) {
            break;
        }
        let title = facts.title;
        let repeats_title =
            !title.is_empty() && super::metadata::text_similarity(title, &text) > 0.75;
        let chars = text.chars().count();
        let date_line = (chars <= 80 && words <= 12 && DATE_LINE.is_match(&text))
            || (words <= 3 && NUMERIC_DATE.is_match(&text));
        let named = |meta: Option<&str>| {
            meta.is_some_and(|m| chars <= 80 && same_words(m, strip_by(&text)))
        };
        if repeats_title
            || date_line
            || (chars <= 60 && BYLINE_LINE.is_match(&text))
            || named(facts.byline)
            || named(facts.site_name)
        {
            drop.push(n);
        }
    }
    for n in drop {
        dom.detach(n);
    }
}

/// The text after a leading "By ", if any.
fn strip_by(text: &str) -> &str {
    let lower = text.get(..3).map(str::to_ascii_lowercase);
    if lower.as_deref() == Some("by ") {
        text[3..].trim_start()
    } else {
        text
    }
}

/// Whether two short texts have the same words (case, punctuation and order aside).
fn same_words(a: &str, b: &str) -> bool {
    use super::metadata::text_similarity;
    text_similarity(a, b) > 0.99 && text_similarity(b, a) > 0.99
}

/// Short blocks anywhere in the article that are a picture credit, or an advertisement label,
/// and nothing else.
fn drop_credit_lines(dom: &mut Dom, article: NodeId) {
    let drop: Vec<NodeId> = leaf_blocks_and_caption_parts(dom, article)
        .into_iter()
        .filter(|&n| {
            let text = block_text(dom, n);
            text.chars().count() <= 80
                && ((CREDIT_LINE.is_match(&text) && !names_a_video(&text))
                    || AD_LABEL.is_match(&text))
        })
        .collect();
    for n in drop {
        dom.detach(n);
    }
}

/// Whether a line that opens "Video:" gives a video's title, not its credit: a credit names an
/// agency or a person in a few words ("Video: Jane Doe/Reuters"), a title is a phrase of six
/// words or more ("Video: The Best Way to Pour a Beer for Perfect Foam", an item of a recipe
/// site's list that the credit rule had dropped from the story).
fn names_a_video(line: &str) -> bool {
    let lower = line.trim_start_matches(['(', '[', ' ']).to_lowercase();
    lower.starts_with("video")
        && lower
            .split_once(':')
            .is_some_and(|(_, title)| title.split_whitespace().count() >= 6)
}

/// Leaf blocks, plus the leaf elements of captions, where a credit often sits in a `<span>`.
/// Whether a node is inside a caption is carried down in one pre-order walk.
fn leaf_blocks_and_caption_parts(dom: &Dom, article: NodeId) -> Vec<NodeId> {
    let mut out = leaf_blocks(dom, article);
    let mut in_caption = vec![false; dom.nodes.len()];
    for n in dom.descendants(article) {
        let Some(parent) = dom.parent(n) else {
            continue;
        };
        in_caption[n] = in_caption[parent] || dom.tag(parent) == "figcaption";
        // A caption part that is also a leaf block comes twice; detaching twice is harmless.
        if in_caption[n] && dom.is_element(n) && dom.element_child_count(n) == 0 {
            out.push(n);
        }
    }
    out
}

/// Tags that make a block of text of their own.
const BLOCKS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "div",
    "section",
    "dt",
    "dd",
    "blockquote",
];

/// Leaf blocks of the article in document order: paragraphs, headings, list items and other
/// blocks with no block inside them. Whether a block holds another is computed bottom-up in
/// one walk, so the cost stays linear however deep the tree is.
pub(super) fn leaf_blocks(dom: &Dom, article: NodeId) -> Vec<NodeId> {
    let is_block = |n: NodeId| dom.is_element(n) && BLOCKS.contains(&dom.tag(n));
    let mut order = vec![article];
    order.extend(dom.descendants(article));
    let mut holds_block = vec![false; dom.nodes.len()];
    for &n in order.iter().rev() {
        let mut child = dom.first_child(n);
        while let Some(c) = child {
            if is_block(c) || holds_block[c] {
                holds_block[n] = true;
                break;
            }
            child = dom.next_sibling(c);
        }
    }
    let mut out = Vec::new();
    let mut cur = dom.next_in_subtree(article, article, false);
    while let Some(n) = cur {
        if is_block(n) && !holds_block[n] {
            out.push(n);
            cur = dom.next_in_subtree(n, article, true);
            continue;
        }
        cur = dom.next_in_subtree(n, article, false);
    }
    out
}

pub(super) fn block_text(dom: &Dom, node: NodeId) -> String {
    fold_whitespace(&dom.text_content(node))
}

/// A short block that is (nearly) all link text: one entry of a list of other stories.
pub(super) fn is_link_line(cache: &TextCache, node: NodeId) -> bool {
    let len = cache.text_len(node);
    len > 0 && len <= 250 && cache.link_density(node) >= 0.5
}

/// A link-dense block whose first element is an emphasised "Related stories" label, as in
/// `<p><strong>Related</strong><br><a>…</a><br><a>…</a></p>`.
fn starts_with_related_heading(dom: &Dom, cache: &TextCache, block: NodeId) -> bool {
    let Some(first) = dom.first_element_child(block) else {
        return false;
    };
    let leading_text = dom
        .children(block)
        .into_iter()
        .take_while(|&c| c != first)
        .any(|c| dom.is_text(c) && !dom.text_of(c).trim().is_empty());
    !leading_text
        && matches!(dom.tag(first), "strong" | "b" | "em" | "span")
        && RELATED_HEADING.is_match(&block_text(dom, first))
        && cache.link_density(block) >= 0.5
}

/// A heading such as "Related stories" (alone in its block) and the link lines right after it.
fn drop_related_runs(dom: &mut Dom, article: NodeId) {
    let cache = TextCache::build(dom, article);
    let blocks = leaf_blocks(dom, article);
    let mut drop = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let text = block_text(dom, blocks[i]);
        let related_line = RELATED_PREFIX.is_match(&text) && is_link_line(&cache, blocks[i]);
        if (text.chars().count() <= 60 && RELATED_HEADING.is_match(&text))
            || starts_with_related_heading(dom, &cache, blocks[i])
            || related_line
        {
            drop.push(blocks[i]);
            i += 1;
            while i < blocks.len() && is_link_line(&cache, blocks[i]) {
                drop.push(blocks[i]);
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    for n in drop {
        dom.detach(n);
    }
}
