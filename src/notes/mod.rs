//! Notes, the pure side: reading a note's citations, links and claims, checking quoted words
//! against sources, and rendering sanitised HTML. No IO; `crate::cite` puts this together
//! with the case.

mod citation;
mod claims;
pub(crate) mod markdown;
mod render;
mod verbatim;

pub use citation::Target;
pub use claims::{
    analyse, CitationGroup, CitationUse, Claim, Malformed, NoteLink, NoteSyntax, QuotedWords,
};
pub use render::{render_html, CiteLabel};
pub use verbatim::{appears_in, closest_wording};
