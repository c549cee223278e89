//! Resolves speaker mentions to names: pronouns to the most recent
//! compatible speaker, last names and possessives to the full name already
//! introduced.

use super::antecedents::{description_wants, pronoun_wants, Actors};
use super::lexicon::is_plural_description;
use super::np::{MKind, Mention};

/// Common first names with a clear gender: enough to keep "she" from
/// resolving to a man when both are in play. Unknown names stay neutral.
const MALE: &[&str] = &[
    "john",
    "james",
    "robert",
    "michael",
    "william",
    "david",
    "richard",
    "joseph",
    "thomas",
    "charles",
    "christopher",
    "daniel",
    "matthew",
    "anthony",
    "donald",
    "mark",
    "paul",
    "steven",
    "andrew",
    "kenneth",
    "joshua",
    "kevin",
    "brian",
    "george",
    "edward",
    "ronald",
    "timothy",
    "jason",
    "jeffrey",
    "ryan",
    "jacob",
    "gary",
    "nicholas",
    "eric",
    "jonathan",
    "stephen",
    "larry",
    "justin",
    "scott",
    "brandon",
    "benjamin",
    "samuel",
    "frank",
    "gregory",
    "raymond",
    "alexander",
    "patrick",
    "jack",
    "dennis",
    "jerry",
    "tyler",
    "aaron",
    "jose",
    "henry",
    "adam",
    "douglas",
    "nathan",
    "peter",
    "zachary",
    "kyle",
    "walter",
    "harold",
    "jeremy",
    "ethan",
    "carl",
    "keith",
    "roger",
    "gerald",
    "christian",
    "terry",
    "sean",
    "arthur",
    "austin",
    "noah",
    "lawrence",
    "jesse",
    "joe",
    "bryan",
    "billy",
    "jordan",
    "albert",
    "dylan",
    "bruce",
    "willie",
    "gabriel",
    "alan",
    "juan",
    "logan",
    "wayne",
    "ralph",
    "roy",
    "eugene",
    "randy",
    "vincent",
    "russell",
    "louis",
    "philip",
    "bobby",
    "johnny",
    "bradley",
    "bill",
    "mike",
    "chris",
    "tim",
    "ben",
    "jeff",
    "rick",
    "tom",
    "jim",
    "bob",
    "dan",
    "steve",
    "tony",
    "greg",
    "ron",
    "leo",
    "vitali",
    "ivan",
    "vladimir",
    "sergei",
    "dmitry",
    "mohammed",
    "ahmed",
    "ali",
    "carlos",
    "luis",
    "pedro",
    "lindsey",
    "sean",
    "mr.",
    "mr",
    "sir",
    "king",
    "prince",
    "pope",
    "lord",
];
const FEMALE: &[&str] = &[
    "mary",
    "patricia",
    "jennifer",
    "linda",
    "elizabeth",
    "barbara",
    "susan",
    "jessica",
    "sarah",
    "karen",
    "nancy",
    "lisa",
    "betty",
    "margaret",
    "sandra",
    "ashley",
    "kimberly",
    "emily",
    "donna",
    "michelle",
    "dorothy",
    "carol",
    "amanda",
    "melissa",
    "deborah",
    "stephanie",
    "rebecca",
    "sharon",
    "laura",
    "cynthia",
    "kathleen",
    "amy",
    "shirley",
    "angela",
    "helen",
    "anna",
    "brenda",
    "pamela",
    "nicole",
    "emma",
    "samantha",
    "katherine",
    "christine",
    "debra",
    "rachel",
    "catherine",
    "carolyn",
    "janet",
    "ruth",
    "maria",
    "heather",
    "diane",
    "virginia",
    "julie",
    "joyce",
    "victoria",
    "olivia",
    "kelly",
    "christina",
    "lauren",
    "joan",
    "evelyn",
    "judith",
    "megan",
    "cheryl",
    "andrea",
    "hannah",
    "martha",
    "jacqueline",
    "frances",
    "gloria",
    "ann",
    "teresa",
    "kathryn",
    "sara",
    "janice",
    "jean",
    "alice",
    "madison",
    "doris",
    "abigail",
    "julia",
    "judy",
    "grace",
    "denise",
    "amber",
    "marilyn",
    "beverly",
    "danielle",
    "theresa",
    "sophia",
    "marie",
    "diana",
    "brittany",
    "natalie",
    "isabella",
    "charlotte",
    "rose",
    "alexis",
    "kayla",
    "sarah",
    "hope",
    "jill",
    "donna",
    "mrs.",
    "ms.",
    "mrs",
    "ms",
    "madam",
    "queen",
    "princess",
    "lady",
    "dame",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

#[derive(Debug)]
struct Entity {
    name: String,
    last: String,
    gender: Option<Gender>,
    person: bool,
    /// When the text introduced it, counted in introductions.
    introduced: usize,
}

/// The speakers introduced so far, most recent last.
#[derive(Default)]
pub(crate) struct Registry {
    ents: Vec<Entity>,
    introductions: usize,
}

pub(crate) fn gender_of(first: &str) -> Option<Gender> {
    let f = first.to_lowercase();
    if MALE.contains(&f.as_str()) {
        Some(Gender::Male)
    } else if FEMALE.contains(&f.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

fn last_name(name: &str) -> &str {
    let parts: Vec<&str> = name.split_whitespace().collect();
    let mut i = parts.len();
    while i > 1
        && matches!(
            parts[i - 1],
            "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV"
        )
    {
        i -= 1;
    }
    parts.get(i.wrapping_sub(1)).copied().unwrap_or(name)
}

impl Registry {
    /// Moves entity `k` to the most recent position and returns its name.
    fn touch(&mut self, k: usize) -> String {
        let e = self.ents.remove(k);
        let n = e.name.clone();
        self.ents.push(e);
        n
    }

    /// Resolves a mention to the name a person should see, updating the
    /// registry: a pronoun or a definite description to the actor it stands
    /// for, a name to the full name introduced before. None when a pronoun
    /// stands for no one the text names: "he" is not a name.
    pub fn resolve(&mut self, m: &Mention, actors: &Actors) -> Option<String> {
        let want = match m.kind {
            // A plural description that opens a sentence ("Analysts said") is no name: it is
            // shown as it is written inside one, so that both are the same sources.
            // Unless it ends a name met before: "Police said" after "Greater Manchester Police".
            MKind::Named
                if !m.name.contains(' ')
                    && is_plural_description(&m.name)
                    && !self
                        .ents
                        .iter()
                        .any(|e| e.last == m.name && e.name != m.name) =>
            {
                let lower = Mention {
                    name: m.name.to_lowercase(),
                    ..m.clone()
                };
                return Some(self.named(&lower));
            }
            MKind::Named => return Some(self.named(m)),
            MKind::Pronoun => pronoun_wants(&m.name),
            MKind::Common => description_wants(&m.name),
        };
        let found = want.and_then(|w| {
            actors
                .nearest(m.ti, w, |name| self.is_person(name))
                .cloned()
        });
        // A quantifier alone ("some said", "many said") describes no one.
        let quantifier = matches!(
            m.name.to_lowercase().as_str(),
            "some" | "many" | "several" | "most" | "few" | "both" | "all" | "one" | "two"
        );
        match (found, m.kind) {
            (None, MKind::Common) if quantifier => None,
            (Some(a), _) if a.kind == MKind::Common => Some(a.name),
            (Some(a), _) => Some(self.named(&a)),
            (None, MKind::Pronoun) => self.pronoun(&m.name),
            (None, _) => Some(m.name.clone()),
        }
    }

    /// Whether a one-word name is the last name of a person met before.
    fn is_person(&self, name: &str) -> bool {
        self.ents
            .iter()
            .any(|e| e.person && (e.last == name || e.name == name))
    }

    fn named(&mut self, m: &Mention) -> String {
        let name = m.name.trim();
        let words = name.split_whitespace().count();
        let honor = m.role.as_deref().and_then(|r| r.split_whitespace().next());
        let g = honor.and_then(gender_of);
        if words == 1 {
            // A last name (or organisation) already introduced. When several people share it,
            // an honorific's gender chooses ("Mrs. Obama"), and otherwise the one the text
            // introduced first: a writer who brings in a second Murdoch names him in full or
            // as "James", and "Mr. Murdoch" stays the first (the most recent one was taken).
            let shares = |e: &Entity| e.last == name || e.name == name;
            let fits =
                |e: &Entity| shares(e) && (g.is_none() || e.gender.is_none() || e.gender == g);
            let mut fitting = self.ents.iter().filter(|e| fits(e));
            let first = fitting.next().map(|e| e.name.as_str());
            let several_people = first.is_some_and(|n| fitting.any(|e| e.name != n));
            let chosen = if several_people {
                self.ents
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| fits(e))
                    .min_by_key(|(_, e)| e.introduced)
                    .map(|(k, _)| k)
            } else {
                self.ents
                    .iter()
                    .rposition(fits)
                    .or_else(|| self.ents.iter().rposition(shares))
            };
            if let Some(k) = chosen {
                if self.ents[k].gender.is_none() {
                    self.ents[k].gender = g;
                }
                return self.touch(k);
            }
        } else if let Some(k) = self.ents.iter().rposition(|e| e.name == name) {
            return self.touch(k);
        }
        let first = name.split_whitespace().next().unwrap_or("");
        let gender = g.or_else(|| (words > 1).then(|| gender_of(first)).flatten());
        self.introductions += 1;
        self.ents.push(Entity {
            name: name.to_string(),
            last: last_name(name).to_string(),
            gender,
            person: (words > 1 || gender.is_some()) && !looks_like_org(name),
            introduced: self.introductions,
        });
        // Only recent speakers matter, and a bound keeps lookups constant-time.
        if self.ents.len() > 64 {
            self.ents.remove(0);
        }
        name.to_string()
    }

    fn pronoun(&mut self, p: &str) -> Option<String> {
        let want = match p.to_lowercase().as_str() {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let Some(want) = want else {
            // "It" is never a man or a woman: "It said it expects …" after analyst John Ing
            // was quoted is the company, or no one the registry holds. Only a known gender
            // marks a person here; "Capitol Bancorp" has two words, as people's names do.
            if p.eq_ignore_ascii_case("it") {
                let k = self.ents.iter().rposition(|e| e.gender.is_none())?;
                return Some(self.touch(k));
            }
            // "they", "we": the most recent speaker of any kind.
            let n = self.ents.len();
            return (n > 0).then(|| self.touch(n - 1));
        };
        // A man or a woman is a person: an organisation is never "he".
        let fits = |e: &Entity| e.person && e.gender.is_none_or(|g| g == want);
        let k = self.ents.iter().rposition(fits)?;
        self.ents[k].gender.get_or_insert(want);
        Some(self.touch(k))
    }
}

/// Organisation names are not antecedents of "he" or "she".
pub(crate) fn looks_like_org(name: &str) -> bool {
    const ORG: &[&str] = &[
        "Times",
        "News",
        "Post",
        "Journal",
        "Department",
        "Party",
        "Committee",
        "Campaign",
        "Council",
        "Institute",
        "University",
        "Association",
        "Agency",
        "Office",
        "Bureau",
        "Inc.",
        "Inc",
        "Corp.",
        "Corp",
        "Co",
        "Ltd",
        "Plc",
        "Bank",
        "Exchange",
        "Security",
        "Securities",
        "Systems",
        "Labs",
        "Lab",
        "Technologies",
        "Ministry",
        "Magazine",
        "Group",
        "Foundation",
        "Center",
        "Network",
        "Press",
        "Tribune",
        "Service",
        "Commission",
        "Court",
        "House",
        "Senate",
        "Ministry",
        "Union",
        "Reuters",
        "Hotels",
        "Airlines",
        "Airways",
        "Motors",
        "Industries",
        "Holdings",
        "Resources",
        "Mines",
        "Enterprises",
    ];
    name.split_whitespace().any(|w| ORG.contains(&w))
}
