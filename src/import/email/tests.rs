use super::*;

/// A plain message with a folded Date, an encoded-word subject and a
/// display name that needs quoting.
const PLAIN: &str = "Return-Path: <ana@example.org>
Received: from mx.example.org by mail.example.com; Wed, 12 Apr 2017 05:00:03 -0700
From: \"Ana Source\" <ana@example.org>
To: Desk <desk@example.com>, bob@example.com
Cc: \"Lee, Chris\" <chris@example.com>
Date: Wed, 12 Apr 2017
 05:00:00 -0700
Message-ID: <abc123@example.org>
Subject: =?UTF-8?B?Q2Fmw6kgbWVldGluZw==?=
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Meet me at the caf\u{e9} at noon.
Bring the files.
";

/// A mixed message: alternative text and HTML bodies, then a named PDF, a
/// file whose name tries to climb out of the download folder, an unnamed
/// part and a forwarded message.
const MULTIPART: &str = "From: ana@example.org
To: desk@example.com
Subject: Documents
Date: Thu, 13 Apr 2017 09:30:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=\"outer\"

This is a multi-part message in MIME format.
--outer
Content-Type: multipart/alternative; boundary=\"inner\"

--inner
Content-Type: text/plain; charset=us-ascii

See the attached report.
--inner
Content-Type: text/html; charset=us-ascii

<p>See the <b>attached</b> report.</p>
--inner--
--outer
Content-Type: application/pdf; name=\"report.pdf\"
Content-Disposition: attachment; filename=\"report.pdf\"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcOkw7zDtsOfCg==
--outer
Content-Type: text/csv
Content-Disposition: attachment; filename=\"../../etc/ledger.csv\"

a,b
--outer
Content-Type: application/octet-stream
Content-Disposition: attachment

AAAA
--outer
Content-Type: message/rfc822
Content-Disposition: attachment

From: old@example.net
Subject: Original note

Earlier text.
--outer--
";

fn parse(raw: impl AsRef<[u8]>) -> ParsedEmail {
    parse_email(raw.as_ref()).expect("fixture parses")
}

#[test]
fn reads_headers_of_a_plain_message() {
    let email = parse(PLAIN);
    assert_eq!(email.subject.as_deref(), Some("Caf\u{e9} meeting"));
    assert_eq!(email.from.as_deref(), Some("Ana Source <ana@example.org>"));
    assert_eq!(email.to, ["Desk <desk@example.com>", "bob@example.com"]);
    assert_eq!(email.cc, ["Lee, Chris <chris@example.com>"]);
    assert_eq!(
        email.date.as_deref(),
        Some("Wed, 12 Apr 2017 05:00:00 -0700")
    );
    assert_eq!(email.message_id.as_deref(), Some("abc123@example.org"));
    assert_eq!(
        email.body,
        "Meet me at the caf\u{e9} at noon.\nBring the files."
    );
    assert!(email.attachments.is_empty());
}

#[test]
fn crlf_line_endings_and_mbox_separators_give_the_same_result() {
    assert_eq!(parse(PLAIN.replace('\n', "\r\n")), parse(PLAIN));
    let mbox = format!("From ana@example.org Wed Apr 12 05:00:00 2017\n{PLAIN}");
    assert_eq!(parse(mbox), parse(PLAIN));
}

#[test]
fn multipart_prefers_plain_text_and_lists_attachments() {
    let email = parse(MULTIPART);
    assert_eq!(email.body, "See the attached report.");
    let names = [
        "report.pdf",
        "ledger.csv",
        "attachment-3",
        "Original note.eml",
    ];
    assert_eq!(email.attachments, names);
}

#[test]
fn decodes_quoted_printable() {
    let raw = "From: a@example.org\nSubject: qp\nContent-Type: text/plain; charset=utf-8\n\
        Content-Transfer-Encoding: quoted-printable\n\nThe budget =E2=80=94 all of it =3D gone. Th=\nis line was soft-broken.\n";
    let body = parse(raw).body;
    assert_eq!(
        body,
        "The budget \u{2014} all of it = gone. This line was soft-broken."
    );
}

#[test]
fn decodes_base64_text() {
    // "Grüße aus Köln\n" in UTF-8, base64-encoded.
    let raw = "From: a@example.org\nSubject: b64\nContent-Type: text/plain; charset=UTF-8\n\
        Content-Transfer-Encoding: base64\n\nR3LDvMOfZSBhdXMgS8O2bG4K\n";
    assert_eq!(parse(raw).body, "Gr\u{fc}\u{df}e aus K\u{f6}ln");
}

#[test]
fn decodes_windows_1252_including_its_punctuation() {
    // 0x93/0x94 are curly quotes and 0x80 the euro sign only in Windows-1252, not Latin-1.
    let mut raw = b"From: a@example.org\nSubject: =?windows-1252?Q?R=E9sum=E9?=\n\
        Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: 8bit\n\n"
        .to_vec();
    raw.extend_from_slice(b"\x93Caf\xe9\x94 costs \x80 5\n");
    let email = parse(raw);
    assert_eq!(email.subject.as_deref(), Some("R\u{e9}sum\u{e9}"));
    assert_eq!(email.body, "\u{201c}Caf\u{e9}\u{201d} costs \u{20ac} 5");
}

