//! Scans made from known text, for the tests and the OCR evaluation (`examples/eval_ocr.rs`):
//! a text PDF written here is rendered to grey pixels by `pdftoppm`, optionally degraded
//! (skew, noise, a 1-bit fax-like threshold), and wrapped as an image-only PDF, a multi-page
//! TIFF or a PNG. Every fixture is generated, so its true text is known exactly. Not used by
//! the app.

use std::io::Write;
use std::process::Command;

pub use super::deskew::{read_pgm, Gray};

/// A page of a PDF this module writes.
pub enum PdfPage<'a> {
    /// Lines of Helvetica text from the top of a US Letter page, with a text layer.
    Text(&'a [&'a str]),
    /// A picture covering a US Letter page, without text: a scan.
    Scan(&'a Gray),
    /// A JPEG (its bytes, width, height) covering the page, as scanners often store pages.
    Jpeg(&'a [u8], u32, u32),
}

fn escape(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push(b'\\');
                out.push(c as u8);
            }
            c => out.push(win_ansi(c).unwrap_or(b'?')),
        }
    }
    out
}

/// The byte WinAnsiEncoding (the fixture font's encoding) gives a character: Latin-1 as
/// itself, and the typographic marks news text is full of (curly quotes, dashes, the
/// ellipsis) at their places in 0x80–0x9F, where Latin-1 has control characters instead.
pub fn win_ansi(c: char) -> Option<u8> {
    Some(match c {
        '\u{20ac}' => 0x80,
        '\u{2026}' => 0x85,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201c}' => 0x93,
        '\u{201d}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        c if (c as u32) < 0x80 || (0xa0..0x100).contains(&(c as u32)) => c as u32 as u8,
        _ => return None,
    })
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).expect("writing to memory");
    z.finish().expect("writing to memory")
}

