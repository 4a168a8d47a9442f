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
/// typo: at most a third of the word's length in edits, a swap of two
/// neighbouring letters counting as one. Words shorter than four characters
/// get no suggestion: "JST" is one edit from "EST", which is not what the
/// person meant, and short words are too often that close by chance.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = word.chars().count();
    if length < 4 {
        return None;
    }
    let limit = length / 3;
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and transpositions of adjacent characters ("titel" -> "title") each count
/// as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the distance matrix: two rows up, one row up, current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut above: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (above[j] + 1).min(row[j - 1] + 1).min(above[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut above);
        std::mem::swap(&mut above, &mut row);
    }
    above[b.len()]
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
}
