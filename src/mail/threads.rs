//! Email threads, reconstructed the way Jamie Zawinski's threading algorithm does it (JWZ).
//!
//! A conversation leaked as an mbox is read as threads, not as a heap of messages, so each
//! email gets the thread it belongs to and the message it answers. The headers decide:
//! `References` (the ancestors, oldest first) and `In-Reply-To` link each message under its
//! parent, even when the parent itself is not in the case. Only a message that names no
//! ancestor at all and whose subject says it is a reply ("Re: …") is grouped by subject, under
//! the thread whose root has that subject: JWZ's fallback for mail clients that drop the
//! headers. A thread's id is its root message's Message-ID; when the root is not in the case
//! (a reply to a message nobody has), it is the Message-ID of the thread's earliest message
//! present (by date, then import order), and `document:N` for a message without a Message-ID.
//!
//! Pure: computed when asked over every email's headers (`Case::mail_links`), never stored,
//! so a message imported later joins its thread without anything being rewritten.

use std::collections::HashMap;

/// How the emails of a case hang together: each email's place in its thread, and each
/// attachment's message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MailLinks {
    /// By an email document's id.
    pub threads: HashMap<i64, ThreadPlace>,
    /// The id of the message an attachment came with, by the attachment document's id.
    pub parents: HashMap<i64, i64>,
}

/// How many of a message's references are followed, nearest first: each link walks up the
/// thread to refuse a loop, so an absurd References header (a message can hold millions of
/// ids) would otherwise cost its length squared. Real threads are far shallower.
const MAX_REFERENCES: usize = 256;

/// The threading headers of one email in the case.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageHeaders {
    /// The document's id.
    pub id: i64,
    pub message_id: Option<String>,
    pub in_reply_to: Option<String>,
    /// The References header's ids, oldest first.
    pub references: Vec<String>,
    pub subject: String,
    /// When it was sent, in Unix seconds (the document's earliest publication time).
    pub date: Option<i64>,
}

/// Where one email sits in its thread.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ThreadPlace {
    /// The thread's id: its root's Message-ID (see the module's note).
    pub id: String,
    /// The Message-ID of the message this one answers, when its headers name one.
    pub parent: Option<String>,
}

struct Container {
    /// The Message-ID, or a key no header can name for a message without one.
    key: String,
    /// The message's index in the input, when the message is in the case.
    message: Option<usize>,
    parent: Option<usize>,
    /// Whether the parent was found by subject, which tells the thread but not which
    /// message was answered.
    by_subject: bool,
}

