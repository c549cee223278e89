//! An acronym the same text spells out ("United Auto Workers … the UAW") is that organisation.
//! Apart from `recognize` because it works on the finished entities of a document, not on its
//! words: it moves the acronym's mentions and aliases to the full name after recognition.

use super::{Alias, EntityKind, Recognized};

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
pub(super) fn link_acronyms(out: &mut Recognized) {
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
