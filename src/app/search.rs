//! `/` search: a visit matches when its title, venue, host, city, address,
//! notes, tags or an attendee's name contains the query, compared after
//! folding case, accents and compatibility forms ([`fold`]). Enter goes to
//! the first match from the selected visit on, in day order, wrapping
//! round; `n` and `N` step through the rest. Only the visits the filter
//! shows are searched.

use unicode_normalization::UnicodeNormalization;

use super::App;
use crate::domain::{Mission, Visit};

/// The search last run: its query, folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    folded: String,
}

/// Text folded for comparison: compatibility forms decomposed (full-width
/// Latin letters, half-width katakana), the accents of Latin, Greek and
/// Cyrillic letters dropped, composed again, lower case. Kana voicing
/// marks are kept: が and か are different letters, not accented ones.
pub fn fold(text: &str) -> String {
    let bare: String = text.nfkd().filter(|c| !is_accent(*c)).collect();
    bare.nfc().collect::<String>().to_lowercase()
}

/// The combining diacritical marks of alphabetic scripts.
fn is_accent(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// Whether `visit` matches `folded` (a folded query).
pub fn matches(mission: &Mission, visit: &Visit, folded: &str) -> bool {
    let fields = [
        Some(visit.title.as_str()),
        visit.venue.as_deref(),
        visit.host.as_deref(),
        visit.city.as_deref(),
        visit.address.as_deref(),
        visit.notes.as_deref(),
    ];
    let found = |text: &str| fold(text).contains(folded);
    fields.into_iter().flatten().any(found)
        || visit.tags.iter().any(|t| found(t))
        || mission.attendees(visit).any(|p| found(&p.name))
}

impl App {
    /// Runs the search for `query` and goes to its first match from the
    /// selected visit on.
    pub(super) fn search(&mut self, query: &str) {
        let folded = fold(query.trim());
        if folded.is_empty() {
            self.search = None;
            return;
        }
        self.search = Some(Search {
            query: query.trim().to_string(),
            folded,
        });
        self.search_step(0);
    }

    /// The visits (indices into `Mission::visits`) that match the search,
    /// in day order.
    fn search_hits(&self) -> Vec<usize> {
        let Some(search) = &self.search else {
            return Vec::new();
        };
        let index = self.index();
        let mission = self.plan.mission();
        (0..index.len())
            .flat_map(|day| index.visits_on(day).iter().copied())
            .filter(|&v| matches(mission, &mission.visits[v], &search.folded))
            .collect()
    }

    /// Goes to the match `by` after the selected visit (0: this one or the
    /// next; -1: the one before), wrapping round, and says which it is.
    pub(super) fn search_step(&mut self, by: i64) {
        let Some(query) = self.search.as_ref().map(|s| s.query.clone()) else {
            return;
        };
        let hits = self.search_hits();
        if hits.is_empty() {
            self.warn(format!("No visit matches \"{query}\"."));
            return;
        }
        let agenda = self.agenda();
        let here = agenda.visits_before(self.view.day) + self.view.pos;
        let order = |v: usize| {
            self.index()
                .slot(v)
                .map_or(0, |(day, pos)| agenda.visits_before(day) + pos)
        };
        // The first hit at or after the selection.
        let at = hits.partition_point(|&v| order(v) < here);
        let on_it = hits.get(at).is_some_and(|&v| order(v) == here);
        let n = hits.len() as i64;
        let target = match by {
            0 => at as i64,
            b if b > 0 && on_it => at as i64 + b,
            b if b > 0 => at as i64 + b - 1,
            b => at as i64 + b,
        }
        .rem_euclid(n) as usize;
        let visit = hits[target];
        if let Some((day, pos)) = self.index().slot(visit) {
            self.select(day, pos);
        }
        self.info(format!(
            "\"{query}\": match {} of {} · {} next, {} previous",
            target + 1,
            hits.len(),
            self.config
                .keymap
                .hint_label(crate::input::Action::SearchNext)
                .unwrap_or_default(),
            self.config
                .keymap
                .hint_label(crate::input::Action::SearchPrev)
                .unwrap_or_default(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents_but_not_kana_voicing() {
        assert_eq!(fold("Università"), "universita");
        assert_eq!(fold("RÉUNION"), "reunion");
        assert_eq!(fold("Ｏｓａｋａ"), "osaka");
        assert_eq!(fold("ｵｵｻｶ"), "オオサカ");
        assert_eq!(fold("が"), "が");
        assert!(!fold("がっこう").contains(&fold("か")));
    }
}
