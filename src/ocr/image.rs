//! Scanned images (PNG, JPEG, TIFF with any number of pages) read from their headers only.
//!
//! A decompression bomb is a small file that declares an enormous picture (100,000 × 100,000
//! pixels is ten gigabytes decoded), so what a file declares is checked here, from the bytes of
//! its header, before any decoder sees it: each page's width and height against
//! [`MAX_PIXELS`]. The headers are read with bounds on every offset, a cap on TIFF pages and a
//! guard against directory loops, so a corrupt file is an error naming the page, never a panic
//! or a hang. The pixels themselves are decoded only by the OCR engine, in its own process.
//!
//! A page of a multi-page TIFF is handed to the engine as a TIFF of its own made without
//! decoding anything: the same bytes with the header pointing at that page's directory and the
//! directory's link to the next page cut, so every offset in the file stays valid.

use super::MAX_PIXELS;

/// The image formats scans arrive in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Tiff,
}

impl ImageFormat {
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Tiff => "TIFF",
        }
    }

    /// The file name extension the engine knows the format by.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Tiff => "tif",
        }
    }
}

/// What an image file's header declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageInfo {
    pub format: ImageFormat,
    /// Width and height of each page (one for PNG and JPEG).
    pub pages: Vec<(u32, u32)>,
    /// Where each TIFF page's directory starts (empty for other formats).
    ifds: Vec<usize>,
    little_endian: bool,
}

/// TIFF pages read at most; a scan longer than this is refused as a file, not read partly.
pub const MAX_TIFF_PAGES: usize = 5_000;

/// The format of an image file from its first bytes, if it is one the OCR reads.
pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Some(ImageFormat::Jpeg)
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some(ImageFormat::Tiff)
    } else {
        None
    }
}

/// Reads an image's header: its format and each page's declared size. The message of an
/// error is written for the person importing and names the page when it concerns one.
pub fn inspect(bytes: &[u8]) -> Result<ImageInfo, String> {
    let format = sniff(bytes).ok_or("not a PNG, JPEG or TIFF image")?;
    let mut info = match format {
        ImageFormat::Png => ImageInfo::single(format, png_size(bytes)?),
        ImageFormat::Jpeg => ImageInfo::single(format, jpeg_size(bytes)?),
        ImageFormat::Tiff => tiff_pages(bytes)?,
    };
    if info.pages.is_empty() {
        return Err("the image has no pages".into());
    }
    for (i, &(w, h)) in info.pages.iter().enumerate() {
        let page = if info.pages.len() > 1 {
            format!("page {} ", i + 1)
        } else {
            String::new()
        };
        if w == 0 || h == 0 {
            return Err(format!(
                "{page}declares an empty picture ({w} × {h} pixels)"
            ));
        }
        let pixels = u64::from(w) * u64::from(h);
        if pixels > MAX_PIXELS {
            return Err(format!(
                "{page}declares {w} × {h} pixels ({:.1} megapixels), more than the {} \
                 megapixels a page may have (a 600 dpi A4 page has 35); it was not decoded",
                pixels as f64 / 1e6,
                MAX_PIXELS / 1_000_000
            ));
        }
    }
    info.pages.shrink_to_fit();
    Ok(info)
}

impl ImageInfo {
    fn single(format: ImageFormat, size: (u32, u32)) -> ImageInfo {
        ImageInfo {
            format,
            pages: vec![size],
            ifds: Vec::new(),
            little_endian: true,
        }
    }

    /// The bytes of page `index` (from 0) as a file the engine reads as that page alone.
    pub fn page_file(&self, bytes: &[u8], index: usize) -> Vec<u8> {
        if self.format != ImageFormat::Tiff || self.ifds.len() <= 1 {
            return bytes.to_vec();
        }
        let mut out = bytes.to_vec();
        let ifd = self.ifds[index];
        let put = |out: &mut Vec<u8>, at: usize, v: u32| {
            let b = if self.little_endian {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            };
            out[at..at + 4].copy_from_slice(&b);
        };
        put(&mut out, 4, ifd as u32);
        let count = read_u16(bytes, ifd, self.little_endian).unwrap_or(0) as usize;
        put(&mut out, ifd + 2 + count * 12, 0);
        out
    }
}

fn png_size(b: &[u8]) -> Result<(u32, u32), String> {
    // The signature, then the IHDR chunk: length, type, width, height.
    if b.len() < 24 || &b[12..16] != b"IHDR" {
        return Err("the PNG is damaged: its header chunk is missing".into());
    }
    Ok((be32(&b[16..20]), be32(&b[20..24])))
}

fn jpeg_size(b: &[u8]) -> Result<(u32, u32), String> {
    // Markers after the start of image, each with a big-endian length, until a start of frame.
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return Err(format!("the JPEG is damaged at byte {i}"));
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        if marker == 0xD8 || (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            if i + 9 > b.len() {
                break;
            }
            let h = u16::from_be_bytes([b[i + 5], b[i + 6]]);
            let w = u16::from_be_bytes([b[i + 7], b[i + 8]]);
            return Ok((u32::from(w), u32::from(h)));
        }
        if marker == 0xD9 || marker == 0xDA || len < 2 {
            break;
        }
        i += 2 + len;
    }
    Err("the JPEG is damaged: it ends before its frame header".into())
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

