//! Identifiers: the rule for valid ids, generated visit ids, and "did you
//! mean" suggestions.

use std::collections::HashSet;

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
            None => {
                let base = match slugify(&v.title) {
                    s if s.is_empty() => v.date.to_string(),
                    s => format!("{}-{s}", v.date),
                };
                let mut id = base.clone();
                let mut n = 2;
                while taken.contains(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                taken.insert(id.clone());
                id
            }
        })
        .collect()
}

/// The candidate closest to `word`, if it is close enough to be a likely
/// typo (at most a third of the word's length in edits).
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
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
    fn suggestions_only_for_near_misses() {
        let ids = ["vicini", "biocat", "aura"];
        assert_eq!(suggest("vicinni", ids), Some("vicini"));
        assert_eq!(suggest("zzz", ids), None);
    }

    #[test]
    fn valid_ids() {
        assert!(is_valid_id("val-doise_2"));
        assert!(!is_valid_id("has space"));
        assert!(!is_valid_id(""));
    }
}