/// The thread of every message, by document id.
pub fn threads(messages: &[MessageHeaders]) -> HashMap<i64, ThreadPlace> {
    let mut containers: Vec<Container> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut of_message: Vec<usize> = Vec::with_capacity(messages.len());
    let mut container_for = |key: &str, containers: &mut Vec<Container>| -> usize {
        *by_key.entry(key.to_string()).or_insert_with(|| {
            containers.push(Container {
                key: key.to_string(),
                message: None,
                parent: None,
                by_subject: false,
            });
            containers.len() - 1
        })
    };
    // Every message gets its container first, so that links may point forward in the input.
    for (i, m) in messages.iter().enumerate() {
        let key = m
            .message_id
            .as_deref()
            .map(clean_id)
            .filter(|k| !k.is_empty());
        let c = match key {
            Some(key) => {
                let c = container_for(&key, &mut containers);
                if containers[c].message.is_none() {
                    containers[c].message = Some(i);
                    c
                } else {
                    // The same Message-ID twice (one message saved in two archives): the copy
                    // goes under the first, in the same thread.
                    containers.push(Container {
                        key: format!("\0copy {}", m.id),
                        message: Some(i),
                        parent: Some(c),
                        by_subject: false,
                    });
                    containers.len() - 1
                }
            }
            None => {
                containers.push(Container {
                    key: format!("\0document {}", m.id),
                    message: Some(i),
                    parent: None,
                    by_subject: false,
                });
                containers.len() - 1
            }
        };
        of_message.push(c);
    }
    for (i, m) in messages.iter().enumerate() {
        let mut chain: Vec<String> = m
            .references
            .iter()
            .map(|r| clean_id(r))
            .filter(|r| !r.is_empty())
            .collect();
        if let Some(reply) = m.in_reply_to.as_deref().map(clean_id) {
            if !reply.is_empty() && chain.last() != Some(&reply) {
                chain.push(reply);
            }
        }
        let nearest = &chain[chain.len().saturating_sub(MAX_REFERENCES)..];
        let ids: Vec<usize> = nearest
            .iter()
            .map(|r| container_for(r, &mut containers))
            .collect();
        // Each reference is the parent of the next, unless one already has a parent (the
        // first message to tell wins) or the link would close a loop.
        for pair in ids.windows(2) {
            let (parent, child) = (pair[0], pair[1]);
            if containers[child].parent.is_none() && !is_ancestor(&containers, child, parent) {
                containers[child].parent = Some(parent);
            }
        }
        let own = of_message[i];
        if let Some(&last) = ids.last() {
            // The message's own headers name its parent, which outranks what others implied.
            if last != own && !is_ancestor(&containers, own, last) {
                containers[own].parent = Some(last);
            }
        }
    }
    group_replies_by_subject(messages, &mut containers, &of_message);
    // The root of every container, and the earliest message present under each root.
    let roots: Vec<usize> = (0..containers.len())
        .map(|c| root_of(&containers, c))
        .collect();
    let mut earliest: HashMap<usize, usize> = HashMap::new();
    for (i, &c) in of_message.iter().enumerate() {
        let slot = earliest.entry(roots[c]).or_insert(i);
        let key = |j: usize| (messages[j].date.is_none(), messages[j].date, j);
        if key(i) < key(*slot) {
            *slot = i;
        }
    }
    let name = |i: usize| -> String {
        messages[i]
            .message_id
            .as_deref()
            .map(clean_id)
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| format!("document:{}", messages[i].id))
    };
    messages
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let c = of_message[i];
            let root = roots[c];
            let id = match containers[root].message {
                Some(r) => name(r),
                None => name(earliest[&root]),
            };
            // A copy hangs under the first of its Message-ID only to share its thread; its
            // parent is the first's.
            let above = match containers[c].parent {
                Some(p)
                    if containers[c].key.starts_with("\0copy")
                        && containers[p].message.map(|j| &messages[j].message_id)
                            == Some(&m.message_id) =>
                {
                    containers[p].parent
                }
                other => other,
            };
            let parent = above
                .filter(|_| !containers[c].by_subject)
                .map(|p| &containers[p])
                .filter(|p| !p.key.starts_with('\0'))
                .map(|p| p.key.clone());
            (m.id, ThreadPlace { id, parent })
        })
        .collect()
}

/// JWZ's subject fallback: a root message that names no ancestor and whose subject is a
/// reply's joins the thread whose root message has the same subject without the prefix (or,
/// failing that, the earliest root with that subject).
fn group_replies_by_subject(
    messages: &[MessageHeaders],
    containers: &mut [Container],
    of_message: &[usize],
) {
    let mut heads: HashMap<String, usize> = HashMap::new();
    for (i, m) in messages.iter().enumerate() {
        let c = of_message[i];
        if containers[c].parent.is_some() {
            continue;
        }
        let (subject, reply) = base_subject(&m.subject);
        if subject.is_empty() {
            continue;
        }
        match heads.get(&subject) {
            // An original outranks a reply as the head of its subject.
            Some(&h) if reply || !base_subject(&messages[h].subject).1 => {}
            _ => {
                heads.insert(subject, i);
            }
        }
    }
    for (i, m) in messages.iter().enumerate() {
        let c = of_message[i];
        let names_no_ancestor = m.references.is_empty() && m.in_reply_to.is_none();
        let (subject, reply) = base_subject(&m.subject);
        if containers[c].parent.is_some() || !names_no_ancestor || !reply {
            continue;
        }
        if let Some(&h) = heads.get(&subject) {
            let head = of_message[h];
            if head != c && !is_ancestor(containers, c, head) {
                containers[c].parent = Some(head);
                containers[c].by_subject = true;
            }
        }
    }
}

