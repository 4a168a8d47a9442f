//! Identifiers: the rule for valid ids, generated visit ids, and "did you
//! mean" suggestions.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::Visit;

/// Ids are letters, digits, '-' and '_', and not empty.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Lowercase words joined by '-': "Osaka Prefectural Government" becomes
/// "osaka-prefectural-government". Letters outside ASCII are kept (ids
/// allow any letter), punctuation becomes a separator.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

pub(super) fn visit_ids(visits: &[Visit]) -> Vec<String> {
    let mut taken: HashSet<String> = visits.iter().filter_map(|v| v.id.clone()).collect();
    visits
        .iter()
        .map(|v| match &v.id {
            Some(id) => id.clone(),
            None => generate(v, |_| false, &mut taken),
        })
        .collect()
}

/// The id [`visit_ids`] gives each visit at `positions` (in file order),
/// and every visit of their dates must be among them, without working out
/// the others: a generated id begins with its visit's date, so ids
/// generated for different dates never meet, and only the written ids
/// beginning with a date ([`WrittenIds`]) can take one of theirs.
pub(super) fn visit_ids_at(
    visits: &[Visit],
    positions: &[usize],
    written: &WrittenIds,
) -> Vec<(usize, String)> {
    let mut taken: HashSet<String> = HashSet::new();
    positions
        .iter()
        .map(|&i| {
            let v = &visits[i];
            match &v.id {
                Some(id) => (i, id.clone()),
                None => (i, generate(v, |id| written.contains(id), &mut taken)),
            }
        })
        .collect()
}

/// The written ids of a mission that can take a generated one: those that
/// begin with a date, each with how many visits have it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WrittenIds(HashMap<String, u32>);

impl WrittenIds {
    pub fn of(visits: &[Visit]) -> Self {
        let mut written = WrittenIds::default();
        for id in visits.iter().filter_map(|v| v.id.as_deref()) {
            written.add(id);
        }
        written
    }

