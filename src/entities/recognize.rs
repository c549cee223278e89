//! Finds the people and organisations a text names and groups their mentions per actor.
//!
//! Capitalised runs of words are the candidates. A run is an organisation when it carries an
//! organisation word ("Department", "Times"), is a known alias ("DoJ") or an acronym; it is a
//! person when a quote names it as speaker, a title precedes it, its first word is a common
//! given name, or its last word recurs alone (news style: "Pyotr Levashov", then "Levashov").
//! Single words then attach to the actors already found: a surname, a misspelt surname, an
//! organisation's short name. Every step looks at a bounded window, so the whole is linear.

use super::lexicon::{
    GIVEN_NAMES, NOT_NAME_WORDS, NOT_ORGANISATION_ACRONYMS, ORGANISATION_HEADS, PERSON_TITLES,
};
use super::names::{
    before_of, fold_key, is_name_stop_word, is_office, is_spelling_variant, known_organisation,
    person_name_start, surname_key, GROUPS, PARTY_MEMBERS,
};
use super::speaker_names::{affiliation, appositive, clean_speaker_name, title_case_if_shouted};
use super::{Alias, DocEntity, EntityKind, Mention, Recognized};
use crate::quotes::Quote;

/// Titles that name a person by surname alone ("Mr. Quist", "President Abara"), unlike titles
/// that also open offices ("Chief Executive", "Special Counsel").
const HONORIFICS: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Prof.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "President",
    "Senator",
    "Governor",
    "Judge",
    "Mayor",
];

/// Lower-case words that may sit inside a name ("Bank of America", "Ludwig van Beethoven").
const CONNECTORS: &[&str] = &[
    "of", "de", "van", "von", "der", "bin", "al", "la", "du", "da",
];

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "him", "her", "them"];

struct Word {
    start: usize,
    end: usize,
    text: String,
    possessive: bool,
    sentence_start: bool,
}

impl Word {
    fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    fn is_acronym(&self) -> bool {
        let letters: Vec<char> = self.text.chars().filter(|c| c.is_alphabetic()).collect();
        let upper = letters.iter().filter(|c| c.is_uppercase()).count();
        (2..=6).contains(&letters.len())
            && upper >= 2
            && letters.first().is_some_and(|c| c.is_uppercase())
            && letters.last().is_some_and(|c| c.is_uppercase())
            && !self.text.contains('.')
            && !NOT_ORGANISATION_ACRONYMS.contains(&self.text.as_str())
            && !is_name_stop_word(&self.text)
    }

