//! Name keys and name similarity: what lets "Levishov" find "Pyotr Levashov" and "DoJ" find
//! "U.S. Justice Department".

use unicode_normalization::UnicodeNormalization;

/// Words before a name that are not part of it.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "capt",
    "lt",
    "sgt",
    "judge",
    "justice",
    "president",
    "senator",
    "sir",
    "dame",
    "rev",
    "hon",
];

pub use super::name_words::{
    before_of, department_first, is_given_name, is_name_stop_word, is_office, name_only,
    person_name_start, without_corporate_form, without_country, GROUPS, NAME_CONNECTORS,
    NAME_STOP_WORDS, PARTY_MEMBERS,
};

/// Words after a name that are not a surname.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "esq", "phd"];

/// Lower-cased, diacritics and punctuation removed, whitespace collapsed, a leading article
/// and honorific and a trailing possessive dropped: the key names are compared by.
pub fn fold_key(name: &str) -> String {
    let trimmed = name
        .trim()
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches(['\'', '’']);
    let mut folded = String::with_capacity(trimmed.len());
    let mut fold = |c: char| {
        if c.is_alphanumeric() {
            folded.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' {
            folded.push(' ');
        }
        // Combining marks and other punctuation ("U.S." → "us") are dropped.
    };
    // Most names are ASCII, which decomposition leaves as it is; skipping it for them makes
    // this (called for every name an import resolves) several times faster.
    if trimmed.is_ascii() {
        trimmed.chars().for_each(&mut fold);
    } else {
        trimmed.nfkd().for_each(&mut fold);
    }
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    while words.len() > 1 && HONORIFICS.contains(&words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// Whether a person's name is a surname alone: one word once folded, or one hyphenated word
/// ("Kilroy-Silk", whose key is the two words "kilroy silk", but not "Vice-president"). Such
/// a name is evidence within its document, and across the case it goes through the surname
/// rule, never through its key.
pub fn is_surname_alone(name: &str) -> bool {
    let name = name.trim();
    let key = fold_key(name);
    let hyphenated_surname = || {
        !name.contains(char::is_whitespace)
            && name.contains('-')
            && name
                .split('-')
                .all(|part| part.chars().next().is_some_and(char::is_uppercase))
    };
    key.split(' ').filter(|w| !w.is_empty()).count() <= 1 || hyphenated_surname()
}

/// The words of folded `key` before `tail` when `key` ends with all of `tail`'s words and
/// something comes before them: "robert" for "robert kilroy silk" and "kilroy silk"; None for
/// "kilroy silk" itself, or for "silk" against "kilroysilk".
pub fn words_before_tail<'a>(key: &'a str, tail: &str) -> Option<&'a str> {
    key.strip_suffix(tail)?
        .strip_suffix(' ')
        .filter(|before| !before.is_empty())
}

/// The folded surname of a person's name: its last word that is not a suffix such as "Jr.".
pub fn surname_key(name: &str) -> Option<String> {
    surname_of_key(&fold_key(name)).map(str::to_string)
}

/// The surname in a name already folded by [`fold_key`]: `surname_key(n)` is
/// `surname_of_key(&fold_key(n))`, without folding again a name whose key is stored.
pub fn surname_of_key(key: &str) -> Option<&str> {
    key.split(' ')
        .rev()
        .find(|w| !SUFFIXES.contains(w) && w.len() > 1)
}

/// Whether two folded words differ by at most one edit (insertion, deletion, substitution).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    if a.len() == b.len() {
        return a.iter().zip(&b).filter(|(x, y)| x != y).count() <= 1;
    }
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    short[prefix..] == long[prefix + 1..]
}

/// Whether `surname` is plausibly a misspelling of `known` (both folded): one edit apart, long
/// enough that one edit is a typo rather than another name, and starting alike.
pub fn is_spelling_variant(surname: &str, known: &str) -> bool {
    surname != known
        && surname.chars().count() >= 6
        && known.chars().count() >= 6
        && surname.chars().next() == known.chars().next()
        && within_one_edit(surname, known)
}

/// Given names that are one name in different transliterations (Russian and Ukrainian names in
/// court papers and in the press) or in its English form: the indicted "Peter Levashov" is
/// the press's "Pyotr Levashov". Folded, as [`fold_key`] writes them. Only names that are
/// clearly the same name are grouped; diminutives ("Sasha") are not, as they are shared by
/// several names.
const GIVEN_NAME_GROUPS: &[&[&str]] = &[
    &["peter", "pyotr", "petr", "piotr", "petro"],
    &[
        "alexander",
        "aleksandr",
        "alexandr",
        "oleksandr",
        "olexandr",
    ],
    &[
        "alexey", "aleksei", "alexei", "aleksey", "oleksiy", "oleksii",
    ],
    &["andrei", "andrey", "andriy", "andrii"],
    &["dmitry", "dmitri", "dmitrii", "dmytro"],
    &["evgeny", "evgeniy", "yevgeny", "yevgeniy", "yevhen"],
    &["ilya", "ilia", "illia"],
    &["maxim", "maksim", "maksym"],
    &["michael", "mikhail", "mykhailo"],
    &["nikolai", "nikolay", "mykola"],
    &["sergey", "sergei", "serhiy", "serhii"],
    &["vladimir", "volodymyr"],
    &["vyacheslav", "viacheslav"],
    &["yuri", "yury", "yuriy", "iurii"],
    &["anatoly", "anatoliy", "anatolii"],
    &["gennady", "gennadiy", "gennadii"],
    &["viktor", "victor"],
    &["konstantin", "kostiantyn", "konstantyn"],
];

