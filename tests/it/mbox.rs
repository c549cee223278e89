//! Mail archives (issue 21): an mbox becomes one email document per message, in threads,
//! with its attachments as child documents; a damaged message is reported by number and
//! byte offset and the rest of the archive is imported. Fixtures are written here.

use serde_json::Value;

use crate::support::{failures, Sandbox};

/// One message of an mbox: its separator line and the message as written.
fn entry(message: &str) -> String {
    format!("From sender@example.com Mon Jan  1 00:00:00 2024\n{message}\n")
}

/// A plain message with the threading headers given (empty for none).
fn message(id: &str, in_reply_to: &str, references: &str, subject: &str, day: u32) -> String {
    let mut m = format!(
        "From: Ann Smith <ann@example.com>\nTo: desk@example.com\nSubject: {subject}\n\
         Date: Mon, {day:02} Jan 2024 10:00:00 +0000\nMessage-ID: {id}\n"
    );
    if !in_reply_to.is_empty() {
        m.push_str(&format!("In-Reply-To: {in_reply_to}\n"));
    }
    if !references.is_empty() {
        m.push_str(&format!("References: {references}\n"));
    }
    m.push_str(&format!("\nThis is the body of {subject} on day {day}.\n"));
    m
}

fn by_title<'a>(docs: &'a [Value], title: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["title"] == title)
        .unwrap_or_else(|| panic!("no document titled {title}: {docs:?}"))
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
        if out.len() % 77 == 76 {
            out.push('\n');
        }
    }
    out
}

/// The archive the threading tests share: "Budget" and two replies, the second naming its
/// ancestors by References only and stored before the first, and "Lunch" on its own.
fn budget_thread_and_a_stranger(s: &Sandbox) -> std::path::PathBuf {
    let mbox = [
        entry(&message("<root@x>", "", "", "Budget", 1)),
        entry(&message("<lunch@y>", "", "", "Lunch", 2)),
        entry(&message("<r2@x>", "", "<root@x> <r1@x>", "Re: Budget", 4)),
        entry(&message("<r1@x>", "<root@x>", "<root@x>", "Re: Budget", 3)),
    ]
    .concat();
    s.write("archive.mbox", mbox)
}

#[test]
fn an_mbox_of_a_thread_and_a_stranger_becomes_four_emails_in_two_threads() {
    let s = Sandbox::new();
    let path = budget_thread_and_a_stranger(&s);
    let (code, report) = s.import(&[&path]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 4, "{report}");
    let docs = s.docs();
    assert_eq!(docs.len(), 4);
    assert!(docs.iter().all(|d| d["kind"] == "email"), "{docs:?}");
    let place = |title: &str, day: u32| {
        let doc = docs
            .iter()
            .find(|d| {
                d["title"] == title
                    && d["published"]
                        .as_str()
                        .unwrap()
                        .contains(&format!("-{day:02}T"))
            })
            .unwrap();
        (doc["thread"]["id"].clone(), doc["thread"]["parent"].clone())
    };
    assert_eq!(place("Budget", 1), ("root@x".into(), Value::Null));
    assert_eq!(place("Re: Budget", 3), ("root@x".into(), "root@x".into()));
    assert_eq!(place("Re: Budget", 4), ("root@x".into(), "r1@x".into()));
    assert_eq!(place("Lunch", 2), ("lunch@y".into(), Value::Null));
    // `show --json` says the same, and each message's identity is its own bytes' SHA-256.
    let lunch = by_title(&docs, "Lunch");
    let shown = s.show(lunch["id"].as_i64().unwrap());
    assert_eq!(shown["thread"]["id"], "lunch@y");
    let own = message("<lunch@y>", "", "", "Lunch", 2);
    assert_eq!(shown["sha256"], dossier::import::sha256_hex(own.as_bytes()));
}

#[test]
fn quoted_from_lines_in_an_mbox_are_unquoted() {
    let s = Sandbox::new();
    let body = "Subject: Quoting\nMessage-ID: <q@x>\nFrom: ann@example.com\n\n\
                Dear desk,\n\n>From the archive, as promised.\n>>From a quote of a quote.\n";
    let path = s.write("quoted.mbox", entry(body));
    let (_, report) = s.import(&[&path]);
    assert_eq!(report["imported"], 1, "{report}");
    let doc = s.show(report["documents"][0].as_i64().unwrap());
    let text = doc["text"].as_str().unwrap();
    assert!(text.contains("\nFrom the archive, as promised."), "{text}");
    assert!(text.contains("\n>From a quote of a quote."), "{text}");
    let unquoted = body
        .replace(">From the", "From the")
        .replace(">>From a", ">From a");
    assert_eq!(
        doc["sha256"],
        dossier::import::sha256_hex(unquoted.as_bytes())
    );
}