    fn is_initial(&self) -> bool {
        let chars: Vec<char> = self.text.chars().collect();
        chars.len() == 2 && chars[0].is_uppercase() && chars[1] == '.'
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits the text into words with char offsets, keeping "U.S." and "A." whole, taking a
/// possessive "'s" off ("Dell'sSecureWorks", glued by a bad page, gives "Dell" and
/// "SecureWorks"), and marking the words that open a sentence.
fn words(chars: &[char]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = chars.len();
    let mut sentence_start = true;
    while i < n {
        let c = chars[i];
        if !is_word_char(c) {
            if matches!(c, '.' | '!' | '?' | '\n') {
                sentence_start = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut possessive = false;
        let mut end = i + 1;
        while end < n {
            let c = chars[end];
            let next = chars.get(end + 1).copied();
            if is_word_char(c) {
                end += 1;
            } else if matches!(c, '\'' | '’') && next == Some('s') {
                let after = chars.get(end + 2).copied();
                if after.is_none_or(|a| !is_word_char(a) || a.is_uppercase()) {
                    possessive = true;
                    break;
                }
                end += 1;
            } else if matches!(c, '.' | '-' | '&' | '\'' | '’') && next.is_some_and(is_word_char)
            {
                // "U.S", "Jean-Luc", "AT&T", "O'Brien"; a sentence glued to the next one
                // ("warrant.The") is split where a lower-case word meets a capital.
                if c == '.' && chars[end - 1].is_lowercase() && end - start > 1 {
                    break;
                }
                end += 1;
            } else {
                break;
            }
        }
        let mut text: String = chars[start..end].iter().collect();
        let single_capital = end - start == 1 && chars[start].is_uppercase();
        // An abbreviated title's full stop ends no sentence: "Mr. Quist" is one run.
        let dotted = text.contains('.')
            || matches!(
                text.as_str(),
                "Jr" | "Sr"
                    | "St"
                    | "Mr"
                    | "Mrs"
                    | "Ms"
                    | "Dr"
                    | "Prof"
                    | "Sen"
                    | "Rep"
                    | "Gov"
                    | "Gen"
                    | "Lt"
                    | "Col"
                    | "Capt"
                    | "Sgt"
            );
        if end < n && chars[end] == '.' && (single_capital || dotted) {
            text.push('.');
            end += 1;
        }
        let mut next = end;
        if possessive {
            next = end + 2;
        } else if end < n && matches!(chars[end], '\'' | '’') && text.ends_with('s') {
            possessive = true;
            next = end + 1;
        }
        out.push(Word {
            start,
            end,
            text,
            possessive,
            sentence_start,
        });
        sentence_start = false;
        i = next;
    }
    out
}

/// Maximal runs of capitalised words (with connectors and initials inside), as word ranges.
fn runs(words: &[Word], chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].is_capitalised() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < words.len() && !words[end - 1].possessive {
            let gap: String = chars[words[end - 1].end..words[end].start].iter().collect();
            if !gap.chars().all(|c| c == ' ') || gap.len() > 2 || words[end].sentence_start {
                break;
            }
            let w = &words[end];
            if w.is_capitalised() {
                end += 1;
            } else if CONNECTORS.contains(&w.text.as_str())
                && words.get(end + 1).is_some_and(|n| n.is_capitalised())
            {
                end += 2;
            } else {
                break;
            }
        }
        out.push((start, end.min(words.len())));
        i = end;
    }
    out
}

fn text_of(chars: &[char], words: &[Word], a: usize, b: usize) -> String {
    chars[words[a].start..words[b - 1].end].iter().collect()
}

/// The folded keys of one entity, kept beside it so that lookups fold each name only once.
struct Keys {
    /// The name's key and every alias's key.
    all: Vec<String>,
    surname: Option<String>,
}

struct Builder<'a> {
    chars: &'a [char],
    out: Recognized,
    keys: Vec<Keys>,
    /// Mention spans by start, to refuse overlapping mentions in logarithmic time.
    taken: std::collections::BTreeMap<usize, usize>,
}

impl Builder<'_> {
    fn find(&self, name: &str, kind: Option<EntityKind>) -> Option<usize> {
        let key = fold_key(name);
        let canonical = known_organisation(name).map(fold_key);
        self.out
            .entities
            .iter()
            .zip(&self.keys)
            .position(|(e, keys)| {
                kind.is_none_or(|k| e.kind == k)
                    && (keys.all.contains(&key)
                        || canonical
                            .as_ref()
                            .is_some_and(|c| keys.all.first() == Some(c)))
            })
    }

    /// The entity for `name`, created if new.
    fn entity(&mut self, name: &str, kind: EntityKind, evidence: &str) -> usize {
        let display = match kind {
            EntityKind::Organization => known_organisation(name).unwrap_or(name),
            EntityKind::Person => name,
        };
        let index = match self.find(name, Some(kind)) {
            Some(index) => index,
            None => {
                self.out.entities.push(DocEntity {
                    name: display.to_string(),
                    kind,
                    role: None,
                    aliases: Vec::new(),
                });
                self.keys.push(Keys {
                    all: vec![fold_key(display)],
                    surname: match kind {
                        EntityKind::Person => surname_key(display),
                        EntityKind::Organization => None,
                    },
                });
                self.out.entities.len() - 1
            }
        };
        self.alias(index, name, 1.0, evidence);
        index
    }

    fn alias(&mut self, entity: usize, surface: &str, confidence: f32, evidence: &str) {
        let key = fold_key(surface);
        let e = &mut self.out.entities[entity];
        if !e.aliases.iter().any(|a| a.surface == surface) {
            e.aliases.push(Alias {
                surface: surface.to_string(),
                confidence,
                evidence: evidence.to_string(),
            });
            if !self.keys[entity].all.contains(&key) {
                self.keys[entity].all.push(key);
            }
        }
    }

