//! Which visit of the new version is which visit of the old one.
//!
//! By id first: two visits with the same id written in the file are the
//! same visit. Then a visit with no id written that is unchanged (apart
//! from its id) is paired with its copy, so that an unchanged namesake
//! keeps its partner when the numbered suffix of generated ids (`-2`)
//! shifts. Then by [`visit_ids`]: the written id or the one generated from
//! the date and title. A generated id changes when the title or the date
//! does, so the visits still left over are paired in three more rounds,
//! each only between two visits of which at least one has no id written in
//! the file (two written ids that differ are two different visits):
//!
//! 1. the same date and title, in file order;
//! 2. the same title, when exactly one visit left over in each version has
//!    it (moved to another day);
//! 3. the same date and start time, when exactly one visit left over in each
//!    version has them (renamed).
//!
//! What is still left over was removed (old) or added (new).

use std::collections::HashMap;
use std::hash::Hash;

use crate::domain::Visit;
use crate::domain::ids::visit_ids;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pairing {
    /// (old index, new index), by old index.
    pub pairs: Vec<(usize, usize)>,
    /// New visits with no old one, in file order.
    pub added: Vec<usize>,
    /// Old visits with no new one, in file order.
    pub removed: Vec<usize>,
}

pub fn pair(old: &[Visit], new: &[Visit]) -> Pairing {
    let mut state = State {
        old,
        new,
        old_taken: vec![false; old.len()],
        new_taken: vec![false; new.len()],
        pairs: Vec::new(),
    };
    let written = |v: &Visit| v.id.clone();
    state.round(written, written, |_, _| true, false);
    let title = |v: &Visit| Some((v.date, v.title.clone()));
    state.round(
        title,
        title,
        |o, n| not_both_written(o, n) && same_apart_from_id(o, n),
        false,
    );
    let (old_ids, new_ids) = (visit_ids(old), visit_ids(new));
    state.round_by_index(|i| Some(&old_ids[i]), |j| Some(&new_ids[j]));
    state.round(title, title, not_both_written, false);
    let only_title = |v: &Visit| Some(v.title.clone());
    state.round(only_title, only_title, not_both_written, true);
    let slot = |v: &Visit| v.start.map(|s| (v.date, s));
    state.round(slot, slot, not_both_written, true);

    let mut pairs = state.pairs;
    pairs.sort_unstable();
    Pairing {
        pairs,
        added: (0..new.len()).filter(|&j| !state.new_taken[j]).collect(),
        removed: (0..old.len()).filter(|&i| !state.old_taken[i]).collect(),
    }
}

fn not_both_written(old: &Visit, new: &Visit) -> bool {
    old.id.is_none() || new.id.is_none()
}

fn same_apart_from_id(old: &Visit, new: &Visit) -> bool {
    Visit {
        key: new.key,
        id: new.id.clone(),
        ..old.clone()
    } == *new
}

struct State<'a> {
    old: &'a [Visit],
    new: &'a [Visit],
    old_taken: Vec<bool>,
    new_taken: Vec<bool>,
    pairs: Vec<(usize, usize)>,
}

/// A key the fallback rounds pair visits by.
type Groups<K> = HashMap<K, (Vec<usize>, Vec<usize>)>;

impl State<'_> {
    fn take(&mut self, pairs: Vec<(usize, usize)>) {
        for &(i, j) in &pairs {
            self.old_taken[i] = true;
            self.new_taken[j] = true;
        }
        self.pairs.extend(pairs);
    }

    /// Pairs the visits left over whose keys are equal, in file order,
    /// when `eligible` says they may be; with `unique`, only where one
    /// visit in each version has that key.
    fn round<K: Eq + Hash>(
        &mut self,
        old_key: impl Fn(&Visit) -> Option<K>,
        new_key: impl Fn(&Visit) -> Option<K>,
        eligible: impl Fn(&Visit, &Visit) -> bool,
        unique: bool,
    ) {
        let (old, new) = (self.old, self.new);
        let groups = self.groups(|i| old_key(&old[i]), |j| new_key(&new[j]));
        let mut found = Vec::new();
        for (olds, mut news) in groups.into_values() {
            if unique && (olds.len() != 1 || news.len() != 1) {
                continue;
            }
            for i in olds {
                if let Some(pos) = news.iter().position(|&j| eligible(&old[i], &new[j])) {
                    found.push((i, news.remove(pos)));
                }
            }
        }
        self.take(found);
    }

    /// Pairs the visits left over whose keys by index are equal; keys are
    /// unique within a version.
    fn round_by_index<K: Eq + Hash>(
        &mut self,
        old_key: impl Fn(usize) -> Option<K>,
        new_key: impl Fn(usize) -> Option<K>,
    ) {
        let groups = self.groups(old_key, new_key);
        let found = groups
            .into_values()
            .filter_map(|(olds, news)| Some((*olds.first()?, *news.first()?)))
            .collect();
        self.take(found);
    }

    /// The visits left over, by key: (old indices, new indices).
    fn groups<K: Eq + Hash>(
        &self,
        old_key: impl Fn(usize) -> Option<K>,
        new_key: impl Fn(usize) -> Option<K>,
    ) -> Groups<K> {
        let mut groups: Groups<K> = HashMap::new();
        for i in (0..self.old.len()).filter(|&i| !self.old_taken[i]) {
            if let Some(k) = old_key(i) {
                groups.entry(k).or_default().0.push(i);
            }
        }
        for j in (0..self.new.len()).filter(|&j| !self.new_taken[j]) {
            if let Some(k) = new_key(j) {
                groups.entry(k).or_default().1.push(j);
            }
        }
        groups
    }
}