/// Writes a PDF of the given pages (US Letter, 612 × 792 points).
pub fn pdf(pages: &[PdfPage<'_>]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    // 1: catalog, 2: pages, 3: font; then per page: page, content, (image).
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(Vec::new());
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    let mut kids = Vec::new();
    for page in pages {
        let page_id = objects.len() + 1;
        kids.push(format!("{page_id} 0 R"));
        let content_id = page_id + 1;
        let image_id = page_id + 2;
        let (content, image): (Vec<u8>, Option<Vec<u8>>) = match page {
            PdfPage::Text(lines) => {
                let mut c = b"BT /F1 12 Tf 72 720 Td 15 TL\n".to_vec();
                for line in lines.iter() {
                    c.push(b'(');
                    c.extend(escape(line));
                    c.extend_from_slice(b") Tj T*\n");
                }
                c.extend_from_slice(b"ET");
                (c, None)
            }
            PdfPage::Scan(g) => {
                let data = deflate(&g.pixels);
                let mut img = format!(
                    "<< /Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace \
                     /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {} >>\nstream\n",
                    g.width,
                    g.height,
                    data.len()
                )
                .into_bytes();
                img.extend(data);
                img.extend_from_slice(b"\nendstream");
                (b"q 612 0 0 792 0 0 cm /Im1 Do Q".to_vec(), Some(img))
            }
            PdfPage::Jpeg(bytes, w, h) => {
                let space = match jpeg_components(bytes) {
                    Some(3) => "DeviceRGB",
                    _ => "DeviceGray",
                };
                let mut img = format!(
                    "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace \
                     /{space} /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n",
                    bytes.len()
                )
                .into_bytes();
                img.extend_from_slice(bytes);
                img.extend_from_slice(b"\nendstream");
                (b"q 612 0 0 792 0 0 cm /Im1 Do Q".to_vec(), Some(img))
            }
        };
        let xobject = if image.is_some() {
            format!("/XObject << /Im1 {image_id} 0 R >>")
        } else {
            String::new()
        };
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << \
                 /F1 3 0 R >> {xobject} >> /Contents {content_id} 0 R >>"
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend(content);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
        if let Some(image) = image {
            objects.push(image);
        }
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    )
    .into_bytes();
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    out
}

/// Renders every page of a PDF to grey pixels at `dpi` with `pdftoppm`.
pub fn render(pdf_bytes: &[u8], dpi: u32) -> std::io::Result<Vec<Gray>> {
    let dir = std::env::temp_dir().join(format!(
        "dossier-fixture-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    std::fs::create_dir_all(&dir)?;
    let input = dir.join("in.pdf");
    std::fs::write(&input, pdf_bytes)?;
    let status = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-gray"])
        .arg(&input)
        .arg(dir.join("page"))
        .status()?;
    if !status.success() {
        return Err(std::io::Error::other("pdftoppm failed"));
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
        .collect();
    files.sort();
    let pages = files
        .iter()
        .map(|f| std::fs::read(f).map(|b| read_pgm(&b)))
        .collect::<std::io::Result<Vec<_>>>();
    let _ = std::fs::remove_dir_all(&dir);
    pages?
        .into_iter()
        .map(|p| p.ok_or_else(|| std::io::Error::other("pdftoppm wrote an unreadable PGM")))
        .collect()
}

/// An 8-bit grey TIFF with one page per picture, uncompressed, little-endian.
pub fn tiff(pages: &[(u32, u32, &[u8])]) -> Vec<u8> {
    let mut out = b"II*\0\0\0\0\0".to_vec();
    let mut link_at = 4usize;
    for &(w, h, pixels) in pages {
        let data_at = out.len() as u32;
        out.extend_from_slice(pixels);
        if out.len() % 2 == 1 {
            out.push(0);
        }
        let ifd = out.len() as u32;
        out[link_at..link_at + 4].copy_from_slice(&ifd.to_le_bytes());
        let entries: [(u16, u16, u32); 8] = [
            (256, 4, w),
            (257, 4, h),
            (258, 3, 8),
            (259, 3, 1),
            (262, 3, 1),
            (273, 4, data_at),
            (278, 4, h),
            (279, 4, w * h),
        ];
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        for (tag, kind, value) in entries {
            out.extend_from_slice(&tag.to_le_bytes());
            out.extend_from_slice(&kind.to_le_bytes());
            out.extend_from_slice(&1u32.to_le_bytes());
            out.extend_from_slice(&value.to_le_bytes());
        }
        link_at = out.len();
        out.extend_from_slice(&0u32.to_le_bytes());
    }
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
}

/// An 8-bit grey PNG.
pub fn png(g: &Gray) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&g.width.to_be_bytes());
    ihdr.extend_from_slice(&g.height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    let mut raw = Vec::with_capacity(g.pixels.len() + g.height as usize);
    for row in g.pixels.chunks(g.width as usize) {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    chunk(&mut out, b"IDAT", &deflate(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A PNG header declaring `w` × `h` pixels followed by nothing: what a bomb looks like to a
/// reader of headers.
pub fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    out
}

/// A small deterministic pseudo-random sequence (xorshift), so degraded fixtures are the same
/// on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The picture turned by `degrees` about its centre (bilinear, white outside), as a page laid
/// crooked on the scanner; the stage's own straightening turns it back with the same code.
pub fn skew(g: &Gray, degrees: f64) -> Gray {
    super::deskew::rotate(g, degrees)
}

/// Scanner noise: every pixel moved by up to ±`amount` grey levels, and one in `specks`
/// flipped to black or white (dust).
pub fn noise(g: &Gray, amount: u8, specks: u64, seed: u64) -> Gray {
    let mut rng = Rng(seed | 1);
    let span = u64::from(amount) * 2 + 1;
    let pixels = g
        .pixels
        .iter()
        .map(|&p| {
            let r = rng.next();
            if specks > 0 && r.is_multiple_of(specks) {
                return if (r >> 32) & 1 == 0 { 0 } else { 255 };
            }
            let delta = ((r >> 8) % span) as i32 - i32::from(amount);
            (i32::from(p) + delta).clamp(0, 255) as u8
        })
        .collect();
    Gray {
        pixels,
        ..g.clone()
    }
}

/// A fax: every pixel black or white at a fixed threshold, as a 1-bit scanner sends it.
pub fn bilevel(g: &Gray) -> Gray {
    Gray {
        pixels: g
            .pixels
            .iter()
            .map(|&p| if p < 160 { 0 } else { 255 })
            .collect(),
        ..g.clone()
    }
}

/// How many colour components a JPEG's frame header declares, so the PDF wrapping it names the
/// matching colour space: `pdftoppm -gray -jpeg` still writes three, and a three-component
/// JPEG declared `/DeviceGray` decodes to noise in every reader. None when no frame header
/// is found (the bytes are not a JPEG).
pub fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    bytes
        .windows(10)
        .find(|w| w[0] == 0xFF && matches!(w[1], 0xC0..=0xC2))
        .map(|w| w[9])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_and_png_are_what_readers_expect() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        let g = Gray {
            width: 2,
            height: 2,
            pixels: vec![0, 255, 255, 0],
        };
        let png = png(&g);
        let info = crate::ocr::image::inspect(&png).unwrap();
        assert_eq!(info.pages, vec![(2, 2)]);
    }

    /// News text quotes with curly marks; written as Latin-1 they became `?`, so an OCR
    /// evaluation's true text could not hold the quotes the article has.
    #[test]
    fn curly_quotes_and_dashes_are_written_in_win_ansi_not_as_question_marks() {
        assert_eq!(
            escape("\u{201c}Yes\u{201d} \u{2014} it\u{2019}s"),
            b"\x93Yes\x94 \x97 it\x92s"
        );
        assert_eq!(escape("caf\u{e9} (a)"), b"caf\xe9 \\(a\\)");
        assert_eq!(
            escape("\u{4e2d}\u{85}"),
            b"??",
            "no glyph, and no C1 control either"
        );
    }

    #[test]
    fn a_pgm_reads_back() {
        let g = read_pgm(b"P5\n# by hand\n3 1\n255\n\x00\x80\xff").unwrap();
        assert_eq!((g.width, g.height, g.pixels), (3, 1, vec![0, 128, 255]));
        assert!(read_pgm(b"P6\n1 1\n255\n\x00\x00\x00").is_none());
    }

    /// The evaluation's JPEG pages came out of `pdftoppm -gray -jpeg` with three components
    /// and were wrapped as `/DeviceGray`, so both engines read noise (99% CER): the wrapper now
    /// names the colour space the JPEG declares.
    #[test]
    fn a_three_component_jpeg_is_wrapped_as_rgb_not_gray() {
        // A frame header (SOF0) for 4 × 2 pixels with 3 components, then 1 component.
        let rgb = [0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0, 2, 0, 4, 3, 1, 0x11, 0];
        let gray = [0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 2, 0, 4, 1, 1, 0x11, 0];
        assert_eq!(jpeg_components(&rgb), Some(3));
        assert_eq!(jpeg_components(&gray), Some(1));
        assert_eq!(jpeg_components(b"not a jpeg at all"), None);
        let wrapped = pdf(&[PdfPage::Jpeg(&rgb, 4, 2)]);
        assert!(String::from_utf8_lossy(&wrapped).contains("/ColorSpace /DeviceRGB"));
        let wrapped = pdf(&[PdfPage::Jpeg(&gray, 4, 2)]);
        assert!(String::from_utf8_lossy(&wrapped).contains("/ColorSpace /DeviceGray"));
    }
}
