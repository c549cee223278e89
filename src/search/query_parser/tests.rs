//! Data-driven tests of the query parser: each case is an input and the expected tree or
//! error message.

use super::*;

/// Each case is a query and the tree it must parse to, written with `Node`'s `Display`.
fn check(cases: &[(&str, &str)]) {
    for (input, expected) in cases {
        match parse(input) {
            Ok(node) => assert_eq!(node.to_string(), *expected, "query {input:?}"),
            Err(e) => panic!("query {input:?} failed: {}", e.message),
        }
    }
}

/// Each case is a malformed query and the message it must produce.
fn check_errors(cases: &[(&str, &str)]) {
    for (input, expected) in cases {
        match parse(input) {
            Ok(node) => panic!("query {input:?} parsed as {node}"),
            Err(e) => {
                assert_eq!(e.code, crate::ErrorCode::InvalidInput);
                assert_eq!(e.message, *expected, "query {input:?}");
            }
        }
    }
}

#[test]
fn words_phrases_and_operators() {
    check(&[
        ("kelihos", "kelihos"),
        ("  Kelihos   botnet ", "(and Kelihos botnet)"),
        ("a AND b", "(and a b)"),
        ("\"spam czar\"", "\"spam czar\""),
        ("\"kelihos  botnet\"~5", "\"kelihos botnet\"~5"),
        ("a OR b", "(or a b)"),
        ("a b OR c", "(and a (or b c))"),
        ("-spam levashov", "(and (not spam) levashov)"),
        ("NOT spam", "(not spam)"),
        ("(a OR b) -(c d)", "(and (or a b) (not (and c d)))"),
        ("bot*", "bot*"),
        ("levashov~", "levashov~1"),
        ("levashov~2", "levashov~2"),
        ("or and not", "(and or and not)"),
        ("10:30 e-mail", "(and 10:30 e-mail)"),
    ]);
}

#[test]
fn field_filters_and_dates() {
    check(&[
        ("title:spam", "title:spam"),
        ("title:\"spam czar\"", "title:\"spam czar\""),
        ("outlet:technewsworld", "outlet:technewsworld"),
        (
            "tag:botnet speaker:Levashov",
            "(and tag:botnet speaker:Levashov)",
        ),
        ("title:bot*", "title:bot*"),
        ("kind:article", "kind:article"),
        ("kind:press-release", "kind:press_release"),
        ("kind:quote", "hit:quote"),
        ("doc:12", "doc:12"),
        ("date:2017-04", "date:[2017-04-01,2017-05-01)"),
        ("date:2017-12", "date:[2017-12-01,2018-01-01)"),
        ("date:2017-04-12", "date:[2017-04-12,2017-04-13)"),
        (
            "date:2017-03-01..2017-04-30",
            "date:[2017-03-01,2017-05-01)",
        ),
        ("date:..2017", "date:[,2018-01-01)"),
        ("after:2016", "date:[2017-01-01,)"),
        ("before:2018", "date:[,2018-01-01)"),
        ("kelihos -kind:email", "(and kelihos (not kind:email))"),
    ]);
}

