//! Which comments stay put and which travel when tables are reordered.
//!
//! TOML has no notion of a comment belonging to anything; toml_edit keeps
//! every comment in the prefix of the table that follows it. A person
//! writes two kinds: a heading for a group of tables ("# --- Monday ---"),
//! separated from the next table by a blank line, and a note on one table,
//! written directly above its header. Here the first kind, the *section*,
//! stays where it is in the file, and the second, the *attached* comment,
//! moves with its table:
//!
//! - a table that moves away (or is deleted) leaves its section to the
//!   next table that stays;
//! - a table that moves in (or is added) right before a table that stays
//!   takes that table's section, so it lands under the heading (a visit
//!   only under a heading of a visit of its own day).

use chrono::NaiveDate;
use toml_edit::Table;

/// Splits a table prefix into its section and its attached comment lines.
fn split(prefix: &str) -> (&str, &str) {
    let mut cut = prefix.len();
    for line in prefix.split_inclusive('\n').rev() {
        if line.trim_start().starts_with('#') {
            cut -= line.len();
        } else {
            break;
        }
    }
    prefix.split_at(cut)
}

fn prefix(table: &Table) -> String {
    table
        .decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("\n")
        .to_string()
}

fn has_comment(section: &str) -> bool {
    section.lines().any(|l| l.trim_start().starts_with('#'))
}

/// `table` without its section: one blank line, then its attached comments.
pub(super) fn strip_section(table: &mut Table) -> String {
    let whole = prefix(table);
    let (section, attached) = split(&whole);
    table.decor_mut().set_prefix(format!("\n{attached}"));
    section.to_string()
}

/// Puts `section` above `table`'s own prefix.
pub(super) fn add_section(table: &mut Table, section: &str) {
    let own = prefix(table);
    let own = own.trim_start_matches(['\n', '\r']);
    table.decor_mut().set_prefix(format!("{section}{own}"));
}

/// Re-anchors sections after a reorder. `tables` are in their new order;
/// `origins[j]` is the original index of `tables[j]` (`None` when new);
/// `kept[j]` says whether it keeps its place; `deleted[o]` holds original
/// table `o` when it was deleted; `groups[j]` is the day of a visit (a
/// moved visit only goes under the heading of a table of its own day). Returns the headings that no table below
/// can take (they belonged above the last tables of the list), for the
/// caller to place after the list.
pub(super) fn anchor(
    tables: &mut [Table],
    origins: &[Option<usize>],
    kept: &[bool],
    deleted: &[Option<Table>],
    groups: &[Option<NaiveDate>],
) -> String {
    let mut new_index = vec![None; deleted.len()];
    for (j, origin) in origins.iter().enumerate() {
        if let Some(o) = origin.filter(|&o| o < deleted.len()) {
            new_index[o] = Some(j);
        }
    }
    let stays = |o: usize| new_index[o].is_some_and(|j| kept[j]);
    let mut orphans = String::new();

    // Sections of tables that moved away or were deleted go to the next
    // table that stays.
    for o in 0..deleted.len() {
        if stays(o) {
            continue;
        }
        let whole = match (new_index[o], &deleted[o]) {
            (Some(j), _) => prefix(&tables[j]),
            (None, Some(table)) => prefix(table),
            (None, None) => continue,
        };
        let (section, _) = split(&whole);
        if !has_comment(section) {
            continue;
        }
        if let Some(j) = new_index[o] {
            strip_section(&mut tables[j]);
        }
        match (o + 1..deleted.len())
            .find(|&n| stays(n))
            .and_then(|n| new_index[n])
        {
            Some(heir) => add_section(&mut tables[heir], section),
            None => orphans.push_str(section),
        }
    }

    // A run of moved or new tables right before a table that stays takes
    // that table's section.
    let mut j = 0;
    while j < tables.len() {
        if kept[j] {
            j += 1;
            continue;
        }
        let start = j;
        while j < tables.len() && !kept[j] {
            j += 1;
        }
        // Only when the run belongs with that table (for visits: the same
        // day), not at the end of the group before it.
        let same_group = match (groups.get(start), groups.get(j)) {
            (Some(Some(a)), Some(Some(b))) => a == b,
            _ => true,
        };
        if j < tables.len() && same_group {
            let whole = prefix(&tables[j]);
            let (section, _) = split(&whole);
            if has_comment(section) {
                let section = strip_section(&mut tables[j]);
                add_section(&mut tables[start], &section);
            }
        }
    }
    orphans
}

/// Gives tables brought back from deletion (an undo after a save) the
/// heading they left behind, exactly: `returned` pairs a table's new index
/// with the section it had. When the table took the whole section of the
/// table after it (and that section starts with its own), the rest goes
/// back to that table.
pub(super) fn restore(tables: &mut [Table], returned: &[(usize, String)]) {
    for (j, own) in returned {
        if own.is_empty() || *j + 1 >= tables.len() {
            continue;
        }
        let whole = prefix(&tables[*j]);
        let Some(rest) = whole.strip_prefix(own.as_str()) else {
            // The heading is still where it was left: above the next table.
            let next = prefix(&tables[*j + 1]);
            if let Some(rest) = next.strip_prefix(own.as_str()) {
                let (_, attached) = split(&whole);
                let attached = attached.to_string();
                tables[*j]
                    .decor_mut()
                    .set_prefix(format!("{own}{attached}"));
                let gap = if rest.starts_with('\n') { "" } else { "\n" };
                tables[*j + 1]
                    .decor_mut()
                    .set_prefix(format!("{gap}{rest}"));
            }
            continue;
        };
        let (others, attached) = split(rest);
        if !has_comment(others) {
            continue;
        }
        let others = others.to_string();
        tables[*j]
            .decor_mut()
            .set_prefix(format!("{own}{attached}"));
        add_section(&mut tables[*j + 1], &others);
    }
}

/// The headings of `tables` (for a list whose every table is deleted).
pub(super) fn headings(tables: &[Table]) -> String {
    tables
        .iter()
        .map(|t| {
            let whole = prefix(t);
            let (section, _) = split(&whole);
            if has_comment(section) {
                section.to_string()
            } else {
                String::new()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_end_at_the_comments_above_the_header() {
        assert_eq!(
            split("\n# Monday\n\n# note\n"),
            ("\n# Monday\n\n", "# note\n")
        );
        assert_eq!(split("\n# Monday\n\n"), ("\n# Monday\n\n", ""));
        assert_eq!(split("# note\n"), ("", "# note\n"));
        assert_eq!(split(""), ("", ""));
    }
}