#[test]
fn a_truncated_mbox_imports_the_messages_before_the_cut_and_reports_the_cut_one() {
    let s = Sandbox::new();
    let whole = [
        entry(&message("<a@x>", "", "", "First", 1)),
        entry(&message("<b@x>", "", "", "Second", 2)),
        entry(&message("<c@x>", "", "", "Third", 3)),
    ]
    .concat();
    let third_at = whole.rfind("From sender").unwrap();
    let cut = &whole[..whole.len() - 12];
    let path = s.write("cut.mbox", cut);
    let (_, report) = s.import(&[&path]);
    assert_eq!(report["imported"], 2, "{report}");
    let failed = failures(&report);
    assert_eq!(failed.len(), 1, "{report}");
    assert_eq!(failed[0].0, "cut.mbox");
    assert!(
        failed[0]
            .1
            .contains(&format!("message 3 (byte {third_at})")),
        "{failed:?}"
    );
    assert!(failed[0].1.contains("truncated"), "{failed:?}");
    let titles: Vec<Value> = s.docs().iter().map(|d| d["title"].clone()).collect();
    assert_eq!(titles, ["First", "Second"]);
}

#[test]
fn a_message_with_a_broken_mime_tree_is_reported_and_the_others_imported() {
    let s = Sandbox::new();
    let broken = "From: ann@example.com\nSubject: Broken\nMessage-ID: <broken@x>\n\
                  MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"cut-here\"\n\n\
                  --cut-here\nContent-Type: text/plain\n\nThe first part and then nothing.\n";
    let mbox = [
        entry(&message("<a@x>", "", "", "Before", 1)),
        entry(broken),
        entry(&message("<c@x>", "", "", "After", 3)),
    ]
    .concat();
    let path = s.write("mixed.mbox", mbox);
    let (_, report) = s.import(&[&path]);
    assert_eq!(report["imported"], 2, "{report}");
    let failed = failures(&report);
    assert_eq!(failed.len(), 1, "{report}");
    assert!(failed[0].1.contains("message 2 (byte "), "{failed:?}");
    assert!(
        failed[0].1.contains("'cut-here' never closes"),
        "{failed:?}"
    );
}

#[test]
fn attachments_become_child_documents_with_their_message_as_parent() {
    let s = Sandbox::new();
    let pdf = crate::pdf::text_pdf(&["The ledger lists payments to Keldara Holdings."]);
    let zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00binary junk".to_vec();
    let mail = format!(
        "From: ann@example.com\nSubject: The ledger\nMessage-ID: <ledger@x>\n\
         MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n\
         --b1\nContent-Type: text/plain\n\nSee the attached files.\n\
         --b1\nContent-Type: text/plain; name=\"notes.txt\"\n\
         Content-Disposition: attachment; filename=\"notes.txt\"\n\n\
         Notes from the meeting with the treasurer.\n\
         --b1\nContent-Type: application/pdf; name=\"ledger.pdf\"\n\
         Content-Disposition: attachment; filename=\"ledger.pdf\"\n\
         Content-Transfer-Encoding: base64\n\n{}\n\
         --b1\nContent-Type: application/zip; name=\"archive.zip\"\n\
         Content-Disposition: attachment; filename=\"archive.zip\"\n\
         Content-Transfer-Encoding: base64\n\n{}\n\
         --b1--\n",
        base64(&pdf),
        base64(&zip)
    );
    let path = s.write("ledger.mbox", entry(&mail));
    let (_, report) = s.import(&[&path]);
    assert_eq!(report["imported"], 3, "{report}");
    let warnings = report["warnings"].to_string();
    assert!(
        warnings.contains("attachment 'archive.zip' (21 bytes) not imported"),
        "{warnings}"
    );
    let docs = s.docs();
    let message = by_title(&docs, "The ledger");
    let message_id = message["id"].as_i64().unwrap();
    assert!(message.get("parent").is_none(), "{message}");
    let notes = docs.iter().find(|d| d["format"] == "text").unwrap();
    assert_eq!(notes["parent"], message_id, "{notes}");
    let ledger = docs.iter().find(|d| d["format"] == "pdf").unwrap();
    assert_eq!(ledger["parent"], message_id, "{ledger}");
    let shown = s.show(ledger["id"].as_i64().unwrap());
    assert_eq!(shown["parent"], message_id);
    assert!(shown["text"]
        .as_str()
        .unwrap()
        .contains("payments to Keldara Holdings"));
    assert_eq!(shown["sha256"], dossier::import::sha256_hex(&pdf));
    let shown = s.show(notes["id"].as_i64().unwrap());
    assert!(shown["text"].as_str().unwrap().contains("treasurer"));
    assert!(
        shown["original_path"]
            .as_str()
            .unwrap()
            .ends_with("ledger.mbox#notes.txt"),
        "{shown}"
    );
}

