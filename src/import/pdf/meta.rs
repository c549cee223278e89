//! The document information dictionary: title, author and creation date.

use lopdf::{Document, Object};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Meta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub created: Option<String>,
}

pub(super) fn read(doc: &Document) -> Meta {
    let Some(info) = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return Meta::default();
    };
    let text = |key: &[u8]| {
        let obj = info
            .get(key)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .map(|(_, o)| o)?;
        let Object::String(bytes, _) = obj else {
            return None;
        };
        let s = decode_text_string(bytes);
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    Meta {
        title: text(b"Title"),
        author: text(b"Author"),
        created: text(b"CreationDate").and_then(|d| pdf_date_to_iso(&d)),
    }
}

/// Decodes a PDF text string: UTF-16BE with a byte-order mark, UTF-8 with one (PDF 2.0), or
/// PDFDocEncoding, which matches Latin-1 for every character that metadata uses in practice.
pub(super) fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Converts `D:YYYYMMDDHHmmSSOHH'mm'` (every part after the year optional) to ISO 8601,
/// keeping only the precision the PDF gives.
pub(super) fn pdf_date_to_iso(raw: &str) -> Option<String> {
    let s = raw.trim().strip_prefix("D:").unwrap_or(raw.trim());
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return None;
    }
    let part = |from: usize, len: usize, default: u32| -> Option<u32> {
        match digits.get(from..from + len) {
            Some(p) => p.parse().ok(),
            None => Some(default),
        }
    };
    let year = part(0, 4, 0)?;
    let month = part(4, 2, 1)?;
    let day = part(6, 2, 1)?;
    chrono::NaiveDate::from_ymd_opt(year as i32, month, day)?;
    if digits.len() < 8 {
        return Some(if digits.len() >= 6 {
            format!("{year:04}-{month:02}")
        } else {
            format!("{year:04}")
        });
    }
    let date = format!("{year:04}-{month:02}-{day:02}");
    if digits.len() < 12 {
        return Some(date);
    }
    let (hour, minute, second) = (part(8, 2, 0)?, part(10, 2, 0)?, part(12, 2, 0)?);
    if hour > 23 || minute > 59 || second > 60 {
        return Some(date);
    }
    let rest = &s[digits.len()..];
    let zone = match rest.chars().next() {
        Some('Z') => "Z".to_string(),
        Some(sign @ ('+' | '-')) => {
            let nums: Vec<u32> = rest[1..]
                .split(|c: char| !c.is_ascii_digit())
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.parse().ok())
                .collect();
            let (h, m) = (
                nums.first().copied().unwrap_or(0),
                nums.get(1).copied().unwrap_or(0),
            );
            if h > 14 || m > 59 {
                String::new()
            } else {
                format!("{sign}{h:02}:{m:02}")
            }
        }
        _ => String::new(),
    };
    Some(format!("{date}T{hour:02}:{minute:02}:{second:02}{zone}"))
}
