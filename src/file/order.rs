//! Where tables go when a save reorders a list. toml_edit writes tables
//! by their document position, not by their place in the array, so a
//! save gives each table a position: the longest run of tables still in
//! their original relative order keeps its positions, every other table
//! (and its sub-tables) takes the position just after the table before
//! it, and the positions are renumbered afterwards (see `super::save`).

use toml_edit::{DocumentMut, Item, Table};

/// Positions for tables in their new order, given their original positions
/// (`None` for new tables) and the last position used by each table and its
/// sub-tables: a kept table keeps its position, every other table takes
/// the end of the table before it (or the first kept table's position, if
/// none is before it), so it is written right after it.
pub(super) fn assign_positions(
    original: &[Option<isize>],
    ends: &[Option<isize>],
    keep: &[bool],
) -> Vec<Option<isize>> {
    let mut previous = keep.iter().position(|&k| k).and_then(|i| original[i]);
    (0..original.len())
        .map(|j| {
            if keep[j] {
                previous = ends[j];
                original[j]
            } else {
                previous
            }
        })
        .collect()
}

/// Marks the tables that keep their positions: a longest strictly
/// increasing subsequence of the `Some` positions and, among those, one
/// that keeps the most tables whose content did not change (`unchanged`),
/// so that when two orders are equally long the table whose content
/// changed (a visit given a new date) is the one that moves.
pub(super) fn longest_increasing(values: &[Option<isize>], unchanged: &[bool]) -> Vec<bool> {
    // Each table counts for more than all unchanged bonuses together.
    let base = values.len() as u64 + 1;
    let mut ranks: Vec<isize> = values.iter().flatten().copied().collect();
    ranks.sort_unstable();
    ranks.dedup();
    // best[r]: the best (total weight, last index) of runs ending at a
    // position of rank r or less, as a Fenwick tree of maxima.
    let mut tree: Vec<(u64, Option<usize>)> = vec![(0, None); ranks.len() + 1];
    let mut parent: Vec<Option<usize>> = vec![None; values.len()];
    let mut total: Vec<u64> = vec![0; values.len()];
    for (i, value) in values.iter().enumerate() {
        let Some(v) = value else { continue };
        let rank = ranks.partition_point(|r| r < v);
        // The best run ending strictly below this position.
        let (mut best, mut from) = (0, None);
        let mut k = rank;
        while k > 0 {
            if tree[k].0 > best {
                (best, from) = tree[k];
            }
            k &= k - 1;
        }
        parent[i] = from;
        total[i] = best + base + u64::from(unchanged.get(i).copied().unwrap_or(false));
        let mut k = rank + 1;
        while k < tree.len() {
            if tree[k].0 < total[i] {
                tree[k] = (total[i], Some(i));
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut keep = vec![false; values.len()];
    let mut at = (0..values.len())
        .filter(|&i| values[i].is_some())
        .max_by_key(|&i| (total[i], std::cmp::Reverse(i)));
    while let Some(i) = at {
        keep[i] = true;
        at = parent[i];
    }
    keep
}

/// The largest position of `table` and the tables nested in it.
pub(super) fn deepest(table: &Table) -> Option<isize> {
    let mut max = table.position();
    for (_, item) in table.iter() {
        let nested = match item {
            Item::Table(t) => deepest(t),
            Item::ArrayOfTables(aot) => aot.iter().filter_map(deepest).max(),
            _ => None,
        };
        max = max.max(nested);
    }
    max
}

/// Gives `table` and every table nested in it `position`, so sub-tables
/// such as `[visits.extra]` stay with their table when it moves.
pub(super) fn set_position_deep(table: &mut Table, position: Option<isize>) {
    table.set_position(position);
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => set_position_deep(t, position),
            Item::ArrayOfTables(aot) => {
                for t in aot.iter_mut() {
                    set_position_deep(t, position);
                }
            }
            _ => {}
        }
    }
}

/// Calls `f` on every table below `table` in the order toml_edit writes
/// them before sorting (a table, then the tables inside it), with a
/// counter of that order.
pub(super) fn visit_tables(table: &mut Table, f: &mut impl FnMut(&mut Table, usize)) {
    fn walk(table: &mut Table, f: &mut impl FnMut(&mut Table, usize), n: &mut usize) {
        for (_, item) in table.iter_mut() {
            match item {
                Item::Table(t) => {
                    if !t.is_dotted() {
                        f(t, *n);
                        *n += 1;
                    }
                    walk(t, f, n);
                }
                Item::ArrayOfTables(aot) => {
                    for t in aot.iter_mut() {
                        f(t, *n);
                        *n += 1;
                        walk(t, f, n);
                    }
                }
                _ => {}
            }
        }
    }
    let mut n = 0;
    walk(table, f, &mut n);
}

/// Renumbers every table's position 0, 1, 2... in the order they are
/// written, so ties and gaps left by a reorder are gone before the next
/// save compares positions.
pub(super) fn renumber(doc: &mut DocumentMut) {
    let mut order: Vec<(isize, usize)> = Vec::new();
    let mut last = 0;
    visit_tables(doc.as_table_mut(), &mut |t, n| {
        if let Some(p) = t.position() {
            last = p;
        }
        order.push((last, n));
    });
    order.sort();
    let mut rank = vec![0isize; order.len()];
    for (r, (_, n)) in order.iter().enumerate() {
        rank[*n] = r as isize + 1;
    }
    visit_tables(doc.as_table_mut(), &mut |t, n| {
        t.set_position(Some(rank[n]))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(original: &[Option<isize>]) -> Vec<Option<isize>> {
        let unchanged = vec![true; original.len()];
        assign_positions(
            original,
            original,
            &longest_increasing(original, &unchanged),
        )
    }

    #[test]
    fn changed_tables_are_the_ones_that_move() {
        // Two tables trade places: whichever changed is the one that moved.
        let positions = [Some(1), Some(3), Some(2)];
        assert_eq!(
            longest_increasing(&positions, &[true, true, false]),
            [true, true, false]
        );
        assert_eq!(
            longest_increasing(&positions, &[true, false, true]),
            [true, false, true]
        );
        // Keeping more tables wins over keeping unchanged ones.
        let positions = [Some(4), Some(5), Some(1), Some(2), Some(3)];
        assert_eq!(
            longest_increasing(&positions, &[true, true, false, false, false]),
            [false, false, true, true, true]
        );
    }

    #[test]
    fn positions_keep_the_longest_ordered_run() {
        // Unchanged order keeps everything.
        let same = [Some(3), Some(4), Some(5)];
        assert_eq!(positions(&same), same);
        // The last table moved first: it takes the first kept position and
        // is written before that table (ties keep array order).
        assert_eq!(
            positions(&[Some(5), Some(3), Some(4)]),
            [Some(3), Some(3), Some(4)]
        );
        // A new table follows the table before it.
        assert_eq!(
            positions(&[Some(3), None, Some(4)]),
            [Some(3), Some(3), Some(4)]
        );
        // Only new tables: no positions, written at the end.
        assert_eq!(positions(&[None, None]), [None, None]);
    }
}