/// Whether `ancestor` is `node` or above it.
fn is_ancestor(containers: &[Container], ancestor: usize, node: usize) -> bool {
    let mut at = Some(node);
    // Links never close a loop, so the walk ends; the bound is a guard all the same.
    for _ in 0..=containers.len() {
        match at {
            Some(c) if c == ancestor => return true,
            Some(c) => at = containers[c].parent,
            None => return false,
        }
    }
    true
}

fn root_of(containers: &[Container], mut c: usize) -> usize {
    for _ in 0..containers.len() {
        match containers[c].parent {
            Some(p) => c = p,
            None => break,
        }
    }
    c
}

/// A Message-ID without angle brackets or spaces around it.
fn clean_id(raw: &str) -> String {
    raw.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_string()
}

/// The subject without its reply and forward prefixes (`Re:`, `Fwd:`, `AW:`, `[list]`),
/// folded, and whether it had a reply prefix.
fn base_subject(subject: &str) -> (String, bool) {
    // Prefixes are compared without case on the text itself (ASCII only), so no index
    // computed on a lowercased copy, whose length may differ, ever cuts the text.
    let strip = |rest: &str, prefixes: &[&str]| -> Option<usize> {
        prefixes.iter().find_map(|p| {
            rest.get(..p.len())
                .filter(|head| head.eq_ignore_ascii_case(p))
                .map(|_| p.len())
        })
    };
    let mut rest = subject.trim();
    let mut reply = false;
    loop {
        if let Some(n) = strip(rest, &["re:", "aw:", "sv:"]) {
            reply = true;
            rest = rest[n..].trim_start();
        } else if let Some(n) = strip(rest, &["fwd:", "fw:"]) {
            rest = rest[n..].trim_start();
        } else if let Some(close) = rest.strip_prefix('[').and_then(|r| r.find(']')) {
            rest = rest[close + 2..].trim_start();
        } else {
            break;
        }
    }
    (rest.to_lowercase(), reply)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message written as `(id, message-id, in-reply-to, "ref ref", subject, date)`.
    type Row<'a> = (i64, &'a str, &'a str, &'a str, &'a str, &'a str);

    fn headers(rows: &[Row<'_>]) -> Vec<MessageHeaders> {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        rows.iter()
            .map(|&(id, mid, irt, refs, subject, date)| MessageHeaders {
                id,
                message_id: some(mid),
                in_reply_to: some(irt),
                references: refs.split_whitespace().map(String::from).collect(),
                subject: subject.to_string(),
                date: some(date).map(|d| d.replace('-', "").parse().unwrap()),
            })
            .collect()
    }

    /// Each message's thread id and parent, in input order.
    fn placed(rows: &[Row<'_>]) -> Vec<(String, Option<String>)> {
        let messages = headers(rows);
        let found = threads(&messages);
        messages
            .iter()
            .map(|m| {
                let p = &found[&m.id];
                (p.id.clone(), p.parent.clone())
            })
            .collect()
    }

    fn place(id: &str, parent: Option<&str>) -> (String, Option<String>) {
        (id.to_string(), parent.map(String::from))
    }

    #[test]
    fn threads_follow_the_headers() {
        type Case<'a> = (&'a str, Vec<Row<'a>>, Vec<(String, Option<String>)>);
        let cases: Vec<Case<'_>> = vec![
            (
                "a root and two replies, one by References only",
                vec![
                    (1, "<a@x>", "", "", "Plan", "2024-01-01"),
                    (2, "<b@x>", "<a@x>", "<a@x>", "Re: Plan", "2024-01-02"),
                    (3, "<c@x>", "", "<a@x> <b@x>", "Re: Plan", "2024-01-03"),
                ],
                vec![
                    place("a@x", None),
                    place("a@x", Some("a@x")),
                    place("a@x", Some("b@x")),
                ],
            ),
            (
                "replies arriving before their root",
                vec![
                    (1, "<c@x>", "<b@x>", "<a@x> <b@x>", "Re: Plan", "2024-01-03"),
                    (2, "<a@x>", "", "", "Plan", "2024-01-01"),
                ],
                vec![place("a@x", Some("b@x")), place("a@x", None)],
            ),
            (
                "the root missing: the earliest message present names the thread",
                vec![
                    (1, "<c@x>", "<b@x>", "<a@x> <b@x>", "Re: Plan", "2024-01-03"),
                    (2, "<b@x>", "<a@x>", "<a@x>", "Re: Plan", "2024-01-02"),
                ],
                vec![place("b@x", Some("b@x")), place("b@x", Some("a@x"))],
            ),
            (
                "an unrelated message is a thread of its own",
                vec![
                    (1, "<a@x>", "", "", "Plan", "2024-01-01"),
                    (2, "<z@y>", "", "", "Lunch", "2024-01-01"),
                ],
                vec![place("a@x", None), place("z@y", None)],
            ),
            (
                "a reply without headers is grouped by subject",
                vec![
                    (1, "<a@x>", "", "", "Plan", "2024-01-01"),
                    (2, "<b@x>", "", "", "RE: [team] Plan", "2024-01-02"),
                ],
                vec![place("a@x", None), place("a@x", None)],
            ),
            (
                "a same subject without a reply prefix is not grouped",
                vec![
                    (1, "<a@x>", "", "", "Plan", "2024-01-01"),
                    (2, "<b@x>", "", "", "Plan", "2024-01-02"),
                ],
                vec![place("a@x", None), place("b@x", None)],
            ),
            (
                "a message with headers is never moved by subject",
                vec![
                    (1, "<a@x>", "", "", "Plan", "2024-01-01"),
                    (2, "<b@x>", "<q@x>", "", "Re: Plan", "2024-01-02"),
                ],
                vec![place("a@x", None), place("b@x", Some("q@x"))],
            ),
            (
                "references that loop do not hang or lose a message",
                vec![
                    (1, "<a@x>", "<b@x>", "<b@x>", "Re: x", "2024-01-01"),
                    (2, "<b@x>", "<a@x>", "<a@x>", "Re: x", "2024-01-02"),
                ],
                vec![place("b@x", Some("b@x")), place("b@x", None)],
            ),
            (
                "no Message-ID: the document names its thread",
                vec![(7, "", "", "", "Note", "")],
                vec![place("document:7", None)],
            ),
            (
                "the same message twice stays in one thread",
                vec![
                    (1, "<a@x>", "", "", "Plan", "2024-01-01"),
                    (2, "<a@x>", "", "", "Plan", "2024-01-01"),
                ],
                vec![place("a@x", None), place("a@x", None)],
            ),
        ];
        for (what, rows, want) in cases {
            assert_eq!(placed(&rows), want, "{what}");
        }
    }

    #[test]
    fn a_huge_references_header_keeps_its_nearest_parent_in_linear_time() {
        let references: Vec<String> = (0..200_000).map(|i| format!("r{i}@x")).collect();
        let messages = vec![MessageHeaders {
            id: 1,
            message_id: Some("me@x".into()),
            references: references.clone(),
            subject: "Re: long".into(),
            ..MessageHeaders::default()
        }];
        let placed = threads(&messages);
        assert_eq!(placed[&1].parent.as_deref(), Some("r199999@x"));
        assert_eq!(
            placed[&1].id, "me@x",
            "the root is missing: the message names its thread"
        );
    }

    #[test]
    fn subjects_lose_reply_and_forward_prefixes() {
        assert_eq!(base_subject("Re: Fwd: RE: Plan"), ("plan".into(), true));
        assert_eq!(base_subject("[list] Fw: Plan"), ("plan".into(), false));
        assert_eq!(base_subject("Plan"), ("plan".into(), false));
        assert_eq!(base_subject("RE: İstanbul"), ("i̇stanbul".into(), true));
        assert_eq!(base_subject("[x"), ("[x".into(), false));
    }
}
