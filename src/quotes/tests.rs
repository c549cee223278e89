//! Table-driven tests on small fixtures written for this module.

use super::*;

/// A short article in the style of the seed: paragraphs separated by blank
/// lines, inverted and pronoun attributions, a split quote and a scare quote.
const ARTICLE: &str = "He allegedly partnered with convicted \"pump and dump\" stock scam specialist Alan Ralsky.\n\n\"Levashov has been able to evade prosecution for at least 20 years,\" said Vitali Kremez, threat intelligence director at Flashpoint.\n\n\"From an email spam perspective, his arrest means we'll be seeing less incoming malicious email,\" he told TechNewsWorld.\n\n\"The operation announced today targeted an ongoing international scheme,\" said Acting Assistant Attorney General Kenneth A. Blanco of the DoJ's Criminal Division.\n\n\"Our success in disrupting the Kelihos botnet was the result of strong cooperation,\" Blanco said.\n\nTaking down Kelihos should disrupt the spam ecosystem, noted Keith Jarvis, a senior security researcher at Dell's SecureWorks.\n\n\"It was one of the larger, more active botnets out there,\" he told TechNewsWorld, \"and it was one for rent.\"\n\nIt's more than a possibility, maintained Avivah Litan, a security analyst with Gartner.\n\n“The guys conducting cybercrime are the same guys that meddled in the elections,” she told TechNewsWorld. “They're using the same infrastructure.”\n\n\"That's why we saw a wide variety of spam,\" SecureWorks' Jarvis said.";

/// (quote text prefix, kind, speaker name, speaker mention as written)
type Row = (
    &'static str,
    QuoteKind,
    Option<&'static str>,
    Option<&'static str>,
);

fn check(input: &str, expected: &[Row]) {
    let got = extract(input);
    let chars: Vec<char> = input.chars().collect();
    for (prefix, kind, name, mention) in expected {
        let q = got
            .iter()
            .find(|q| q.text.starts_with(prefix))
            .unwrap_or_else(|| panic!("no quote starting {prefix:?} in {got:#?}"));
        assert_eq!(q.kind, *kind, "kind of {prefix:?}");
        assert_eq!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            *name,
            "speaker of {prefix:?}"
        );
        let m: Option<String> = q
            .speaker
            .as_ref()
            .map(|s| chars[s.start..s.end].iter().collect());
        assert_eq!(m.as_deref(), *mention, "mention of {prefix:?}");
    }
}

#[test]
fn seed_style_article() {
    use QuoteKind::*;
    check(
        ARTICLE,
        &[
            ("pump and dump", Scare, None, None),
            (
                "Levashov has been",
                Direct,
                Some("Vitali Kremez"),
                Some("Vitali Kremez"),
            ),
            ("From an email", Direct, Some("Vitali Kremez"), Some("he")),
            (
                "The operation",
                Direct,
                Some("Kenneth A. Blanco"),
                Some("Kenneth A. Blanco"),
            ),
            (
                "Our success",
                Direct,
                Some("Kenneth A. Blanco"),
                Some("Blanco"),
            ),
            (
                "It was one of the larger",
                Direct,
                Some("Keith Jarvis"),
                Some("he"),
            ),
            ("The guys", Direct, Some("Avivah Litan"), Some("she")),
            ("That's why", Direct, Some("Keith Jarvis"), Some("Jarvis")),
            (
                "Taking down Kelihos",
                Indirect,
                Some("Keith Jarvis"),
                Some("Keith Jarvis"),
            ),
        ],
    );
}

#[test]
fn split_quote_is_one_quote_with_two_spans() {
    let got = extract(ARTICLE);
    let q = got
        .iter()
        .find(|q| q.text.starts_with("It was one"))
        .unwrap();
    assert_eq!(q.spans.len(), 2);
    assert_eq!(
        q.text,
        "It was one of the larger, more active botnets out there, … and it was one for rent."
    );
    assert_eq!(q.addressee.as_deref(), Some("TechNewsWorld"));
    assert_eq!(q.cue.as_deref(), Some("told"));
    let litan = got.iter().find(|q| q.text.starts_with("The guys")).unwrap();
    assert_eq!(
        litan.spans.len(),
        2,
        "the continuation joins the attributed quote"
    );
}

#[test]
fn roles_are_captured() {
    let got = extract(ARTICLE);
    let role = |p: &str| {
        got.iter()
            .find(|q| q.text.starts_with(p))
            .and_then(|q| q.speaker.as_ref())
            .and_then(|s| s.role.clone())
    };
    assert_eq!(
        role("Levashov has").as_deref(),
        Some("threat intelligence director at Flashpoint")
    );
    assert_eq!(
        role("The operation").as_deref(),
        Some("Acting Assistant Attorney General of the DoJ's Criminal Division")
    );
}