/// Short forms the press uses for one given name only, folded: "Joe Biden" is "Joseph R.
/// Biden", "Bernie Ebbers" is "Bernard Ebbers". Short forms of several names ("Chris",
/// "Pat", "Steve", "Ted") are left out, as the groups above leave out diminutives.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("andy", "andrew"),
    ("ben", "benjamin"),
    ("bernie", "bernard"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("charlie", "charles"),
    ("chuck", "charles"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("fred", "frederick"),
    ("greg", "gregory"),
    ("jeff", "jeffrey"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("nick", "nicholas"),
    ("ron", "ronald"),
    ("ronnie", "ronald"),
    ("rudy", "rudolph"),
    ("tim", "timothy"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("tony", "anthony"),
];

/// A folded given name's full form: "joe" is "joseph"; other names are themselves.
fn full_form(given: &str) -> &str {
    SHORT_FORMS
        .iter()
        .find(|(short, _)| *short == given)
        .map_or(given, |(_, full)| full)
}

/// Whether two folded given names are the same name in different spellings, or one is the
/// other's short form.
pub fn same_given_name(a: &str, b: &str) -> bool {
    a == b
        || full_form(a) == full_form(b)
        || GIVEN_NAME_GROUPS
            .iter()
            .any(|group| group.contains(&a) && group.contains(&b))
}

/// The other spellings of a given name (as written, any case), folded.
pub fn given_name_spellings(given: &str) -> Vec<&'static str> {
    let key = fold_key(given);
    GIVEN_NAME_GROUPS
        .iter()
        .find(|group| group.contains(&key.as_str()))
        .map(|group| group.iter().copied().filter(|g| *g != key).collect())
        .unwrap_or_default()
}

/// Whether two folded full names can name one person by their first and middle names: the
/// first names are the same name (or one is the other's initial), and when both give a middle
/// name (a patronymic, as in "Peter Yuryevich Levashov"), those agree too. A name without a
/// middle name is compatible with one that has it: the press drops patronymics.
pub fn compatible_given_names(a: &str, b: &str) -> bool {
    let (aw, bw) = (name_words(a), name_words(b));
    if aw.len() < 2 || bw.len() < 2 {
        return false;
    }
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    let (af, bf) = (aw[0], bw[0]);
    if !(same_given_name(af, bf) || initial(af, bf) || initial(bf, af)) {
        return false;
    }
    match (
        aw.get(1).filter(|_| aw.len() > 2),
        bw.get(1).filter(|_| bw.len() > 2),
    ) {
        (Some(am), Some(bm)) => am == bm || initial(am, bm) || initial(bm, am),
        _ => true,
    }
}

/// The words of a folded name without suffixes such as "jr".
fn name_words(key: &str) -> Vec<&str> {
    key.split(' ')
        .filter(|w| !w.is_empty() && !SUFFIXES.contains(w))
        .collect()
}

/// Common organisations under every name the press gives them; the first is canonical.
const ORGANISATION_ALIASES: &[&[&str]] = &[
    &[
        "U.S. Department of Justice",
        "Department of Justice",
        "Justice Department",
        "U.S. Justice Department",
        "US Justice Department",
        "United States Department of Justice",
        "DoJ",
    ],
    &["Federal Bureau of Investigation", "FBI", "the Bureau"],
    &["Securities and Exchange Commission", "SEC"],
    &[
        "Department of Homeland Security",
        "Homeland Security",
        "DHS",
    ],
    &["National Security Agency", "NSA"],
    &["Central Intelligence Agency", "CIA"],
    &[
        "U.S. Department of the Treasury",
        "Treasury Department",
        "Treasury",
    ],
    &["U.S. Department of State", "State Department"],
    &["Federal Trade Commission", "FTC"],
    &["Internal Revenue Service", "IRS"],
    &["Drug Enforcement Administration", "DEA"],
    &["Democratic National Committee", "DNC"],
    &["Republican National Committee", "RNC"],
    &["European Union", "EU"],
    &["United Nations", "UN", "U.N."],
    &["The New York Times", "New York Times", "NYT"],
    &["The Washington Post", "Washington Post"],
    &["The Wall Street Journal", "Wall Street Journal", "WSJ"],
    &["Associated Press", "AP"],
    &["Reuters", "Reuter", "Reuters news agency"],
    &["Bundesbank", "German Bundesbank"],
    &[
        "Islamic State",
        "ISIS",
        "ISIL",
        "Islamic State of Iraq and Syria",
    ],
    &[
        "Liberal Democrats",
        "Lib Dems",
        "Lib Dem",
        "Liberal Democrat Party",
    ],
    &["Real Madrid"],
    &["AC Milan"],
    &["Inter Milan", "Internazionale"],
    &[
        "Federal Reserve",
        "Fed",
        "U.S. Federal Reserve",
        "Federal Reserve Board",
    ],
];

/// Every alias of `ORGANISATION_ALIASES` by its folded key, folded once rather than per lookup.
static ORGANISATIONS_BY_KEY: std::sync::LazyLock<std::collections::HashMap<String, &'static str>> =
    std::sync::LazyLock::new(|| {
        ORGANISATION_ALIASES
            .iter()
            .flat_map(|names| names.iter().map(|n| (fold_key(n), names[0])))
            .collect()
    });

/// The canonical name of a well-known organisation written as `name`, if it is one.
pub fn known_organisation(name: &str) -> Option<&'static str> {
    known_organisation_by_key(&fold_key(name))
}

/// [`known_organisation`] for a name already folded by [`fold_key`].
pub fn known_organisation_by_key(key: &str) -> Option<&'static str> {
    ORGANISATIONS_BY_KEY.get(key).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_diacritics_punctuation_and_titles() {
        assert_eq!(fold_key("Levashov's"), "levashov");
        assert_eq!(fold_key("U.S. Justice Department"), "us justice department");
        assert_eq!(fold_key("Dr. Zoë Müller"), "zoe muller");
        assert_eq!(fold_key("The New York Times"), "new york times");
        assert_eq!(surname_key("John P. Mello Jr."), Some("mello".into()));
        assert_eq!(surname_of_key("john p mello jr"), Some("mello"));
        assert_eq!(fold_key("Ms.\tAnne-Marie  O'Neil"), "anne marie oneil");
    }

    #[test]
    fn one_edit_apart() {
        assert!(within_one_edit("levashov", "levishov"));
        assert!(within_one_edit("levashov", "levashova"));
        assert!(within_one_edit("levashov", "levshov"));
        assert!(!within_one_edit("levashov", "lavishov"));
        assert!(is_spelling_variant("levishov", "levashov"));
        assert!(
            !is_spelling_variant("smith", "smyth"),
            "short names differ by design"
        );
    }

    #[test]
    fn transliterated_first_names_and_patronymics() {
        let k = fold_key;
        assert!(compatible_given_names(
            &k("Peter Yuryevich Levashov"),
            &k("Pyotr Levashov")
        ));
        assert!(compatible_given_names(
            &k("Pyotr Levashov"),
            &k("Petr Levashov")
        ));
        assert!(compatible_given_names(
            &k("P. Levashov"),
            &k("Peter Yuryevich Levashov")
        ));
        assert!(compatible_given_names(
            &k("Peter Y. Levashov"),
            &k("Pyotr Yuryevich Levashov")
        ));
        // Two different patronymics are two people (brothers share a surname, not a father's
        // name with a different one), and a different first name is another person.
        assert!(!compatible_given_names(
            &k("Peter Yuryevich Levashov"),
            &k("Peter Ivanovich Levashov")
        ));
        assert!(!compatible_given_names(
            &k("Paul Levashov"),
            &k("Pyotr Levashov")
        ));
        assert!(!compatible_given_names(
            &k("Maria Levashova"),
            &k("Mikhail Levashov")
        ));
        assert!(!compatible_given_names(
            &k("Levashov"),
            &k("Pyotr Levashov")
        ));
        assert_eq!(
            given_name_spellings("PETER"),
            ["pyotr", "petr", "piotr", "petro"]
        );
        assert!(given_name_spellings("Sasha").is_empty());
    }

    /// "Bernie Ebbers" and "Bernard Ebbers" were two people once the given-name list knew
    /// "Bernie", and the bare "Ebbers" went to whichever was named more.
    #[test]
    fn a_short_form_of_one_given_name_is_that_name() {
        let k = fold_key;
        assert!(compatible_given_names(
            &k("Bernie Quist"),
            &k("Bernard Quist")
        ));
        assert!(compatible_given_names(
            &k("Joseph R. Quist"),
            &k("Joe Quist")
        ));
        assert!(compatible_given_names(&k("Bill Quist"), &k("Billy Quist")));
        // A short form of several names ("Chris") joins none of them.
        assert!(!compatible_given_names(
            &k("Chris Quist"),
            &k("Christine Quist")
        ));
        assert!(!compatible_given_names(&k("Joe Quist"), &k("James Quist")));
    }

    #[test]
    fn organisations_by_alias() {
        assert_eq!(
            known_organisation("DoJ"),
            Some("U.S. Department of Justice")
        );
        assert_eq!(
            known_organisation("the U.S. Justice Department"),
            Some("U.S. Department of Justice")
        );
    }
}
