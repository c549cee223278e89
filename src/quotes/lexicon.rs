//! Word lists used by the noun-phrase and cue parsers.

/// Speech and reporting verbs, as written. A quote is attributed only when
/// one of these links it to a speaker, which keeps titles and scare quotes
/// out.
pub(crate) const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "adding",
    "continued",
    "continues",
    "noted",
    "notes",
    "noting",
    "observed",
    "observes",
    "maintained",
    "maintains",
    "explained",
    "explains",
    "explaining",
    "wrote",
    "writes",
    "writing",
    "tweeted",
    "tweets",
    "tweeting",
    "stated",
    "states",
    "asked",
    "asks",
    "asking",
    "argued",
    "argues",
    "arguing",
    "claimed",
    "claims",
    "claiming",
    "declared",
    "declares",
    "insisted",
    "insists",
    "insisting",
    "warned",
    "warns",
    "warning",
    "replied",
    "replies",
    "responded",
    "responds",
    "remarked",
    "recalled",
    "recalls",
    "acknowledged",
    "acknowledges",
    "announced",
    "announces",
    "quipped",
    "quips",
    "quip",
    "joked",
    "jokes",
    "countered",
    "conceded",
    "concedes",
    "admitted",
    "admits",
    "suggested",
    "suggests",
    "concluded",
    "emphasized",
    "emphasised",
    "stressed",
    "shouted",
    "shouting",
    "yelled",
    "yelling",
    "exclaimed",
    "posted",
    "predicted",
    "predicts",
    "promised",
    "vowed",
    "complained",
    "complains",
    "boasted",
    "urged",
    "urges",
    "reported",
    "reports",
    "cautioned",
    "agreed",
    "agrees",
    "testified",
    "wondered",
    "mused",
    "lamented",
    "confirmed",
    "confirms",
    // Verbs that report what someone made known; after them only a clause is speech
    // (`clause.rs`), so "revealed a new plan" stays out.
    "revealed",
    "reveals",
    // Not "alleged": it is as often the adjective ("the alleged hacker said"), and a cue
    // inside a speaker's description cuts it.
    "alleges",
    "disclosed",
    "discloses",
    "hinted",
    "hints",
    "assured",
    "assures",
    "denied",
    "recounted",
    "scoffed",
    "retorted",
    "commented",
    "asserted",
    "asserts",
    "opined",
    "pleaded",
    "demanded",
    "proclaimed",
    "contended",
    "contends",
    "texted",
    "emailed",
    "whispered",
    "explained",
    "chanted",
    "sang",
    "read",
    "reads",
    "began",
    "begins",
    "interjected",
    "interrupted",
    "elaborated",
    "reiterated",
    "thundered",
    "wrote",
    "mocked",
    "charged",
    "pointed",
    "went",
    "chided",
    "fumed",
    "groused",
    "marveled",
    "sighed",
    "laughed",
    "barked",
    "mocks",
    "conclude",
    "concludes",
    "answered",
    "answers",
    "retaliated",
    "echoed",
    "echoes",
    "beamed",
    "boomed",
    "sings",
    "yells",
    "shouts",
    "chants",
    "snapped",
    "shot",
    "fired",
    "hit",
    "points",
    "gushed",
    "interjects",
    "stating",
    "interjecting",
    "chanting",
    "singing",
    "put",
    "puts",
];

/// Cues that raise the voice: what follows them is said aloud, never a title or a name
/// written somewhere.
pub(crate) fn voiced(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    [
        "chant",
        "sang",
        "sing",
        "shout",
        "yell",
        "interject",
        "exclaim",
    ]
    .iter()
    .any(|stem| w.starts_with(stem))
        && CUES.contains(&w.as_str())
}

/// The corporate forms that end a company's name ("Merck and Co Inc", "Heck's Inc"), with
/// or without their period.
pub(crate) fn is_corporate_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Co" | "Company" | "Inc" | "Corp" | "Ltd" | "Plc" | "PLC" | "LLC" | "Sons" | "Partners"
    )
}

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "one", "his", "her", "their", "its", "our", "both", "two",
    "three", "several", "some", "many", "other", "each", "my", "your", "this",
];

