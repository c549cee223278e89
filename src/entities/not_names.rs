//! Capitalised words that a name-shaped run carries but that are no part of a person's name,
//! kept apart from `recognize` because they are lists and word tests, not the recogniser's
//! steps: the abbreviations of financial tables (Reuters writes "Shr 51 cts vs 75 cts Net
//! 5,524,000 vs 8,094,000 Revs"), the corporate forms that end a company's name ("Electric
//! Co"), places, nationalities and "-based" modifiers written before a name ("Moscow-based US
//! lawyer"), the adverbs and participles that open a sentence ("Recently Apple", "Excluding
//! Brazil"), and the plural nouns quotes give as speakers ("Dealers said"). Headlines and
//! lines in capitals are marked where the words are made (`words`). Each test is a set lookup
//! or a scan of one word, so the recogniser stays linear.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The abbreviations and labels of financial tables: a run with one of them is a table's cell
/// or heading, never a name ("Year Shr", "Oper shr", "Avg shrs", "Nine mths").
const TABLE_WORDS: &[&str] = &[
    "Shr", "Shrs", "Oper", "Net", "Revs", "Rev", "Qtr", "Qtrs", "Qtly", "Qtrly", "Mthly", "Mth",
    "Mths", "Avg", "Dlrs", "Dlr", "Cts", "Ct", "Pct", "Vs", "Mln", "Mlns", "Bln", "Blns", "Div",
    "Ttl", "Prev", "Pretax", "Shrs", "Ecus", "Wk", "Wks", "Yr", "Yrs", "Ind", "Reuter", "Note",
    "Sales", "Loss", "Profit", "Earnings", "Turnover", "Dividend", "Payable", "Record",
];

/// Countries, their people's adjectives and regions, which open a run before a name ("U.S.
/// Analysts", "Japanese Hiroshi Quist", "West German Chancellor") and never end one ("Big
/// US", "Japan"). Places that are also common given names ("Jordan", "Georgia", "Chad",
/// "Israel", "India") are left out: "Jordan Quist" is a person.
const NATIONS: &[&str] = &[
    "U.S.",
    "US",
    "USA",
    "U.S.A.",
    "UK",
    "U.K.",
    "EU",
    "UN",
    "U.N.",
    "America",
    "American",
    "Americans",
    "Britain",
    "British",
    "England",
    "English",
    "Scotland",
    "Scottish",
    "Wales",
    "Welsh",
    "Ireland",
    "Irish",
    "Canada",
    "Canadian",
    "Mexico",
    "Mexican",
    "Brazil",
    "Brazilian",
    "Argentina",
    "Argentine",
    "Argentinian",
    "Chile",
    "Chilean",
    "Peru",
    "Peruvian",
    "Colombia",
    "Colombian",
    "Venezuela",
    "Venezuelan",
    "Cuba",
    "Cuban",
    "France",
    "French",
    "Germany",
    "German",
    "Germans",
    "Italy",
    "Italian",
    "Spain",
    "Spanish",
    "Portugal",
    "Portuguese",
    "Netherlands",
    "Dutch",
    "Holland",
    "Belgium",
    "Belgian",
    "Switzerland",
    "Swiss",
    "Austria",
    "Austrian",
    "Sweden",
    "Swedish",
    "Norway",
    "Norwegian",
    "Denmark",
    "Danish",
    "Finland",
    "Finnish",
    "Poland",
    "Polish",
    "Greece",
    "Greek",
    "Turkey",
    "Turkish",
    "Russia",
    "Russian",
    "Russians",
    "Soviet",
    "Soviets",
    "USSR",
    "Ukraine",
    "Ukrainian",
    "Hungary",
    "Hungarian",
    "Romania",
    "Romanian",
    "Bulgaria",
    "Bulgarian",
    "Yugoslavia",
    "Yugoslav",
    "Czech",
    "Europe",
    "European",
    "Japan",
    "Japanese",
    "China",
    "Chinese",
    "Taiwan",
    "Taiwanese",
    "Korea",
    "Korean",
    "Vietnam",
    "Vietnamese",
    "Thailand",
    "Thai",
    "Malaysia",
    "Malaysian",
    "Singapore",
    "Indonesia",
    "Indonesian",
    "Philippines",
    "Philippine",
    "Filipino",
    "Pakistan",
    "Pakistani",
    "Afghanistan",
    "Afghan",
    "Iran",
    "Iranian",
    "Iraq",
    "Iraqi",
    "Syria",
    "Syrian",
    "Lebanon",
    "Lebanese",
    "Israeli",
    "Palestinian",
    "Egypt",
    "Egyptian",
    "Saudi",
    "Arabia",
    "Arab",
    "Kuwait",
    "Kuwaiti",
    "Qatar",
    "Qatari",
    "Emirates",
    "Libya",
    "Libyan",
    "Nigeria",
    "Nigerian",
    "Kenya",
    "Kenyan",
    "Ethiopia",
    "Ethiopian",
    "Ghana",
    "Ghanaian",
    "Africa",
    "African",
    "Australia",
    "Australian",
    "Zealand",
    "Asian",
    "Indian",
    // Faiths, which describe people as nationalities do ("I'm Jewish", "Muslim Quist");
    // "Christian" is a given name too.
    "Jewish",
    "Muslim",
    "Muslims",
    "Hindu",
    "Buddhist",
    "Sikh",
];