    pub fn contains(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    pub fn add(&mut self, id: &str) {
        if id_date(id).is_some() {
            *self.0.entry(id.to_owned()).or_default() += 1;
        }
    }

    pub fn remove(&mut self, id: &str) {
        if let Some(n) = self.0.get_mut(id) {
            *n -= 1;
            if *n == 0 {
                self.0.remove(id);
            }
        }
    }
}

/// The date an id generated for a visit begins with, if `id` could be
/// one: the date a written id can take a generated id from.
pub(super) fn id_date(id: &str) -> Option<NaiveDate> {
    // A date is its year (with a sign when it has more than four digits
    // or is before year 0), month and day: up to the third '-' after the
    // sign, or the end.
    let signed = usize::from(id.starts_with(['+', '-']));
    let mut dashes = id[signed..].match_indices('-').map(|(at, _)| at + signed);
    dashes.next()?;
    dashes.next()?;
    let head = &id[..dashes.next().unwrap_or(id.len())];
    let date: NaiveDate = head.parse().ok()?;
    (date.to_string() == head).then_some(date)
}

/// The id generated for `v` (which has none written), not one of `taken`,
/// which it joins.
fn generate(v: &Visit, written: impl Fn(&str) -> bool, taken: &mut HashSet<String>) -> String {
    let base = match slugify(&v.title) {
        s if s.is_empty() => v.date.to_string(),
        s => format!("{}-{s}", v.date),
    };
    let mut id = base.clone();
    let mut n = 2;
    while written(&id) || taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// The longest word [`suggest`] looks for a close candidate for.
pub const MAX_SUGGESTED: usize = 64;

/// The candidate closest to `word`, if it is close enough to be a likely
/// typo: at most a third of the word's length in edits, a swap of two
/// neighbouring letters counting as one. Words shorter than four characters
/// get no suggestion: "JST" is one edit from "EST", which is not what the
/// person meant, and short words are too often that close by chance.
///
/// The work is bounded: words longer than [`MAX_SUGGESTED`] characters
/// get no suggestion (no name, id or key is that long, and a 100 KB time
/// zone is not a typo), a candidate whose length differs from the word's
/// by more than the edits allowed is skipped without a comparison, and a
/// comparison stops as soon as the distance must exceed the limit.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = word.chars().take(MAX_SUGGESTED + 1).count();
    if !(4..=MAX_SUGGESTED).contains(&length) {
        return None;
    }
    let limit = length / 3;
    let mut chars: Option<Vec<char>> = None;
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        // Only a closer candidate than the best so far is of interest.
        let bound = match best {
            Some((0, _)) => break,
            Some((d, _)) => d - 1,
            None => limit,
        };
        // A UTF-8 character is one to four bytes: most candidates far too
        // long are skipped without counting their characters.
        if candidate.len() > 4 * (length + bound)
            || candidate.chars().count().abs_diff(length) > bound
        {
            continue;
        }
        let a = chars.get_or_insert_with(|| word.chars().collect());
        let b: Vec<char> = candidate.chars().collect();
        if let Some(d) = distance_within(a, &b, bound) {
            if best.is_none_or(|(known, _)| d < known) {
                best = Some((d, candidate));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// Optimal string alignment distance between `a` and `b` (insertions,
/// deletions, substitutions and transpositions of adjacent characters,
/// "titel" -> "title", each count as one edit), if it is at most `limit`.
/// Only the cells within `limit` of the diagonal are computed.
fn distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let out = limit + 1;
    let n = b.len();
    // Three rows of the distance matrix: two rows up, one row up, current.
    let mut before = vec![out; n + 1];
    let mut above: Vec<usize> = (0..=n).map(|j| if j <= limit { j } else { out }).collect();
    let mut row = vec![out; n + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(limit).max(1);
        let hi = (i + limit).min(n);
        row[0] = if i <= limit { i } else { out };
        // Cells just outside the band are out of reach (they may hold
        // values from an older row).
        if lo > 1 {
            row[lo - 1] = out;
        }
        if hi < n {
            row[hi + 1] = out;
        }
        let mut smallest = row[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut cell = (above[j] + 1).min(row[j - 1] + 1).min(above[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cell = cell.min(before[j - 2] + 1);
            }
            row[j] = cell.min(out);
            smallest = smallest.min(row[j]);
        }
        if smallest > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut above);
        std::mem::swap(&mut above, &mut row);
    }
    Some(above[n]).filter(|&d| d <= limit)
}

/// The distance with no limit.
#[cfg(test)]
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    distance_within(&a, &b, a.len().max(b.len())).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn slugs_are_lowercase_words() {
        assert_eq!(
            slugify("Osaka Prefectural Government"),
            "osaka-prefectural-government"
        );
        assert_eq!(slugify("  KIX: hydrogen (2030)! "), "kix-hydrogen-2030");
        assert_eq!(slugify("Città di Bologna"), "città-di-bologna");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn generated_ids_avoid_explicit_and_each_other() {
        let date = NaiveDate::from_ymd_opt(2022, 11, 14).expect("date");
        let mut explicit = Visit::new(date, "Other");
        explicit.id = Some("2022-11-14-lunch".into());
        let visits = vec![
            Visit::new(date, "Lunch"),
            explicit,
            Visit::new(date, "Lunch"),
        ];
        assert_eq!(
            visit_ids(&visits),
            [
                "2022-11-14-lunch-2",
                "2022-11-14-lunch",
                "2022-11-14-lunch-3"
            ]
        );
    }

    #[test]
    fn the_ids_of_some_dates_are_those_of_all_ids() {
        let day = |d| NaiveDate::from_ymd_opt(2022, 11, d).expect("date");
        let titled = |d, title: &str, id: Option<&str>| {
            let mut v = Visit::new(day(d), title);
            v.id = id.map(str::to_owned);
            v
        };
        let visits = vec![
            titled(14, "Lunch", None),
            titled(15, "Other", Some("2022-11-14-lunch")),
            titled(14, "Lunch", None),
            titled(15, "Lunch", None),
            titled(16, "", None),
            titled(16, "2", None),
            titled(14, "x", Some("2022-11-16-2")),
            titled(16, "", None),
            titled(15, "Kept", Some("free")),
        ];
        let all = visit_ids(&visits);
        let written = WrittenIds::of(&visits);
        assert!(!written.contains("free"), "an id that can take none");
        for dates in [vec![14], vec![15], vec![16], vec![14, 16], vec![]] {
            let dates: Vec<NaiveDate> = dates.into_iter().map(day).collect();
            let at: Vec<usize> = (0..visits.len())
                .filter(|&i| dates.contains(&visits[i].date))
                .collect();
            let want: Vec<(usize, String)> = at.iter().map(|&i| (i, all[i].clone())).collect();
            assert_eq!(visit_ids_at(&visits, &at, &written), want, "{dates:?}");
        }
    }

    #[test]
    fn the_date_an_id_begins_with() {
        let day = NaiveDate::from_ymd_opt(2022, 11, 14);
        assert_eq!(id_date("2022-11-14"), day);
        assert_eq!(id_date("2022-11-14-lunch-2"), day);
        assert_eq!(id_date("2022-11-145"), None);
        assert_eq!(id_date("2022-11-1-lunch"), None);
        assert_eq!(id_date("vicini"), None);
        assert_eq!(id_date(""), None);
        let far = NaiveDate::from_ymd_opt(12022, 1, 2).expect("date");
        assert_eq!(id_date(&format!("{far}-x")), Some(far));
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let ids = ["vicini", "biocat", "aura"];
        assert_eq!(suggest("vicinni", ids), Some("vicini"));
        assert_eq!(suggest("zzzz", ids), None);
        assert_eq!(suggest("biocatalonia", ids), None);
    }

    #[test]
    fn swapped_neighbours_are_one_edit() {
        assert_eq!(edit_distance("titel", "title"), 1);
        assert_eq!(edit_distance("emial", "email"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        // Optimal string alignment edits no substring twice: "ca" -> "abc"
        // is three edits, not two as with unrestricted transpositions.
        assert_eq!(edit_distance("ca", "abc"), 3);
        let keys = ["title", "start", "end", "email", "notes"];
        assert_eq!(suggest("titel", keys), Some("title"));
        assert_eq!(suggest("emial", keys), Some("email"));
    }

    #[test]
    fn short_words_get_no_suggestion() {
        let zones = ["EST", "MST", "Asia/Tokyo"];
        assert_eq!(suggest("JST", zones), None);
        assert_eq!(suggest("edn", ["end"]), None);
        // Four characters is long enough for one edit.
        assert_eq!(suggest("rosi", ["rossi"]), Some("rossi"));
    }

    #[test]
    fn valid_ids() {
        assert!(is_valid_id("val-doise_2"));
        assert!(!is_valid_id("has space"));
        assert!(!is_valid_id(""));
    }

    /// The full distance matrix, as the banded one must compute it.
    fn reference(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        d[0] = (0..=b.len()).collect();
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn the_banded_distance_agrees_with_the_full_one() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "ca",
            "title",
            "titel",
            "kitten",
            "sitting",
            "Asia/Tokyo",
            "Asia/Tokio",
            "Europe/Rome",
            "vicini",
            "vicinni",
            "aaaa",
            "bbbbbb",
        ];
        for a in words {
            for b in words {
                let full = reference(a, b);
                let ac: Vec<char> = a.chars().collect();
                let bc: Vec<char> = b.chars().collect();
                for limit in 0..8 {
                    let want = (full <= limit).then_some(full);
                    assert_eq!(
                        distance_within(&ac, &bc, limit),
                        want,
                        "{a:?} {b:?} {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_word_far_longer_than_every_candidate_is_compared_with_none() {
        let zones = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name());
        assert_eq!(suggest(&"Asia/Tokyo".repeat(10_000), zones), None);
        // Nothing is suggested for a word over 64 characters, even one
        // edit from a candidate.
        let long = "a".repeat(65);
        assert_eq!(suggest(&long[1..], [long.as_str()]), Some(long.as_str()));
        assert_eq!(suggest(&long, [&long[1..]]), None);
        // Near misses of the longest names are still found.
        let zones = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name());
        assert_eq!(
            suggest("America/Argentina/ComodRivadvia", zones),
            Some("America/Argentina/ComodRivadavia")
        );
        // The closest of several is the first found at the least distance.
        assert_eq!(
            suggest("rossa", ["rossi", "rosso", "rossa2"]),
            Some("rossi")
        );
        assert_eq!(suggest("rossa", ["rossi", "rossa"]), Some("rossa"));
    }
}
