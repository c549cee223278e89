//! A tiny PDF writer for the tests: text runs placed at given positions on US Letter pages,
//! in Helvetica, optionally with an image, compression or an encryption dictionary.

use lopdf::{dictionary, Document, Object, Stream, StringFormat};

/// One run of text: x and y of the baseline in points from the bottom-left corner.
#[derive(Debug, Clone)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

pub fn run(x: f32, y: f32, text: &str) -> Run {
    Run {
        x,
        y,
        size: 11.0,
        text: text.to_string(),
    }
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub runs: Vec<Run>,
    /// Draw a small grey image covering the page, as a scanner would.
    pub image: bool,
    /// The content of a form XObject `/Fm1` that the page draws; the form shares the page's
    /// resource dictionary (itself included), as some generators do.
    pub form: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Spec {
    pub pages: Vec<Page>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub created: Option<String>,
    pub compress: bool,
    pub encrypt: bool,
}

pub const WIDTH: f32 = 612.0;
pub const HEIGHT: f32 = 792.0;

/// Lays out `lines` top-down from `top` at `leading` points apart, starting at `x`.
pub fn column(x: f32, top: f32, leading: f32, lines: &[&str]) -> Vec<Run> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| run(x, top - leading * i as f32, l))
        .collect()
}

fn escape(text: &str) -> Vec<u8> {
    // WinAnsiEncoding matches Latin-1 except for the typographic marks it puts at 0x80-0x9F.
    text.chars()
        .map(|c| match c {
            '\u{2014}' => 0x97,
            '\u{2013}' => 0x96,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2019}' => 0x92,
            c if (c as u32) < 256 => c as u8,
            _ => b'?',
        })
        .collect()
}

pub fn build(spec: &Spec) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let image_id = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => 8,
            "Height" => 8,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        vec![128u8; 64],
    ));
    let mut kids = Vec::new();
    for page in &spec.pages {
        let mut ops = String::new();
        if page.image {
            ops.push_str(&format!("q {WIDTH} 0 0 {HEIGHT} 0 0 cm /Im1 Do Q\n"));
        }
        let mut content = ops.into_bytes();
        for r in &page.runs {
            content
                .extend_from_slice(format!("BT /F1 {} Tf {} {} Td (", r.size, r.x, r.y).as_bytes());
            for b in escape(&r.text) {
                if matches!(b, b'(' | b')' | b'\\') {
                    content.push(b'\\');
                }
                content.push(b);
            }
            content.extend_from_slice(b") Tj ET\n");
        }
        let mut xobjects = lopdf::Dictionary::new();
        if page.image {
            xobjects.set("Im1", image_id);
        }
        let form_id = doc.new_object_id();
        if page.form.is_some() {
            xobjects.set("Fm1", form_id);
            content.extend_from_slice(b"/Fm1 Do\n");
        }
        let resources_id = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => font_id },
            "XObject" => xobjects,
        });
        if let Some(form) = &page.form {
            let dict = dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), WIDTH.into(), HEIGHT.into()],
                "Resources" => resources_id,
            };
            doc.objects.insert(
                form_id,
                Object::Stream(Stream::new(dict, form.clone().into_bytes())),
            );
        }
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let resources = Object::Reference(resources_id);
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), WIDTH.into(), HEIGHT.into()],
            "Contents" => content_id,
            "Resources" => resources,
        });
        kids.push(Object::Reference(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut info = lopdf::Dictionary::new();
    for (key, value) in [
        ("Title", &spec.title),
        ("Author", &spec.author),
        ("CreationDate", &spec.created),
    ] {
        if let Some(v) = value {
            info.set(
                key,
                Object::String(v.as_bytes().to_vec(), StringFormat::Literal),
            );
        }
    }
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", info_id);
    if spec.compress {
        doc.compress();
    }
    if spec.encrypt {
        let encrypt_id = doc.add_object(dictionary! {
            "Filter" => "Standard",
            "V" => 2,
            "R" => 3,
            "Length" => 128,
            "O" => Object::String(vec![7u8; 32], StringFormat::Hexadecimal),
            "U" => Object::String(vec![9u8; 32], StringFormat::Hexadecimal),
            "P" => -44,
        });
        doc.trailer.set("Encrypt", encrypt_id);
        doc.trailer.set(
            "ID",
            vec![
                Object::String(vec![1u8; 16], StringFormat::Hexadecimal),
                Object::String(vec![1u8; 16], StringFormat::Hexadecimal),
            ],
        );
    }
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .expect("writing to memory cannot fail");
    out
}
