//! Citation targets: what `[@q42]`, `[@d7]`, `[@d7:120-188]` and `[@e9]` point at.

use std::fmt;

/// One thing a note can cite. Spans are in Unicode characters of the document's stored text,
/// the same offsets quotes and events use, which never change once a document is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Quote(i64),
    Document(i64),
    Span { doc: i64, start: usize, end: usize },
    Event(i64),
}

impl Target {
    /// Parses one citation without its `@` (`q42`, `d7:120-188`), or says what is wrong.
    pub fn parse(written: &str) -> Result<Target, String> {
        let form = "use q42 (a quote), d7 (a document), d7:120-188 (a span of a document) \
                    or e9 (an event)";
        let mut chars = written.chars();
        let kind = chars
            .next()
            .ok_or_else(|| format!("empty citation; {form}"))?;
        let rest = chars.as_str();
        let number = |digits: &str| -> Result<i64, String> {
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("'{written}' is not a citation; {form}"));
            }
            digits
                .parse()
                .map_err(|_| format!("the number in '{written}' is too large"))
        };
        match kind {
            'q' => Ok(Target::Quote(number(rest)?)),
            'e' => Ok(Target::Event(number(rest)?)),
            'd' => match rest.split_once(':') {
                None => Ok(Target::Document(number(rest)?)),
                Some((doc, span)) => {
                    let (start, end) = span
                        .split_once('-')
                        .ok_or_else(|| format!("the span in '{written}' needs START-END"))?;
                    let (start, end) = (number(start)? as usize, number(end)? as usize);
                    if start >= end {
                        return Err(format!(
                            "the span in '{written}' ends before it starts or is empty"
                        ));
                    }
                    Ok(Target::Span {
                        doc: number(doc)?,
                        start,
                        end,
                    })
                }
            },
            _ => Err(format!("'{written}' is not a citation; {form}")),
        }
    }

    /// `quote`, `document`, `span` or `event`, as stored and as the UI receives it.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Target::Quote(_) => "quote",
            Target::Document(_) => "document",
            Target::Span { .. } => "span",
            Target::Event(_) => "event",
        }
    }

    /// The id of the quote, document or event; for a span, its document.
    pub fn id(&self) -> i64 {
        match *self {
            Target::Quote(id) | Target::Document(id) | Target::Event(id) => id,
            Target::Span { doc, .. } => doc,
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Quote(id) => write!(f, "q{id}"),
            Target::Document(id) => write!(f, "d{id}"),
            Target::Span { doc, start, end } => write!(f, "d{doc}:{start}-{end}"),
            Target::Event(id) => write!(f, "e{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Target;

    #[test]
    fn every_form_parses_and_prints_back() {
        for written in ["q42", "d7", "d7:120-188", "e9"] {
            assert_eq!(Target::parse(written).unwrap().to_string(), written);
        }
        assert_eq!(
            Target::parse("d7:120-188").unwrap(),
            Target::Span {
                doc: 7,
                start: 120,
                end: 188
            }
        );
    }

    #[test]
    fn malformed_citations_say_what_is_wrong() {
        assert!(Target::parse("x9").unwrap_err().contains("not a citation"));
        assert!(Target::parse("q").unwrap_err().contains("not a citation"));
        assert!(Target::parse("d7:188-120")
            .unwrap_err()
            .contains("ends before"));
        assert!(Target::parse("d7:12").unwrap_err().contains("START-END"));
        assert!(Target::parse("q99999999999999999999")
            .unwrap_err()
            .contains("too large"));
    }
}
