//! Image and form XObjects: counting a page's images (for the OCR verdict), refusing forms
//! that draw themselves, and emptying images before text extraction.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::OnceLock;

use lopdf::{Dictionary, Document, Object, ObjectId};
use regex::bytes::Regex;

use super::PdfError;

/// The most XObject references examined in a whole document. Real documents need a few per
/// page; the bound keeps a graph of millions of shared forms from costing pages × graph.
const MAX_VISITS: usize = 1_000_000;

/// Walks the XObject graph of each page. A form's own resources are only followed for the
/// names its content stream draws with `Do`: many generators give every form the page's whole
/// resource dictionary, the form itself included, and only a form that really draws itself
/// would send the interpreter into endless recursion.
pub(super) struct Forms<'a> {
    doc: &'a Document,
    max_depth: usize,
    visits: usize,
    /// The XObject names each form's content draws, parsed once per form.
    drawn: HashMap<ObjectId, Rc<HashSet<Vec<u8>>>>,
}

impl<'a> Forms<'a> {
    pub fn new(doc: &'a Document, max_depth: usize) -> Self {
        Forms {
            doc,
            max_depth,
            visits: 0,
            drawn: HashMap::new(),
        }
    }

    /// Counts the images a page can draw, directly or through forms.
    pub fn page_images(&mut self, page: ObjectId) -> Result<usize, PdfError> {
        let Some(resources) = page_resources(self.doc, page) else {
            return Ok(0);
        };
        let mut path = HashSet::new();
        let mut seen = HashSet::new();
        self.walk(resources, None, &mut path, &mut seen, 0)
    }

    fn walk(
        &mut self,
        resources: &'a Dictionary,
        only: Option<&HashSet<Vec<u8>>>,
        path: &mut HashSet<ObjectId>,
        seen: &mut HashSet<ObjectId>,
        depth: usize,
    ) -> Result<usize, PdfError> {
        if depth > self.max_depth {
            return Err(PdfError::TooLarge(format!(
                "form XObjects nest more than {} deep",
                self.max_depth
            )));
        }
        let doc = self.doc;
        let Some(xobjects) = resources
            .get(b"XObject")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
        else {
            return Ok(0);
        };
        let mut images = 0;
        for (name, value) in xobjects.iter() {
            if only.is_some_and(|names| !names.contains(name)) {
                continue;
            }
            self.visits += 1;
            if self.visits > MAX_VISITS {
                return Err(PdfError::TooLarge(format!(
                    "more than {MAX_VISITS} XObject references"
                )));
            }
            let id = value.as_reference().ok();
            let Some(stream) = deref(doc, value).and_then(|o| o.as_stream().ok()) else {
                continue;
            };
            if stream
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Image")
            {
                images += 1;
                continue;
            }
            if let Some(id) = id {
                if path.contains(&id) {
                    return Err(PdfError::Damaged("a form XObject draws itself".into()));
                }
                // A form drawn twice on one page is walked once for that page.
                if !seen.insert(id) {
                    continue;
                }
                path.insert(id);
            }
            // A form without resources of its own uses its caller's, as the interpreter does.
            let inner = stream
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok())
                .unwrap_or(resources);
            let drawn = match id {
                Some(id) => self
                    .drawn
                    .entry(id)
                    .or_insert_with(|| Rc::new(drawn_names(stream)))
                    .clone(),
                None => Rc::new(drawn_names(stream)),
            };
            images += self.walk(inner, Some(&drawn), path, seen, depth + 1)?;
            if let Some(id) = id {
                path.remove(&id);
            }
        }
        Ok(images)
    }
}

/// The names a content stream draws with `Do`. The guard has already bounded the size every
/// stream inflates to, so decoding here is bounded too.
fn drawn_names(stream: &lopdf::Stream) -> HashSet<Vec<u8>> {
    static DO: OnceLock<Regex> = OnceLock::new();
    let re = DO.get_or_init(|| Regex::new(r"/([^\s/\[\]()<>{}%]+)\s*Do\b").expect("valid regex"));
    let Ok(content) = stream.decompressed_content() else {
        return HashSet::new();
    };
    re.captures_iter(&content)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_bytes().to_vec())
        .collect()
}

fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let mut dict = doc.get_dictionary(page).ok()?;
    // The page tree is a tree, but a hostile file can make its Parent links loop.
    for _ in 0..64 {
        if let Ok(res) = dict.get(b"Resources") {
            return deref(doc, res).and_then(|o| o.as_dict().ok());
        }
        let parent = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
        dict = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// Replaces every image XObject by an empty form: `pdf-extract` interprets whatever `Do`
/// names as a content stream, and decoding megabytes of pixels as PDF operators is both slow
/// and a source of panics.
pub(super) fn blank_images(doc: &mut Document) {
    for obj in doc.objects.values_mut() {
        let Object::Stream(stream) = obj else {
            continue;
        };
        let is_image = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Image");
        if is_image {
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.dict.set("Subtype", Object::Name(b"Form".to_vec()));
            stream.set_content(Vec::new());
        }
    }
}