/// Cities, states and other places news writes before a name ("Moscow", "Iowa", "Wall
/// Street"), which may still end one ("Jack London").
const PLACES: &[&str] = &[
    "Hong",
    "Kong",
    "Macao",
    "Macau",
    "Tokyo",
    "Beijing",
    "Moscow",
    "London",
    "Paris",
    "Berlin",
    "Bonn",
    "Brussels",
    "Washington",
    "Ottawa",
    "Toronto",
    "Sydney",
    "Frankfurt",
    "Zurich",
    "Geneva",
    "Madrid",
    "Rome",
    "Vienna",
    "Stockholm",
    "Seoul",
    "Manila",
    "Jakarta",
    "Bangkok",
    "Delhi",
    "Cairo",
    "Tehran",
    "Baghdad",
    "Kabul",
    "Jerusalem",
    "Kiev",
    "Kyiv",
    "Iowa",
    "Ohio",
    "Texas",
    "Florida",
    "California",
    "Illinois",
    "Michigan",
    "Wisconsin",
    "Pennsylvania",
    "Massachusetts",
    "Arizona",
    "Nevada",
    "Oregon",
    "Colorado",
    "Minnesota",
    "Kentucky",
    "Tennessee",
    "Alabama",
    "Louisiana",
    "Oklahoma",
    "Kansas",
    "Nebraska",
    "Utah",
    "Vermont",
    "Hampshire",
    "Jersey",
    "Maryland",
    "Connecticut",
    "Missouri",
    "Indiana",
    "Mississippi",
    "Arkansas",
    "Alaska",
    "Hawaii",
    "Idaho",
    "Montana",
    "Wyoming",
    "Dakota",
    "Delaware",
    "Maine",
    "Chicago",
    "Boston",
    "Detroit",
    "Houston",
    "Atlanta",
    "Miami",
    "Seattle",
    "Denver",
    "Philadelphia",
    "Baltimore",
    "Cleveland",
    "Pittsburgh",
    "Manhattan",
    "West",
    "East",
    "North",
    "South",
    "Brooklyn",
    "Wall",
    "Street",
    "Federal",
    "National",
    "International",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Central",
    "Latin",
    "Atlantic",
    "Pacific",
    "Gulf",
    "Persian",
    "Middle",
];

/// Nationalities that are also surnames ("Bill English", "Dawn French", "Irvine Welsh"): they
/// may end a name though they never open one.
const SURNAME_NATIONS: &[&str] = &["English", "French", "Welsh", "Irish", "Holland", "Ireland"];

/// The last words of a company's name: a run ending in one is an organisation ("Ford Motor
/// Co", "Sanyo Electric Co Ltd", "Deutsche Bank AG"), never a person.
const CORPORATE_SUFFIXES: &[&str] = &[
    "Co",
    "Cos",
    "Corp",
    "Inc",
    "Ltd",
    "Plc",
    "PLC",
    "AG",
    "SA",
    "NV",
    "BV",
    "SpA",
    "GmbH",
    "LLC",
    "LP",
    "Limited",
    "Bancorp",
    "Bancshares",
    "Holdings",
    "Industries",
    "Airlines",
    "Airways",
    "Motors",
    "Partners",
    "Securities",
    "Petroleum",
    "Enterprises",
    "Bros",
    "Trust",
    "Bank",
    "Group",
    "Markets",
];

/// Names that end like the adverbs and participles opening a sentence ("Recently",
/// "Excluding"), which [`is_sentence_adverb`] must not take for one.
const NAMES_ENDING_LIKE_ADVERBS: &[&str] = &[
    "Beverly", "Kimberly", "Shelly", "Emily", "Kelly", "Holly", "Molly", "Sally", "Billy", "Dolly",
    "Lilly", "Ashely", "Stanly", "Wally", "Willy", "Cicely", "Everly", "Irving", "Sterling",
    "Channing", "Manning", "Fleming", "Browning", "Downing", "Harding", "Hastings", "Jennings",
    "Golding", "Darling", "Cushing", "Gehring", "Kipling", "Pershing", "Redding",
];