    fn mention(&mut self, entity: usize, start: usize, end: usize, role: Option<String>) {
        let before = self.taken.range(..end).next_back();
        if before.is_some_and(|(_, &taken_end)| taken_end > start) {
            return;
        }
        self.taken.insert(start, end);
        let surface = self.chars[start..end].iter().collect();
        self.out.mentions.push(Mention {
            entity,
            start,
            end,
            surface,
            role,
        });
    }
}

fn organisation_like(name: &str, words: &[&Word]) -> bool {
    known_organisation(name).is_some()
        || words
            .iter()
            .any(|w| ORGANISATION_HEADS.contains(&w.text.trim_end_matches('.')))
        || (words.len() == 1 && words[0].is_acronym())
}

/// The people and organisations `text` names, with every mention, using `quotes` (extracted
/// from the same text) for speakers and their roles.
pub fn recognize(text: &str, quotes: &[Quote]) -> Recognized {
    let chars: Vec<char> = text.chars().collect();
    let words = words(&chars);
    let runs = runs(&words, &chars);
    let mut b = Builder {
        chars: &chars,
        out: Recognized::default(),
        keys: Vec::new(),
        taken: std::collections::BTreeMap::new(),
    };

    // Speakers first: the quotes already resolved their names and roles.
    for quote in quotes {
        let Some(speaker) = &quote.speaker else {
            continue;
        };
        let Some(name) = clean_speaker_name(&speaker.name) else {
            continue;
        };
        let name = name.as_str();
        let name_words: Vec<&str> = name.split_whitespace().collect();
        let acronym = name_words.len() == 1
            && Word {
                start: 0,
                end: 0,
                text: name.to_string(),
                possessive: false,
                sentence_start: false,
            }
            .is_acronym();
        let last = name_words.last().copied().unwrap_or("");
        // "an Iowa Republican" or "the Chief Operating Officer" describes a person without
        // naming one.
        if PARTY_MEMBERS.contains(&last) || is_office(last) {
            continue;
        }
        let kind = if acronym
            || known_organisation(name).is_some()
            || name_words.iter().any(|w| ORGANISATION_HEADS.contains(w))
            || GROUPS.contains(&last)
        {
            EntityKind::Organization
        } else {
            EntityKind::Person
        };
        // "Florida Senator Marco Rubio" said it: the person is Marco Rubio.
        let trimmed;
        let name = if kind == EntityKind::Person {
            let words: Vec<&str> = before_of(name).split_whitespace().collect();
            trimmed = words[person_name_start(&words)..].join(" ");
            trimmed.as_str()
        } else {
            name
        };
        let index = b.entity(name, kind, "named as the speaker of a quote");
        if let Some(role) = &speaker.role {
            b.out.entities[index]
                .role
                .get_or_insert_with(|| role.clone());
            if let Some(org) = affiliation(role) {
                let person = b.out.entities[index].name.clone();
                b.entity(
                    &org,
                    EntityKind::Organization,
                    &format!("affiliation of {person}"),
                );
            }
        }
        let surface: String = chars[speaker.start.min(chars.len())..speaker.end.min(chars.len())]
            .iter()
            .collect();
        if !PRONOUNS.contains(&surface.to_lowercase().as_str()) && !surface.is_empty() {
            b.mention(index, speaker.start, speaker.end, speaker.role.clone());
        }
    }

    // Standalone capitalised words, counted so a recurring surname marks its full name.
    let mut alone: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for &(a, z) in &runs {
        if z - a == 1 {
            *alone.entry(fold_key(&words[a].text)).or_default() += 1;
        }
    }

    // Multi-word names and acronyms.
    let mut singles = Vec::new();
    for &(a, z) in &runs {
        let mut a = a;
        let mut titled = false;
        while a < z
            && (NOT_NAME_WORDS.contains(&words[a].text.as_str())
                || PERSON_TITLES.contains(&words[a].text.as_str())
                || is_name_stop_word(&words[a].text)
                || words[a].text.ends_with("-based"))
        {
            let full = text_of(&chars, &words, a, z);
            // A stop word never opens a name, an organisation's included ("Top Republican
            // Party"); other words before an organisation's head may be part of its name.
            let removable = is_name_stop_word(&words[a].text) || words[a].text.ends_with("-based");
            if !removable
                && organisation_like(&full, &words[a..z].iter().collect::<Vec<_>>())
                && !matches!(words[a].text.as_str(), "The" | "A" | "An")
                && !words[a].sentence_start
            {
                break;
            }
            titled |= PERSON_TITLES.contains(&words[a].text.as_str());
            a += 1;
        }
        if a >= z {
            continue;
        }
        let run: Vec<&Word> = words[a..z].iter().collect();
        let name = text_of(&chars, &words, a, z);
        let (start, end) = (words[a].start, words[z - 1].end);
        let shouting = |i: usize| {
            words.get(i).is_some_and(|w| {
                w.text.chars().filter(|c| c.is_alphabetic()).count() > 1
                    && w.text.chars().all(|c| !c.is_lowercase())
            })
        };
        // A word in capitals next to other words in capitals is a shouted heading
        // ("FICTIONAL DEMO"), not an acronym.
        if run.len() == 1 && run[0].is_acronym() && (shouting(a + 1) || (a > 0 && shouting(a - 1)))
        {
            continue;
        }
        if organisation_like(&name, &run) {
            let index = b.entity(&name, EntityKind::Organization, "named in the text");
            b.mention(index, start, end, None);
            continue;
        }
        if run.len() == 1 {
            // "Mr. Quist" names a person even where the text never gives the full name; the
            // case then resolves the surname across documents.
            let honorific = titled && a > 0 && HONORIFICS.contains(&words[a - 1].text.as_str());
            singles.push((a, honorific));
            continue;
        }
        // A party member or a group is described, not named; a person's name ends before
        // "of" and a place ("Marco Quist of Florida").
        let last = run.last().map_or("", |w| w.text.as_str());
        if PARTY_MEMBERS.contains(&last) || GROUPS.contains(&last) || is_office(last) {
            continue;
        }
        let z = match run.iter().position(|w| w.text == "of") {
            Some(i) if i > 0 => a + i,
            _ => z,
        };
        let run: Vec<&Word> = words[a..z].iter().collect();
        let end = words[z - 1].end;
        if run.len() == 1 {
            singles.push((a, titled));
            continue;
        }
        // An office, a place or a party before the name is not part of it.
        let texts: Vec<&str> = run.iter().map(|w| w.text.as_str()).collect();
        let skip = person_name_start(&texts);
        if skip > 0 {
            titled = true;
            a += skip;
        }
        let run: Vec<&Word> = words[a..z].iter().collect();
        let name = text_of(&chars, &words, a, z);
        let start = words[a].start;
        if run.len() == 1 {
            singles.push((a, true));
            continue;
        }
        let plain = run
            .iter()
            .all(|w| !NOT_NAME_WORDS.contains(&w.text.as_str()) && !w.text.contains('&'));
        if !plain || run.len() > 4 || run.last().is_some_and(|w| w.is_initial()) {
            continue;
        }
        let surname = surname_key(&name).unwrap_or_default();
        let known = b.find(&name, Some(EntityKind::Person)).is_some();
        let recurs = alone.get(&surname).copied().unwrap_or(0) >= 1;
        let given = GIVEN_NAMES.contains(&run[0].text.as_str());
        if !(known || titled || given || recurs) {
            continue;
        }
        let evidence = if known {
            "named as the speaker of a quote"
        } else if titled {
            "a title precedes the name"
        } else if recurs {
            "full name; the surname recurs alone"
        } else {
            "a common given name"
        };
        let index = b.entity(&title_case_if_shouted(&name), EntityKind::Person, evidence);
        b.alias(index, &name, 1.0, evidence);
        let role = appositive(&chars, end);
        if let Some(role) = &role {
            b.out.entities[index]
                .role
                .get_or_insert_with(|| role.clone());
        }
        b.mention(index, start, end, role);
    }

    // Single words: surnames, misspelt surnames, organisations' short names.
    for (a, honorific) in singles {
        let w = &words[a];
        let key = fold_key(&w.text);
        let found = b
            .out
            .entities
            .iter()
            .zip(&b.keys)
            .enumerate()
            .find_map(|(i, (e, keys))| {
                let alias = keys.all.contains(&key);
                match e.kind {
                    EntityKind::Person => {
                        let surname = keys.surname.as_deref()?;
                        if surname == key || alias {
                            Some((
                                i,
                                0.9,
                                format!("surname of {} in the same document", e.name),
                            ))
                        } else if is_spelling_variant(&key, surname) {
                            Some((
                                i,
                                0.75,
                                format!(
                                    "spelling variant of {} (one letter differs) in the same \
                                     document",
                                    e.name
                                ),
                            ))
                        } else {
                            None
                        }
                    }
                    EntityKind::Organization => {
                        alias.then(|| (i, 1.0, "named in the text".to_string()))
                    }
                }
            });
        if let Some((entity, confidence, evidence)) = found {
            let surface = w.text.clone();
            b.alias(entity, &surface, confidence, &evidence);
            b.mention(entity, w.start, w.end, None);
        } else if honorific
            && !w.is_acronym()
            && !NOT_NAME_WORDS.contains(&w.text.as_str())
            && !is_name_stop_word(&w.text)
            && w.text
                .chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '-' || c == '\'')
        {
            let surface = w.text.clone();
            let index = b.entity(&surface, EntityKind::Person, "a title precedes the name");
            b.mention(index, w.start, w.end, None);
        }
    }
    link_acronyms(&mut b.out);
    b.out.mentions.sort_by_key(|m| m.start);
    b.out
}