#[test]
fn decodes_east_asian_charsets() {
    let mut raw =
        b"From: a@example.org\nSubject: sjis\nContent-Type: text/plain; charset=Shift_JIS\n\n"
            .to_vec();
    raw.extend_from_slice(b"\x83n\x83\x8D\x81[\x81E\x83\x8F\x81[\x83\x8B\x83h\n");
    assert_eq!(
        parse(raw).body,
        "\u{30cf}\u{30ed}\u{30fc}\u{30fb}\u{30ef}\u{30fc}\u{30eb}\u{30c9}"
    );
}

#[test]
fn html_only_body_becomes_paragraphs() {
    let raw = "From: a@example.org\nSubject: html\nContent-Type: text/html; charset=utf-8\n\n\
        <html><head><title>Ignored</title><style>p { color: red }</style></head><body>\n\
        <h1>Leak &amp; Cover-up</h1>\n<!-- <p>hidden</p> -->\n<p>First   paragraph,\n  wrapped.</p>\
        <div>Second&nbsp;one<br>with a break &#8212; and &#x2019;quotes&rsquo;.</div>\
        <script>alert('x')</script><p>Tom &amp; Jerry &lt;3 &bogus; A&B</p></body></html>\n";
    let expected = "Leak & Cover-up\n\nFirst paragraph, wrapped.\n\n\
        Second one\nwith a break \u{2014} and \u{2019}quotes\u{2019}.\n\nTom & Jerry <3 &bogus; A&B";
    assert_eq!(parse(raw).body, expected);
}

#[test]
fn empty_plain_part_falls_back_to_html() {
    let raw = "From: a@example.org\nSubject: alt\nContent-Type: multipart/alternative; boundary=b\n\n\
        --b\nContent-Type: text/plain\n\n\n--b\nContent-Type: text/html\n\n<p>Only here</p>\n--b--\n";
    assert_eq!(parse(raw).body, "Only here");
}

#[test]
fn html_converter_survives_broken_markup() {
    for html in [
        "<",
        "<p",
        "<pé",
        "&",
        "&#",
        "&#xZZ;",
        "&#99999999;",
        "a < b",
        "<!-- open",
        "é&é;",
    ] {
        let _ = html_to_text(html);
    }
    assert_eq!(html_to_text("<p>cut <b"), "cut");
    assert_eq!(html_to_text("<head><title>t</title><body>Kept"), "Kept");
}

#[test]
fn refuses_junk_with_a_useful_message() {
    let junk: [&[u8]; 7] = [
        b"",
        b"  \r\n\t ",
        b"hello world, this is just a note",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
        b"{\"title\": \"not mail\", \"date\": \"2017\"}",
        b"Title: My post\nCategory: notes\n\nBody",
        b"\0\0\0\0\xff\xfe\xfd",
    ];
    for bytes in junk {
        let err = parse_email(bytes).expect_err("junk must be refused");
        assert!(
            err == "the file is empty" || err.starts_with("no email headers found"),
            "{err}"
        );
    }
}

#[test]
fn truncated_messages_never_panic() {
    // Cutting the fixtures at every byte covers truncation inside headers,
    // boundaries, base64 and encoded words.
    for fixture in [PLAIN, MULTIPART] {
        for cut in 0..fixture.len() {
            let _ = parse_email(&fixture.as_bytes()[..cut]);
            let _ = looks_like_email(&fixture.as_bytes()[..cut]);
        }
    }
    let truncated = parse(&MULTIPART[..MULTIPART.find("JVBER").unwrap()]);
    assert_eq!(truncated.subject.as_deref(), Some("Documents"));
    assert_eq!(truncated.body, "See the attached report.");
}

#[test]
fn sniffs_header_blocks() {
    let cases: [(&[u8], bool); 12] = [
        (PLAIN.as_bytes(), true),
        (MULTIPART.as_bytes(), true),
        (b"From: a@example.org\nTo: b@example.org\n\nHi", true),
        (b"Subject: Hi\r\nTo: b@example.org\r\n\r\nHi", true),
        (
            b"From MAILER-DAEMON Thu Apr 13 09:30:00 2017\nFrom: a@x.org\nDate: today\n\n",
            true,
        ),
        (b"\xef\xbb\xbfMessage-ID: <1@x>\nSubject: s\n\n", true),
        (
            b"Received: from a\n\tby b; Thu, 13 Apr 2017\nFrom: a@x.org\n\n",
            true,
        ),
        (b"From: a@example.org\nTo: b@example.org\n", false),
        (
            b"Title: My post\nDate: 2017-04-12\nCategory: notes\n\nBody",
            false,
        ),
        (b"Hello there\nFrom: a@example.org\nSubject: x\n\n", false),
        (b" folded: first\nFrom: a\nSubject: b\n\n", false),
        (b"", false),
    ];
    for (bytes, expected) in cases {
        assert_eq!(
            looks_like_email(bytes),
            expected,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn an_unknown_charset_is_named_for_a_warning() {
    let email = parse(
        b"From: a@example.org\nSubject: odd\nContent-Type: text/plain; charset=x-klingon-7\n\n\
          Text in a charset nobody knows.\n",
    );
    assert_eq!(email.unknown_charsets, ["x-klingon-7"]);
    assert!(email.body.contains("nobody knows"));
    let known = parse(
        b"From: a@example.org\nSubject: fine\nContent-Type: text/plain; charset=iso-8859-1\n\nOk.\n",
    );
    assert!(known.unknown_charsets.is_empty());
}