/// A message attaching `inner` as a forwarded .eml.
fn forwarding(level: usize, inner: &str) -> String {
    format!(
        "From: ann@example.com\nSubject: Level {level}\nMessage-ID: <level{level}@x>\n\
         MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b{level}\"\n\n\
         --b{level}\nContent-Type: text/plain\n\nForwarded at level {level}.\n\
         --b{level}\nContent-Type: message/rfc822\n\
         Content-Disposition: attachment; filename=\"level{}.eml\"\n\n{inner}\n\
         --b{level}--\n",
        level + 1
    )
}

#[test]
fn attachments_nested_deeper_than_three_levels_are_refused_with_a_warning() {
    let s = Sandbox::new();
    let deepest = "From: ann@example.com\nSubject: Level 4\nMessage-ID: <level4@x>\n\n\
                   The bottom of the pile.\n";
    let mut mail = deepest.to_string();
    for level in (0..4).rev() {
        mail = forwarding(level, &mail);
    }
    let path = s.write("nested.eml", &mail);
    let (_, report) = s.import(&[&path]);
    // The message and the three levels of forwarded messages under it; the fourth is refused.
    assert_eq!(report["imported"], 4, "{report}");
    let warnings = report["warnings"].to_string();
    assert!(
        warnings.contains("attachment 'level4.eml'")
            && warnings.contains("nested more than 3 levels deep"),
        "{warnings}"
    );
    let docs = s.docs();
    let id = |title: &str| by_title(&docs, title)["id"].as_i64().unwrap();
    assert!(by_title(&docs, "Level 0").get("parent").is_none());
    assert_eq!(by_title(&docs, "Level 1")["parent"], id("Level 0"));
    assert_eq!(by_title(&docs, "Level 2")["parent"], id("Level 1"));
    assert_eq!(by_title(&docs, "Level 3")["parent"], id("Level 2"));
    assert!(docs.iter().all(|d| d["title"] != "Level 4"));
}

#[test]
fn a_text_that_opens_with_from_is_text_not_an_mbox() {
    let s = Sandbox::new();
    let path = s.write(
        "memo.txt",
        "From the desk of the editor\n\nWe publish on Monday, said Ann Smith.\n",
    );
    let (code, report) = s.import(&[&path]);
    assert_eq!(code, 0, "{report}");
    let doc = s.show(report["documents"][0].as_i64().unwrap());
    assert_eq!(doc["format"], "text");
    assert!(doc["text"].as_str().unwrap().starts_with("From the desk"));
}

#[test]
fn thread_of_lists_the_other_messages_of_the_thread_oldest_first() {
    let s = Sandbox::new();
    let path = budget_thread_and_a_stranger(&s);
    let (_, report) = s.import(&[&path]);
    let ids: Vec<i64> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    let (root, lunch, r2, r1) = (ids[0], ids[1], ids[2], ids[3]);
    let case = dossier::Case::open(&s.case).unwrap();
    let others = case.thread_of(r1).unwrap();
    let listed: Vec<i64> = others.iter().map(|m| m.id).collect();
    assert_eq!(
        listed,
        [root, r2],
        "oldest first, without the message itself"
    );
    assert_eq!(others[0].title, "Budget");
    assert_eq!(
        others[0].sender.as_deref(),
        Some("Ann Smith <ann@example.com>")
    );
    assert!(case.thread_of(lunch).unwrap().is_empty());
    let missing = case.thread_of(999).unwrap_err();
    assert_eq!(missing.code, dossier::ErrorCode::NotFound);
}