/// The initials of an organisation's name, the words its acronym is made of ("Singapore
/// Airlines" → "SA", "United Auto Workers" → "UAW"); connectors and articles do not count.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !matches!(*w, "of" | "and" | "the" | "for" | "&" | "The"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// An acronym the same text spells out ("United Auto Workers … the UAW") is that organisation:
/// its mentions and its name as an alias move to the full name. Each acronym is compared with
/// the document's organisations once, so this is linear in them per acronym.
fn link_acronyms(out: &mut Recognized) {
    let orgs: Vec<usize> = (0..out.entities.len())
        .filter(|&i| out.entities[i].kind == EntityKind::Organization)
        .collect();
    let mut into: Vec<Option<usize>> = vec![None; out.entities.len()];
    for &a in &orgs {
        let acronym = &out.entities[a].name;
        let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
        if acronym.contains(' ') || letters < 2 || acronym.chars().any(char::is_lowercase) {
            continue;
        }
        let spelled: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        let full = orgs.iter().copied().find(|&f| {
            f != a
                && out.entities[f].name.contains(' ')
                && initials(&out.entities[f].name) == spelled
        });
        into[a] = full;
    }
    if into.iter().all(Option::is_none) {
        return;
    }
    for (a, full) in into.iter().enumerate() {
        if let Some(f) = *full {
            let name = out.entities[a].name.clone();
            let evidence = format!("acronym of {} in the same document", out.entities[f].name);
            let aliases = std::mem::take(&mut out.entities[a].aliases);
            let target = &mut out.entities[f];
            for alias in aliases {
                if !target.aliases.iter().any(|x| x.surface == alias.surface) {
                    target.aliases.push(Alias {
                        surface: alias.surface,
                        confidence: 0.9,
                        evidence: evidence.clone(),
                    });
                }
            }
            if !target.aliases.iter().any(|x| x.surface == name) {
                target.aliases.push(Alias {
                    surface: name,
                    confidence: 0.9,
                    evidence,
                });
            }
        }
    }
    // Drop the linked acronyms and renumber the mentions.
    let mut new_index = vec![0; out.entities.len()];
    let mut kept = Vec::with_capacity(out.entities.len());
    for (i, entity) in std::mem::take(&mut out.entities).into_iter().enumerate() {
        if into[i].is_none() {
            new_index[i] = kept.len();
            kept.push(entity);
        }
    }
    for (i, full) in into.iter().enumerate() {
        if let Some(f) = *full {
            new_index[i] = new_index[f];
        }
    }
    out.entities = kept;
    for m in &mut out.mentions {
        m.entity = new_index[m.entity];
    }
}