fn read_u16(b: &[u8], at: usize, le: bool) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(if le {
        u16::from_le_bytes([s[0], s[1]])
    } else {
        u16::from_be_bytes([s[0], s[1]])
    })
}

fn read_u32(b: &[u8], at: usize, le: bool) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    let a = [s[0], s[1], s[2], s[3]];
    Some(if le {
        u32::from_le_bytes(a)
    } else {
        u32::from_be_bytes(a)
    })
}

fn tiff_pages(b: &[u8]) -> Result<ImageInfo, String> {
    let le = b.starts_with(b"II");
    let mut next =
        read_u32(b, 4, le).ok_or("the TIFF is damaged: its header is cut short")? as usize;
    let mut info = ImageInfo {
        format: ImageFormat::Tiff,
        pages: Vec::new(),
        ifds: Vec::new(),
        little_endian: le,
    };
    while next != 0 {
        let page = info.pages.len() + 1;
        if info.pages.len() >= MAX_TIFF_PAGES {
            return Err(format!(
                "the TIFF has more than {MAX_TIFF_PAGES} pages; split it and import the parts"
            ));
        }
        // Directories must move forward through the file: one pointing back is a loop.
        if info.ifds.last().is_some_and(|&last| next <= last) || next < 8 {
            return Err(format!(
                "the TIFF is damaged: page {page}'s directory points back into the file (a loop)"
            ));
        }
        let count = read_u16(b, next, le).ok_or_else(|| {
            format!("the TIFF is damaged: page {page}'s directory lies past its end")
        })? as usize;
        let end = next + 2 + count * 12;
        if end + 4 > b.len() {
            return Err(format!(
                "the TIFF is damaged: page {page}'s directory runs past the end of the file"
            ));
        }
        let (mut w, mut h) = (None, None);
        for e in 0..count {
            let at = next + 2 + e * 12;
            let tag = read_u16(b, at, le).unwrap_or(0);
            let kind = read_u16(b, at + 2, le).unwrap_or(0);
            // SHORT values sit in the first two bytes of the value field, LONG in all four.
            let value = match kind {
                3 => read_u16(b, at + 8, le).map(u32::from),
                4 => read_u32(b, at + 8, le),
                _ => None,
            };
            match tag {
                256 => w = value,
                257 => h = value,
                _ => {}
            }
        }
        let (Some(w), Some(h)) = (w, h) else {
            return Err(format!(
                "the TIFF is damaged: page {page} does not say its width and height"
            ));
        };
        info.pages.push((w, h));
        info.ifds.push(next);
        next = read_u32(b, end, le).unwrap_or(0) as usize;
    }
    Ok(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bomb_is_refused_from_its_header() {
        let err = inspect(&crate::ocr::fixtures::png_header(100_000, 100_000)).unwrap_err();
        assert!(err.contains("100000 × 100000"), "{err}");
        assert!(err.contains("10000.0 megapixels"), "{err}");
        let ok = inspect(&crate::ocr::fixtures::png_header(2550, 3300)).unwrap();
        assert_eq!(ok.pages, vec![(2550, 3300)]);
    }

    #[test]
    fn a_multi_page_tiff_lists_its_pages_and_splits_without_decoding() {
        let a = vec![255u8; 6];
        let b = vec![0u8; 12];
        let tiff = crate::ocr::fixtures::tiff(&[(3, 2, &a), (4, 3, &b)]);
        let info = inspect(&tiff).unwrap();
        assert_eq!(info.format, ImageFormat::Tiff);
        assert_eq!(info.pages, vec![(3, 2), (4, 3)]);
        let second = inspect(&info.page_file(&tiff, 1)).unwrap();
        assert_eq!(second.pages, vec![(4, 3)]);
        let first = inspect(&info.page_file(&tiff, 0)).unwrap();
        assert_eq!(first.pages, vec![(3, 2)]);
    }

    #[test]
    fn a_corrupt_tiff_names_the_page_and_never_loops() {
        let a = vec![255u8; 6];
        let tiff = crate::ocr::fixtures::tiff(&[(3, 2, &a), (3, 2, &a)]);
        // Cut in the second page's directory.
        let info = inspect(&tiff).unwrap();
        let cut = &tiff[..info.ifds[1] + 5];
        let err = inspect(cut).unwrap_err();
        assert!(err.contains("page 2"), "{err}");
        // The second page's link pointing back at the first page: a loop.
        let mut looped = tiff.clone();
        let end = info.ifds[1] + 2 + 8 * 12;
        looped[end..end + 4].copy_from_slice(&(info.ifds[0] as u32).to_le_bytes());
        let err = inspect(&looped).unwrap_err();
        assert!(err.contains("loop"), "{err}");
        assert!(inspect(b"II*\0").unwrap_err().contains("cut short"));
        assert!(inspect(b"\xff\xd8\xff\xe0\0\x10JFIF")
            .unwrap_err()
            .contains("JPEG"));
        assert!(inspect(b"\x89PNG\r\n\x1a\n").unwrap_err().contains("PNG"));
    }

    #[test]
    fn a_jpeg_declares_its_size_in_the_frame_header() {
        let mut jpeg = b"\xff\xd8\xff\xe0\x00\x04ab".to_vec();
        jpeg.extend_from_slice(b"\xff\xc0\x00\x11\x08\x0c\xe4\x09\xf6\x01");
        let info = inspect(&jpeg).unwrap();
        assert_eq!(info.pages, vec![(0x09f6, 0x0ce4)]);
    }
}