/// Words that start a sentence but never a speaker's name.
pub(crate) const CAP_STOP: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "Meanwhile",
    "However",
    "Still",
    "Yet",
    "Then",
    "So",
    "In",
    "On",
    "At",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "Later",
    "Also",
    "Earlier",
    "Now",
    "Both",
    "Asked",
    "Speaking",
    "Writing",
    "Last",
    "This",
    "That",
    "Though",
    "Although",
    "If",
    "Instead",
    "Indeed",
    "Tuesday",
    "Monday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Here",
    "There",
    "It",
    "We",
    "I",
    "They",
    "He",
    "She",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "For",
    "From",
    "With",
    "Of",
    "By",
    "To",
    "Since",
    "Because",
    "Or",
    "Not",
    "Even",
    "Just",
    "Only",
    "Today",
    "Yesterday",
    "Tonight",
    "Separately",
    "Similarly",
    "Why",
    "What",
    "How",
    "Where",
    "Who",
    "Among",
    "Likewise",
];

/// Title words: kept as the role, dropped from the name.
pub(crate) const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Sen.",
    "Senator",
    "Rep.",
    "Representative",
    "Gov.",
    "Governor",
    "Gen.",
    "General",
    "Attorney",
    "Assistant",
    "Acting",
    "Secretary",
    "Director",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Judge",
    "Justice",
    "Chief",
    "Mayor",
    "Speaker",
    "Chairman",
    "Chairwoman",
    "Prof.",
    "Professor",
    "Former",
    "Deputy",
    "Lt.",
    "Col.",
    "Sgt.",
    "Capt.",
    "Rev.",
    "Ambassador",
    "Minister",
    "Prime",
    "Commissioner",
    "Special",
    "Agent",
    "Sheriff",
    "Leader",
    "Majority",
    "Minority",
    "Whip",
    "Democratic",
    "Republican",
    "Presidential",
    "Candidate",
    "Nominee",
    "Congressman",
    "Congresswoman",
    "Councilman",
    "Councilwoman",
    "Adm.",
    "Maj.",
    "Pope",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Chancellor",
    "Supt.",
    "Officer",
    "Detective",
    "Lawmaker",
    "Spokesman",
    "Spokeswoman",
    "U.S.",
    "House",
    "Senate",
    "State",
    "GOP",
    "Gop",
    "First",
    "Lady",
    "Sir",
    "Dame",
    "Executive",
    "CEO",
    "Founder",
    "Host",
    "Anchor",
    "Administrator",
    "Adviser",
    "Advisor",
    "Counsel",
    "Treasurer",
    "Rear-Admiral",
    "Admiral",
    "MP",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "COO",
    "CFO",
    "CTO",
    "CIO",
    "CISO",
    // Role nouns that open a sentence before a name ("Manager David Moyes has claimed").
    "Manager",
    "Coach",
    "Investor",
    "Analyst",
    "Economist",
    "Striker",
    "Midfielder",
    "Defender",
    "Goalkeeper",
    "Skipper",
    "Captain",
];

/// Plural nouns that describe a group of sources and never name one alone. Capitalised at the
/// start of a sentence ("Analysts said", "Dealers noted") they were shown as names, apart from
/// the same sources written "analysts" inside a sentence.
pub(crate) fn is_plural_description(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "analysts"
            | "dealers"
            | "officials"
            | "bankers"
            | "traders"
            | "economists"
            | "brokers"
            | "diplomats"
            | "sources"
            | "critics"
            | "researchers"
            | "delegates"
            | "experts"
            | "others"
            | "observers"
            | "investors"
            | "residents"
            | "witnesses"
            | "lawyers"
            | "scientists"
            | "authorities"
            | "police"
            | "prosecutors"
            | "investigators"
            | "executives"
            | "aides"
            | "insiders"
            | "exporters"
            | "importers"
            | "producers"
            | "farmers"
            | "strategists"
            | "participants"
            | "organisers"
            | "organizers"
            | "campaigners"
            | "activists"
            | "doctors"
            | "spokesmen"
            | "ministers"
            | "members"
            | "supporters"
            | "opponents"
            | "manufacturers"
            | "retailers"
            | "suppliers"
            | "operators"
            | "users"
    )
}
