//! How the writer's sentence before a quote introduces it, in the cases the attribution parser
//! (`attr::before`, which reads back from the mark to the nearest comma) leaves open: a
//! lowercase quote after an attribution that opens its sentence (`He added, "nobody …"`), a cue
//! further back than that comma (`Lee acknowledged, however, "…"`), and a quoted item that
//! follows a scare quote in a list (`"Harbor Lights," "Apollo 9," and …`), and a cue earlier in
//! the sentence of a fragment that ends it (`Lee said the cost "is too high."`). Each looks at a
//! bounded number of tokens, so extraction stays linear.

use super::attr::{before, Attr};
use super::np::Doc;
use super::tokens::K;

/// How many tokens back from the comma before a quote a cue may stand.
const CUE_REACH: usize = 25;

/// Whether the attribution `a`, which ends at the comma at token `comma` right before a quote,
/// opens its sentence: the speaker stands first (after a sentence end, a colon, "and" or
/// "but"), then the cue, then at most three words before the comma (`told his supporters,`).
/// A lowercase quote after such a clause is the speaker's own sentence, lowercased by the
/// writer, not the end of a sentence the writer began (`If the bill fails, Lee said, "we …"`).
pub(crate) fn opens_sentence(d: &Doc, a: &Attr, comma: usize) -> bool {
    let c = a.cue.0;
    let Some(m) = a.speaker.as_ref() else {
        return false;
    };
    // A cue word after a determiner is an adjective: `the charged term, "…"`.
    if c >= comma || m.ti > c || c > 0 && d.is_det(c - 1) {
        return false;
    }
    let near_comma = comma <= a.cue.1 + 3 && (a.cue.1 + 1..comma).all(|j| d.is_word(j));
    let s = m.ti;
    let opens = s == 0
        || d.is_boundary(s - 1)
        || d.is_p(s - 1, ':')
        || d.is_word(s - 1) && matches!(d.w(s - 1), "and" | "but");
    near_comma && opens
}

/// The attribution of a capitalised sentence quoted after the comma at token `comma` when a cue
/// stands earlier in the same sentence, beyond an adverb or a clause set off by commas: `Lee
/// acknowledged, however, "As they say …"`, `Lee said in the spring, when the story broke, "I
/// did not …"`. A conjunction right before the comma (`a problem because, "In the end …"`)
/// makes the quote the end of the writer's own clause instead.
pub(crate) fn distant_cue(d: &Doc, comma: usize) -> Option<Attr> {
    let joined = comma > 0
        && d.is_word(comma - 1)
        && matches!(
            d.w(comma - 1),
            "because"
                | "that"
                | "but"
                | "and"
                | "if"
                | "when"
                | "while"
                | "since"
                | "although"
                | "so"
                | "or"
                | "as"
                | "than"
        );
    if joined {
        return None;
    }
    let mut j = comma;
    while j > 0 && comma - j < CUE_REACH {
        j -= 1;
        if d.is_boundary(j) || d.toks[j].k == K::Mark || d.toks[j].k == K::Para {
            return None;
        }
        if let Some(ce) = d.cue_at(j).filter(|&ce| ce < comma) {
            return before(d, ce + 1);
        }
    }
    None
}

/// Whether the token `k` right before an opening mark is the closing mark of a quote that
/// ended in a comma: `"Harbor Lights," "Apollo 9,"`. When that quote was a title or a term,
/// the next one is the following item of the same list, not a new sentence of speech.
pub(crate) fn after_list_item(d: &Doc, k: usize) -> bool {
    d.toks[k].k == K::Mark && k > 0 && d.is_p(k - 1, ',')
}

/// The attribution of a fragment that ends its sentence inside the marks when a cue earlier in
/// that sentence reports it: `Lee said the plan's cost "is far too high."`. Without it, the next
/// sentence's cue (`"…." Ann Marlow said the …`) would claim the fragment.
pub(crate) fn sentence_cue(d: &Doc, open: usize) -> Option<Attr> {
    let mut j = open;
    while j > 0 && open - j < CUE_REACH {
        j -= 1;
        if d.is_boundary(j) || d.toks[j].k == K::Mark || d.toks[j].k == K::Para {
            return None;
        }
        if let Some(ce) = d.cue_at(j).filter(|&ce| ce < open) {
            return before(d, ce + 1).filter(|a| a.speaker.is_some());
        }
    }
    None
}