#[test]
fn malformed_queries_name_the_problem_and_position() {
    check_errors(&[
        ("", "empty query: type at least one word"),
        ("   ", "empty query: type at least one word"),
        ("\"spam czar", "unclosed quote at character 0 of the query"),
        (
            "kelihos (botnet",
            "unclosed parenthesis at character 8 of the query",
        ),
        ("kelihos)", "unexpected ')' at character 7 of the query"),
        ("()", "empty parentheses at character 0 of the query"),
        (
            "OR spam",
            "OR needs a term before it at character 0 of the query",
        ),
        (
            "spam OR",
            "OR needs a term after it at character 5 of the query",
        ),
        (
            "spam AND",
            "AND needs a term after it at character 8 of the query",
        ),
        (
            "spam -",
            "nothing to exclude after '-' or NOT at character 5 of the query",
        ),
        (
            "b*",
            "a prefix needs at least 2 letters before '*' at character 0 of the query",
        ),
        (
            "*bot",
            "'*' is only allowed at the end of a word at character 0 of the query",
        ),
        (
            "spam~3",
            "fuzzy '~' takes an edit distance of 1 or 2 at character 4 of the query",
        ),
        (
            "\"a b\"~x",
            "'~' after a phrase needs a distance from 0 to 100 at character 5 of the query",
        ),
        (
            "title:",
            "missing value after 'title:' at character 0 of the query",
        ),
        (
            "foo:bar",
            "unknown field 'foo:' (known fields: title, outlet, kind, tag, speaker, doc, \
             is, date, after, before) at character 0 of the query",
        ),
        (
            "is:famous",
            "unknown mark 'famous' (use is:starred or is:reviewed) at character 3 of the query",
        ),
        (
            "kind:memo",
            "unknown kind 'memo' (use one of article, indictment, press_release, transcript, \
             email, note, other) at character 5 of the query",
        ),
        (
            "doc:x",
            "doc: needs a document id, not 'x' at character 4 of the query",
        ),
        (
            "spam date:2017-13",
            "'2017-13' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD at character 10 of the query",
        ),
        (
            "date:2018..2017",
            "the date range ends before it starts at character 5 of the query",
        ),
        (
            "date:..",
            "a date range needs at least one end at character 5 of the query",
        ),
        (
            "spam &",
            "'&' has no letters or digits to search for at character 5 of the query",
        ),
        (
            "\"--\"",
            "the phrase has no letters or digits to search for at character 0 of the query",
        ),
    ]);
}

/// The message a query nested one level too deep gets, at the character where it happens.
fn too_deep(at: usize) -> String {
    format!(
        "the query nests too deeply (at most {MAX_DEPTH} parentheses and exclusions inside \
         one another) at character {at} of the query"
    )
}

#[test]
fn nesting_up_to_the_bound_parses() {
    let parens = format!("{}spam{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    let dashes = format!("{}spam", "-".repeat(MAX_DEPTH));
    let nots = format!("{}spam", "NOT ".repeat(MAX_DEPTH));
    let mixed = format!(
        "{}spam{}",
        "-(".repeat(MAX_DEPTH / 2),
        ")".repeat(MAX_DEPTH / 2)
    );
    for query in [parens, dashes, nots, mixed] {
        let node = parse(&query).unwrap_or_else(|e| panic!("{query}: {}", e.message));
        // The tree is as deep as the query: Display walks it all.
        assert!(node.to_string().contains("spam"), "{query}");
    }
}

#[test]
fn a_thousand_dashes_or_twelve_thousand_parentheses_are_refused_not_a_stack_overflow() {
    let deep = MAX_DEPTH + 1;
    let cases = [
        (format!("{}spam", "-".repeat(1000)), too_deep(MAX_DEPTH)),
        (format!("{}spam", "-".repeat(deep)), too_deep(MAX_DEPTH)),
        (
            format!("{}spam{}", "(".repeat(12_000), ")".repeat(12_000)),
            too_deep(MAX_DEPTH),
        ),
        // Unbalanced: the depth is refused before the missing ')' is noticed.
        (format!("{}spam", "(".repeat(12_000)), too_deep(MAX_DEPTH)),
        (
            format!("kelihos {}spam", "NOT ".repeat(deep)),
            too_deep(8 + 4 * MAX_DEPTH),
        ),
        (
            format!("a ({}b)", "-(".repeat(deep)),
            // The outer parenthesis is the first level, at character 2; each character
            // after it is one more.
            too_deep(2 + MAX_DEPTH),
        ),
    ];
    let owned: Vec<(&str, &str)> = cases
        .iter()
        .map(|(q, m)| (q.as_str(), m.as_str()))
        .collect();
    check_errors(&owned);
}

#[test]
fn words_too_long_to_index_still_parse() {
    let long = "a".repeat(60);
    let hash = "9f".repeat(32);
    check(&[
        (long.as_str(), long.as_str()),
        (&format!("title:{long}"), &format!("title:{long}")),
        (&format!("{long}*"), &format!("{long}*")),
        (&format!("\"{long} b\""), &format!("\"{long} b\"")),
        (hash.as_str(), hash.as_str()),
    ]);
}