#[test]
fn archived_messages_and_attachments_are_repaired_from_their_own_originals() {
    let s = Sandbox::new();
    let mail = "From: ann@example.com\nSubject: Minutes\nMessage-ID: <m@x>\n\
                MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n\
                --b1\nContent-Type: text/plain\n\nThe minutes are attached, as agreed.\n\
                --b1\nContent-Type: text/plain; name=\"minutes.txt\"\n\
                Content-Disposition: attachment; filename=\"minutes.txt\"\n\n\
                The treasurer reported a shortfall in the second quarter.\n\
                --b1--\n";
    let mbox = [entry(&message("<a@x>", "", "", "Before", 1)), entry(mail)].concat();
    let path = s.write("minutes.mbox", mbox);
    let (_, report) = s.import(&[&path]);
    assert_eq!(report["imported"], 3, "{report}");
    let ids: Vec<i64> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    let before: Vec<Value> = ids.iter().map(|&id| s.show(id)["text"].clone()).collect();
    rusqlite::Connection::open(&s.case)
        .unwrap()
        .execute_batch(
            "UPDATE document_contents SET text = 'X' || substr(text, 2)
             WHERE document_id IN (2, 3)",
        )
        .unwrap();
    let (code, repaired) = s.json(&["verify", "--repair"]);
    assert_eq!(code, 0, "{repaired}");
    assert_eq!(repaired["repaired"], serde_json::json!([2, 3]));
    let after: Vec<Value> = ids.iter().map(|&id| s.show(id)["text"].clone()).collect();
    assert_eq!(after, before);
}

/// The library's rows with threads collapsed, oldest first: (title, messages in the thread),
/// and the total it reports.
fn thread_rows(case: &dossier::Case, title: Option<&str>) -> (Vec<(String, usize)>, Option<usize>) {
    let page = case
        .document_page(&dossier::model::DocumentPageRequest {
            title: title.map(str::to_string),
            collapse_threads: true,
            limit: Some(1),
            ..Default::default()
        })
        .unwrap();
    let mut rows: Vec<(String, usize)> = Vec::new();
    let mut offset = 0;
    // A page of one row at a time, so paging past a folded thread is what is tested.
    loop {
        let page = case
            .document_page(&dossier::model::DocumentPageRequest {
                title: title.map(str::to_string),
                collapse_threads: true,
                offset,
                limit: Some(1),
                skip_total: true,
                ..Default::default()
            })
            .unwrap();
        if page.documents.is_empty() {
            break;
        }
        rows.push((page.documents[0].title.clone(), page.messages[0]));
        offset += 1;
    }
    (rows, page.total)
}

#[test]
fn the_library_shows_a_thread_as_one_row_counting_its_messages() {
    let s = Sandbox::new();
    let path = budget_thread_and_a_stranger(&s);
    let (_, report) = s.import(&[&path]);
    assert_eq!(report["imported"], 4, "{report}");
    let root = report["documents"][0].as_i64().unwrap();
    let case = dossier::Case::open(&s.case).unwrap();
    let (rows, total) = thread_rows(&case, None);
    assert_eq!(
        rows,
        [("Budget".to_string(), 3), ("Lunch".to_string(), 1)],
        "the thread is one row, its oldest message"
    );
    assert_eq!(total, Some(2));
    // The app reads with a read-only connection while its import writes; the threads are
    // kept in a TEMP table, which such a connection may still write.
    let reader = dossier::Case::open_read_only(&s.case).unwrap();
    assert_eq!(thread_rows(&reader, None).1, Some(2));
    // Expanding the row lists the thread: the row's message and the two others.
    let mut listed = vec![root];
    listed.extend(case.thread_of(root).unwrap().iter().map(|m| m.id));
    assert_eq!(listed.len(), 3, "{listed:?}");
    // Without collapsing, every message is a row of its own and no row counts messages.
    let flat = case
        .document_page(&dossier::model::DocumentPageRequest::default())
        .unwrap();
    assert_eq!(flat.total, Some(4));
    assert_eq!(flat.messages, [0, 0, 0, 0]);
    // A filter the first message fails shows the thread as its oldest message that passes,
    // still counting the whole thread.
    let (rows, total) = thread_rows(&case, Some("Re:"));
    assert_eq!(rows, [("Re: Budget".to_string(), 3)]);
    assert_eq!(total, Some(1));
    // A reply imported by another process joins the thread in the library this case has
    // open: the connection's copy of the threads is made again when an email arrives.
    let later = s.write(
        "later.mbox",
        entry(&message(
            "<r3@x>",
            "<r2@x>",
            "<root@x> <r1@x> <r2@x>",
            "Re: Budget",
            5,
        )),
    );
    let (_, report) = s.import(&[&later]);
    assert_eq!(report["imported"], 1, "{report}");
    let (rows, _) = thread_rows(&case, None);
    assert_eq!(rows, [("Budget".to_string(), 4), ("Lunch".to_string(), 1)]);
    // The first message in the trash, the thread is shown as its next oldest.
    case.delete_documents(&[root]).unwrap();
    let (rows, total) = thread_rows(&case, None);
    assert_eq!(
        rows,
        [("Lunch".to_string(), 1), ("Re: Budget".to_string(), 3)]
    );
    assert_eq!(total, Some(2));
}

