//! Furniture that the session 18 pages of the development set found kept in our text (issue
//! 15): notices that trail a story, hidden panels and menus. One made-up page per error class,
//! named after what broke, and the Readability test pages' lines that must stay.

use super::tests_furniture::{assert_absent, text_with};

/// A utility bar's flyout (sign-in prompts, error messages) and an author's dropdown bio were
/// kept (usatoday-com, techcrunch-com): panels hidden until the reader opens them.
#[test]
fn hidden_flyouts_and_dropdowns_are_dropped() {
    let text = text_with(
        r#"<div class="util-bar-flyout util-bar-flyout-comments"><h6>Join the Conversation</h6><p>Sign in now to share your story.</p><h2>Uh oh!</h2><p>We're experiencing a few technical issues.</p></div>
        <div class="author-dropdown"><div class="description"><p>Jane Doe currently works for the Gazette as a writer. She studied writing and art, and moved to the city after graduation.</p></div></div>"#,
        "",
    );
    assert_absent(
        &text,
        &[
            "Sign in now",
            "Uh oh",
            "technical issues",
            "currently works",
        ],
    );
}

/// A site's menu and a blog's entry footer with the links to the previous and next post were
/// kept (wiwo-de, jovelstefan-de).
#[test]
fn menus_entry_footers_and_links_to_the_previous_and_next_post_are_dropped() {
    let text = text_with(
        r#"<ul class="c-nav__tlinks"><li><a href="/business">Business</a></li><li><a href="/finance">Finance</a></li><li><a href="/politics">Politics</a></li></ul>"#,
        r#"<div class="entryfooter"><p>Tags: <a href="/tag/harbour" rel="tag">Harbour</a>, <a href="/tag/budget" rel="tag">Budget</a></p><p><a href="/feed">Comment feed</a> | Comments closed</p></div>
        <div class="navigation"><div class="alignleft">&laquo; <a href="/prev" rel="prev">Welcome, new neighbours!</a></div><div class="alignright"><a href="/next" rel="next">News from the inbox</a> &raquo;</div></div>"#,
    );
    assert_absent(
        &text,
        &[
            "Business",
            "Politics",
            "Tags:",
            "Comment feed",
            "neighbours",
            "inbox",
        ],
    );
}

/// Lines under a story that say where it came from were kept: "This article originally
/// appeared at …" (businessinsider-com), "This story was provided by …" (space-com), and a
/// call to share before a "Source: …" line (lifebuzz-com).
#[test]
fn notes_on_where_a_story_first_ran_and_its_source_are_dropped() {
    let text = text_with(
        "",
        r#"<p class="tagline">This article originally appeared at <a href="https://harbour.example">The Harbour Times</a>. Copyright 2015.</p>
        <p><em>This story was provided by HarbourNews, dedicated to covering all aspects of the port.</em></p>
        <p>Share this with all of your friends by clicking the Share button below.</p>
        <p class="sources">Source: <a href="https://video.example/x">HarbourChannel</a></p>"#,
    );
    assert_absent(
        &text,
        &[
            "originally appeared",
            "was provided by",
            "Share this",
            "Source",
        ],
    );
}

/// A reporter's address and a wire service's "(END)" (nydailynews-com, np4k-yna-co-kr), and a
/// photographer's credit and a sponsorship note (iloveponysmag-com), all after the story.
#[test]
fn a_reporters_address_an_end_mark_a_photo_credit_and_a_sponsor_note_are_dropped() {
    let text = text_with(
        "",
        r#"<p class="a-email"><a href="mailto:jdoe@gazette.example">jdoe@gazette.example</a></p><p>kdoe@wire.example<br>(END)</p>
        <p style="text-align: center;"><strong>Fotos: <a href="https://photo.example">Sophia Doe</a></strong></p>
        <p style="text-align: center;">– Anzeige: Dieser Beitrag ist in Zusammenarbeit mit Barbour entstanden –</p>"#,
    );
    assert_absent(&text, &["jdoe@", "kdoe@", "(END)", "Fotos", "Anzeige"]);
}

/// A comment section's notice and the "Top Picks" heading of a list that was never filled in
/// were kept (dallasnews-com), as was a partners' heading over an empty gallery (wiwo-de).
#[test]
fn comment_notices_and_a_heading_left_empty_at_the_end_are_dropped() {
    let text = text_with(
        "",
        r#"<h3 class="groupHeadline">Top Picks</h3><div style="clear:both;"></div>
        <p class="meta">To post a comment, log into your chosen social network and then add your comment below. Your comments are subject to our <a href="/terms/">Terms of Service</a> and the privacy policy and terms of service of your social network. If you do not want to comment with a social network, please consider writing a letter to the editor.</p>"#,
    );
    assert_absent(&text, &["Top Picks", "To post a comment"]);
    let partners = text_with(
        "",
        r#"<div class="c-teasergallery"><div class="c-headline">Offers from our partners</div><ul class="c-list"></ul></div>"#,
    );
    assert_absent(&partners, &["Offers from our partners"]);
}

/// Lines that Readability's gold keeps after a story stay: where it ran again, the print
/// edition's note, and a bare heading whose paragraph is hidden (quanta-1, nytimes-4,
/// hidden-nodes).
#[test]
fn reprint_notes_print_edition_lines_and_bare_closing_headings_are_kept() {
    let text = text_with(
        "",
        r#"<p>This article was reprinted on Wired.com.</p>
        <p>A version of this article appears in print on page A1 of the New York edition.</p>
        <h2>Secondary header</h2><p hidden>Hidden text of the second part.</p>"#,
    );
    for kept in ["reprinted on Wired", "appears in print", "Secondary header"] {
        assert!(text.contains(kept), "{kept:?} should stay: {text}");
    }
}
