//! The entities and mentions of one document as the recogniser collects them: found by name or
//! alias through their folded keys, created once, and never given two overlapping mentions.
//! Apart from `recognize` so that the recogniser's steps read as steps, not bookkeeping.

use super::names::{fold_key, known_organisation, surname_key};
use super::{Alias, DocEntity, EntityKind, Mention, Recognized};

/// The folded keys of one entity, kept beside it so that lookups fold each name only once.
pub(super) struct Keys {
    /// The name's key and every alias's key.
    pub all: Vec<String>,
    pub surname: Option<String>,
}

pub(super) struct Builder<'a> {
    pub chars: &'a [char],
    pub out: Recognized,
    pub keys: Vec<Keys>,
    /// Mention spans by start, to refuse overlapping mentions in logarithmic time.
    pub taken: std::collections::BTreeMap<usize, usize>,
}

impl Builder<'_> {
    pub fn find(&self, name: &str, kind: Option<EntityKind>) -> Option<usize> {
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
    pub fn entity(&mut self, name: &str, kind: EntityKind, evidence: &str) -> usize {
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

    pub fn alias(&mut self, entity: usize, surface: &str, confidence: f32, evidence: &str) {
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

    pub fn mention(&mut self, entity: usize, start: usize, end: usize, role: Option<String>) {
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

impl Builder<'_> {
    /// Folds each `(from, into)` entity into the other: `from`'s names become aliases of `into`
    /// with `evidence`, its mentions `into`'s, its role `into`'s when `into` has none. Every
    /// `from` is then removed and the mentions renumbered, in one pass over the entities and
    /// one over the mentions. No entity may be both folded and folded into.
    pub fn merge(
        &mut self,
        pairs: &[(usize, usize)],
        confidence: f32,
        evidence: &dyn Fn(&DocEntity, &DocEntity) -> String,
    ) {
        if pairs.is_empty() {
            return;
        }
        let mut target: Vec<usize> = (0..self.out.entities.len()).collect();
        for &(from, into) in pairs {
            debug_assert!(
                pairs.iter().all(|&(f, _)| f != into),
                "a merge target is itself merged"
            );
            target[from] = into;
            let why = evidence(&self.out.entities[from], &self.out.entities[into]);
            let aliases = std::mem::take(&mut self.out.entities[from].aliases);
            for alias in &aliases {
                self.alias(into, &alias.surface, confidence, &why);
            }
            let keys = std::mem::take(&mut self.keys[from].all);
            for key in keys {
                if !self.keys[into].all.contains(&key) {
                    self.keys[into].all.push(key);
                }
            }
            if self.out.entities[into].role.is_none() {
                self.out.entities[into].role = self.out.entities[from].role.take();
            }
        }
        // The new index of every entity that stays; a folded one takes its target's.
        let mut renumbered = vec![0; target.len()];
        let mut next = 0;
        for (i, &t) in target.iter().enumerate() {
            if t == i {
                renumbered[i] = next;
                next += 1;
            }
        }
        for m in &mut self.out.mentions {
            m.entity = renumbered[target[m.entity]];
        }
        let mut index = 0;
        self.out.entities.retain(|_| {
            index += 1;
            target[index - 1] == index - 1
        });
        let mut index = 0;
        self.keys.retain(|_| {
            index += 1;
            target[index - 1] == index - 1
        });
    }
}

impl<'a> Builder<'a> {
    pub fn new(chars: &'a [char]) -> Self {
        Builder {
            chars,
            out: Recognized::default(),
            keys: Vec::new(),
            taken: std::collections::BTreeMap::new(),
        }
    }
}