/// The demo's tip attaches its ledger as a CSV, which no importer read: the attachment was
/// named in a warning and left out. It is a child document with the table's rows now.
#[test]
fn a_csv_attachment_becomes_a_child_document_with_its_rows() {
    let s = Sandbox::new();
    // In Windows-1252, as spreadsheets still save: "Café" must read right.
    let mut mail = b"From: ann@example.com\nSubject: The ledger\nMessage-ID: <csv@x>\n\
         MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n\
         --b1\nContent-Type: text/plain\n\nThe ledger is attached.\n\
         --b1\nContent-Type: text/csv; name=\"ledger.csv\"\n\
         Content-Disposition: attachment; filename=\"ledger.csv\"\n\n\
         date,amount,recipient\n2017-01-15,4000,account-17\n2017-02-01,250,Caf"
        .to_vec();
    mail.extend_from_slice(b"\xe9 Keldara\n--b1--\n");
    let mut mbox = b"From sender@example.com Mon Jan  1 00:00:00 2024\n".to_vec();
    mbox.extend_from_slice(&mail);
    let path = s.write("ledger.mbox", mbox);
    let (code, report) = s.import(&[&path]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 2, "{report}");
    let docs = s.docs();
    let message = by_title(&docs, "The ledger");
    let ledger = by_title(&docs, "ledger");
    assert_eq!(ledger["parent"], message["id"], "{ledger}");
    assert_eq!(ledger["kind"], "other");
    let shown = s.show(ledger["id"].as_i64().unwrap());
    assert_eq!(
        shown["text"],
        "date,amount,recipient\n2017-01-15,4000,account-17\n2017-02-01,250,Café Keldara",
        "each row a line, decoded from Windows-1252"
    );
    assert_eq!(shown["extra"]["table"]["rows"], 3);
}

/// An attachment bomb: one message carries a base64 part past the 64 MB a message may hold.
/// The archive is read as a stream, so the message is refused by number and byte offset,
/// naming its attachment, and the messages around it are imported.
#[test]
fn a_message_over_the_bound_is_refused_by_number_and_the_rest_imported() {
    let s = Sandbox::new();
    let line = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n";
    let lines = dossier::import::email::mbox::MAX_MESSAGE_BYTES / line.len() + 2;
    let bomb = format!(
        "From: ann@example.com\nSubject: The dump\nMessage-ID: <bomb@x>\n\
         MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n\
         --b1\nContent-Type: text/plain\n\nAll of it.\n\
         --b1\nContent-Type: application/octet-stream; name=\"dump.bin\"\n\
         Content-Disposition: attachment; filename=\"dump.bin\"\n\
         Content-Transfer-Encoding: base64\n\n{}--b1--\n",
        line.repeat(lines)
    );
    let first = entry(&message("<a@x>", "", "", "Before", 1));
    let mbox = [
        first.clone(),
        entry(&bomb),
        entry(&message("<c@x>", "", "", "After", 3)),
    ]
    .concat();
    let path = s.write("bomb.mbox", mbox);
    let (_, report) = s.import(&[&path]);
    assert_eq!(report["imported"], 2, "{report}");
    let failed = failures(&report);
    assert_eq!(failed.len(), 1, "{failed:?}");
    let why = &failed[0].1;
    assert!(
        why.contains(&format!("message 2 (byte {})", first.len())),
        "{why}"
    );
    assert!(why.contains("'dump.bin'"), "{why}");
    let titles: Vec<Value> = s.docs().iter().map(|d| d["title"].clone()).collect();
    assert_eq!(titles, ["Before", "After"]);
}