#[test]
fn glued_and_nested_and_multi_paragraph() {
    use QuoteKind::*;
    check(
        "The arrest was reported.\"We said 'no' to them,\" said Jane Roe.\"It is over,\" she added.",
        &[
            ("We said 'no' to them", Direct, Some("Jane Roe"), Some("Jane Roe")),
        ],
    );
    let got = extract("\"First paragraph of a long statement goes here.\n\n\"Second paragraph ends it,\" said Ann Lee.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].spans.len(), 2);
    assert_eq!(got[0].speaker.as_ref().unwrap().name, "Ann Lee");
}

#[test]
fn indirect_attributions() {
    use QuoteKind::*;
    check(
        "Levashov was arrested for interfering with the elections, the Russian news outlet RT reported.\n\nHe made more money renting out botnets, according to journalist Brian Krebs.\n\nMaria Lopez said that the plan would fail badly.",
        &[
            ("Levashov was arrested", Indirect, Some("RT"), Some("RT")),
            ("He made more money", Indirect, Some("Brian Krebs"), Some("Brian Krebs")),
            ("the plan would fail", Indirect, Some("Maria Lopez"), Some("Maria Lopez")),
        ],
    );
}

#[test]
fn unbalanced_marks_recover_at_paragraph() {
    use QuoteKind::*;
    check(
        "He said \"this never ends\n\nA new paragraph. \"Everything is fine now,\" said Bob Smith.",
        &[(
            "Everything is fine now",
            Direct,
            Some("Bob Smith"),
            Some("Bob Smith"),
        )],
    );
}

#[test]
fn pathological_inputs_are_fast_and_safe() {
    let t = std::time::Instant::now();
    let big = "word ".repeat(400_000);
    extract(&big);
    let marks = "\"".repeat(50_000) + &"“ a ".repeat(20_000) + &"” said ".repeat(20_000);
    extract(&marks);
    let glued = "said\"he\",said ".repeat(50_000);
    extract(&glued);
    // Long asides, dashes and colons exercise the bounded look-arounds.
    let asides = "\"a b,\" Ann Lee, x (y, z), ".repeat(30_000) + &"\"q\" ― Al Bo\n".repeat(30_000);
    extract(&asides);
    let colons = "Ann Lee: \"x\". ".repeat(30_000) + &"- ".repeat(50_000);
    extract(&colons);
    for s in [
        "",
        "\"",
        "“",
        "\n\n",
        "said",
        "according to",
        "\"a\" said",
        "x, said",
        ": \"",
        "’s",
    ] {
        extract(s);
    }
    // Quadratic behaviour on these inputs would take many minutes; the bound is loose so that
    // a busy machine never fails it.
    assert!(t.elapsed().as_secs() < 60, "too slow: {:?}", t.elapsed());
}

#[test]
fn speakers_behind_asides_and_unlisted_verbs() {
    use QuoteKind::*;
    check(
        "\"We will win this county,\" Dana Whitfield, 54, told reporters.\n\n\"The numbers are wrong,\" Sen. Paul Ortega (R-Ariz.) said Monday.\n\nWhitfield, speaking to farmers, said, \"Prices must come down.\"\n\n\"Nobody believes that,\" Ortega shot back.\n\n\"Not again,\" Whitfield grumbled.\n\n\"Good luck to them,\" political analyst Rosa Ferrer told the paper.",
        &[
            ("We will win", Direct, Some("Dana Whitfield"), Some("Dana Whitfield")),
            ("The numbers", Direct, Some("Paul Ortega"), Some("Paul Ortega")),
            ("Prices must", Direct, Some("Dana Whitfield"), Some("Whitfield")),
            ("Nobody believes", Direct, Some("Paul Ortega"), Some("Ortega")),
            ("Not again", Direct, Some("Dana Whitfield"), Some("Whitfield")),
            (
                "Good luck",
                Direct,
                Some("Rosa Ferrer"),
                Some("political analyst Rosa Ferrer"),
            ),
        ],
    );
}

#[test]
fn signatures_colons_and_previous_sentences() {
    use QuoteKind::*;
    check(
        "\"Vote early and often.\" ― Lena Park\n\n\"Keep going, all of you.\"\n\n- Omar Haddad.\n\nMayor Tran had a simple answer:\n\n\"We will rebuild the bridge.\"\n\nThe clerk then looked up. \"Is anyone else here to speak?\"",
        &[
            ("Vote early", Direct, Some("Lena Park"), Some("Lena Park")),
            ("Keep going", Direct, Some("Omar Haddad"), Some("Omar Haddad")),
            ("We will rebuild", Direct, Some("Tran"), Some("Tran")),
            ("Is anyone else", Direct, Some("The clerk"), Some("The clerk")),
        ],
    );
}

#[test]
fn partial_quotes_and_reports() {
    use QuoteKind::*;
    check(
        "The governor described the budget as \"a careful compromise,\" Ortega said.\n\nThe plan would raise fees for most drivers, according to news reports.\n\n“Not now,“ she said.",
        &[
            ("a careful compromise", Indirect, Some("Ortega"), Some("Ortega")),
            (
                "The plan would raise",
                Indirect,
                Some("news reports"),
                Some("news reports"),
            ),
            ("Not now", Direct, Some("Ortega"), Some("she")),
        ],
    );
}
