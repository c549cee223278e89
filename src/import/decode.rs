//! Turning a file's bytes into text: binary detection and character-set decoding.
//!
//! Sources arrive in whatever encoding their authors' tools used. We accept UTF-8 (with or
//! without a byte-order mark), UTF-16 with a byte-order mark, an encoding an HTML page
//! declares, and fall back to Windows-1252, the most common legacy encoding of Western text.
//! Anything that looks like binary data is refused with the kind of file it appears to be.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// Decoded text, the name of the encoding it was decoded from, and what the import report
/// should say about it (anything but plain UTF-8 gets a warning, because a wrong guess shows
/// as garbled text a person should be able to trace back to its file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub warning: Option<String>,
}

/// Names well-known binary formats by their magic numbers, so the error can say what the
/// file is rather than just "binary".
pub fn binary_format_name(bytes: &[u8]) -> Option<&'static str> {
    const MAGICS: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\x7fELF", "an executable program"),
        (b"MZ", "a Windows executable"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"\xd0\xcf\x11\xe0", "a legacy Office document"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xbc\xaf", "a 7-Zip archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xfd7zXZ", "an xz archive"),
        (b"ID3", "an MP3 audio file"),
        (b"OggS", "an Ogg media file"),
        (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
        (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
        (b"RIFF", "a RIFF media file (WAV/AVI/WebP)"),
    ];
    MAGICS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, name)| *name)
}

/// True when the bytes look like binary data rather than text in any encoding we decode:
/// NUL bytes (outside UTF-16) or many control characters near the start.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bom_encoding(bytes).is_some_and(|e| e == UTF_16LE || e == UTF_16BE) {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 20 > head.len().max(1)
}

fn bom_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_bom(bytes).map(|(enc, _)| enc)
}

/// Decodes text. `declared` is an encoding label the content itself declares (an HTML meta
/// charset or a MIME header), used only when the bytes are not valid UTF-8.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let warning = (encoding != UTF_8 || malformed).then(|| {
            let mut warning = format!(
                "not UTF-8; decoded as {} (from its byte-order mark)",
                encoding.name()
            );
            if malformed {
                warning.push_str("; some bytes were not valid and were replaced");
            }
            warning
        });
        return Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            warning,
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            warning: None,
        };
    }
    let label = declared.map(str::trim).filter(|l| !l.is_empty());
    let known = label.and_then(|label| Encoding::for_label(label.as_bytes()));
    let encoding = known.filter(|enc| *enc != UTF_8).unwrap_or(WINDOWS_1252);
    let (text, _, _) = encoding.decode(bytes);
    let warning = match (label, known) {
        (Some(label), None) => format!(
            "not UTF-8, and the charset it declares ('{label}') is unknown; decoded as {}",
            encoding.name()
        ),
        (Some(label), Some(enc)) if enc == UTF_8 => format!(
            "not UTF-8 although it declares '{label}'; decoded as {}",
            encoding.name()
        ),
        (Some(_), Some(_)) => format!("not UTF-8; decoded as {} (declared)", encoding.name()),
        (None, _) => format!("not UTF-8; decoded as {}", encoding.name()),
    };
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        warning: Some(warning),
    }
}

/// Whether bytes without a byte-order mark look like UTF-16 (every other byte NUL in the
/// first kilobytes, as ASCII text in UTF-16 is), so the refusal can say what the file is.
pub fn looks_like_bomless_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return false;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    even.max(odd) * 10 >= pairs * 8 && even.min(odd) * 10 <= pairs
}

/// Finds the charset an HTML page declares in its first few kilobytes
/// (`<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`).
pub fn html_declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &head[pos + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..end]).ok()?.trim().to_string();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_taken_as_is() {
        let d = decode("Zürich “quoted”".as_bytes(), None);
        assert_eq!(d.text, "Zürich “quoted”");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn windows_1252_is_the_fallback_for_invalid_utf8() {
        let d = decode(b"caf\xe9 \x93quoted\x94", None);
        assert_eq!(d.text, "café “quoted”");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn declared_charset_wins_over_the_fallback() {
        let d = decode(b"\xcf\xf0\xe8\xe2\xe5\xf2", Some("windows-1251"));
        assert_eq!(d.text, "Привет");
    }

    #[test]
    fn utf16_with_bom_is_decoded_and_not_binary() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Hello".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(!looks_binary(&bytes));
        let decoded = decode(&bytes, None);
        assert_eq!(decoded.text, "Hello");
        assert_eq!(
            decoded.warning.as_deref(),
            Some("not UTF-8; decoded as UTF-16LE (from its byte-order mark)")
        );
    }

    #[test]
    fn utf16_with_a_bom_and_unknown_charsets_are_decoded_with_a_warning() {
        let mut be = vec![0xfe, 0xff];
        for unit in "Grüße".encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        let decoded = decode(&be, None);
        assert_eq!(decoded.text, "Grüße");
        assert!(decoded.warning.unwrap().contains("UTF-16BE"));
        let unknown = decode(b"caf\xe9", Some("x-klingon-7"));
        assert_eq!(unknown.text, "café");
        assert_eq!(
            unknown.warning.as_deref(),
            Some("not UTF-8, and the charset it declares ('x-klingon-7') is unknown; decoded as windows-1252")
        );
        assert_eq!(
            decode("plain".as_bytes(), Some("x-klingon-7")).warning,
            None
        );
        assert_eq!(decode(b"\xef\xbb\xbfplain", None).warning, None);
        let mut le = Vec::new();
        for unit in "No byte-order mark here".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(looks_like_bomless_utf16(&le));
        assert!(!looks_like_bomless_utf16(b"plain ascii text here"));
    }

    #[test]
    fn binary_is_recognised() {
        assert!(looks_binary(b"abc\0def"));
        assert!(looks_binary(&[1, 2, 3, 4, 5, 6, 7, 8, 65, 66]));
        assert!(!looks_binary(b"plain text\nwith lines\n"));
        assert_eq!(binary_format_name(b"%PDF-1.7\n"), Some("a PDF document"));
    }

    #[test]
    fn html_charset_is_found() {
        let page = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head>"#;
        assert_eq!(html_declared_charset(page).as_deref(), Some("ISO-8859-1"));
        assert_eq!(
            html_declared_charset(b"<meta charset=utf-8>").as_deref(),
            Some("utf-8")
        );
        assert_eq!(html_declared_charset(b"<p>no charset</p>"), None);
    }
}