/// Plural nouns that quotes give as their speakers at a sentence's start ("Dealers said"):
/// groups of people, not a name.
const PLURAL_SPEAKERS: &[&str] = &[
    "Analysts",
    "Dealers",
    "Traders",
    "Officials",
    "Economists",
    "Sources",
    "Experts",
    "Critics",
    "Residents",
    "Witnesses",
    "Investigators",
    "Prosecutors",
    "Officers",
    "Authorities",
    "Bankers",
    "Brokers",
    "Executives",
    "Diplomats",
    "Observers",
    "Researchers",
    "Scientists",
];

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

static TABLE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(TABLE_WORDS));
static PLACE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NATIONS.iter().chain(PLACES).copied().collect());
static NATION: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(NATIONS));
static CORPORATE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(CORPORATE_SUFFIXES));

/// Whether a word is a financial table's abbreviation or label, as a table writes it ("Shr",
/// "Revs", "Avg") or shouts it ("SHR").
pub(super) fn is_table_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    if TABLE.contains(word) {
        return true;
    }
    // A shouted table word ("QTR", "SHR"); short, so the copy is cheap and rare.
    word.len() <= 6
        && word.len() > 1
        && word.chars().all(|c| c.is_ascii_uppercase())
        && TABLE.contains(super::speaker_names::title_case_word(word).as_str())
}

/// Whether a name's last word can be a surname by its letters: one with a lowercase letter, or
/// a generation ("II"); a word in capitals alone ("Mobile TV") is not.
pub(super) fn ends_like_a_surname(last: &str) -> bool {
    last.chars().any(char::is_lowercase) || matches!(last, "II" | "III" | "IV")
}

/// Whether a word ends a company's name ("Co", "Inc.", "Ltd").
pub(super) fn is_corporate_suffix(word: &str) -> bool {
    CORPORATE.contains(word.trim_end_matches('.')) || CORPORATE.contains(word)
}

/// Whether a word is a place, a nationality or a place-based modifier ("Japan", "U.S.",
/// "Japanese", "Moscow-based"), none of which is part of a person's name.
pub(super) fn is_place(word: &str) -> bool {
    PLACE.contains(word) || word.ends_with("-based") || word.ends_with("-born")
}

/// Whether a word is a compound that describes what follows it by a place or an owner
/// ("San Francisco-based", "Portuguese-ruled", "state-owned", "Saudi-led"): the name, if any,
/// starts after it.
pub(super) fn is_describing_compound(word: &str) -> bool {
    [
        "-based",
        "-born",
        "-ruled",
        "-owned",
        "-backed",
        "-led",
        "-controlled",
        "-run",
    ]
    .iter()
    .any(|suffix| word.len() > suffix.len() + 1 && word.ends_with(suffix))
}

/// Whether a name of two words or more ends with the members of a union or trade body
/// ("United Auto Workers"), and so names that organisation; places alone before the members
/// ("U.S. Farmers" in a headline) describe them instead.
pub(super) fn names_members_body<'a>(mut words: impl DoubleEndedIterator<Item = &'a str>) -> bool {
    let Some(last) = words.next_back() else {
        return false;
    };
    let mut before = words.peekable();
    super::lexicon::MEMBERS_OF_AN_ORGANISATION.contains(&last)
        && before.peek().is_some()
        && !before.all(is_place)
}

/// Whether a word is a place that no person's name ends with: "Holland" may ("David
/// Holland"), "Carolina" may not.
pub(super) fn is_place_no_surname(word: &str) -> bool {
    is_place(word) && !SURNAME_NATIONS.contains(&word)
}

/// Whether a word is a country or a nationality that no person's name ends with ("Big US",
/// "Japan", "Japanese" said it).
pub(super) fn is_nation(word: &str) -> bool {
    NATION.contains(word) && !SURNAME_NATIONS.contains(&word)
}

/// How many of a person's name's first words are places, nationalities or place-based
/// modifiers ("Moscow-based US lawyer", "Japanese Hiroshi Quist"), a given name excepted; the
/// name is what follows. May be all of them: then the run names no one.
pub(super) fn places_before_name(words: &[&str], given: impl Fn(&str) -> bool) -> usize {
    words
        .iter()
        .take_while(|w| is_place(w) && !given(w))
        .count()
}

/// Whether a sentence's first word is an adverb or a participle that opens it ("Recently
/// Apple said…", "Excluding Brazil, exports rose") rather than a given name: at least six
/// letters ending in "ly" or "ing".
pub(super) fn is_sentence_adverb(word: &str) -> bool {
    word.len() >= 6
        && (word.ends_with("ly") || word.ends_with("ing"))
        && word.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && !NAMES_ENDING_LIKE_ADVERBS.contains(&word)
}

/// Whether a one-word speaker is a group of people ("Dealers said"), not a name: a plural
/// the lists know, or one the text also writes in lower case (`lower_case` holds those).
pub(super) fn is_plural_noun(word: &str, lower_case: &HashSet<String>) -> bool {
    PLURAL_SPEAKERS.contains(&word)
        || (word.ends_with('s') && word.len() > 3 && lower_case.contains(&word.to_lowercase()))
}
