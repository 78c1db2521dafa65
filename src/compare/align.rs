//! Lining candidates up row by row when they were scored against different versions of a
//! checklist: dimensions and items are matched by id, and an id one version lacks is a gap
//! ("—") in that candidate's column.
//!
//! Each checklist version (told apart by digest) is a [`Layout`]: a map from its own positions
//! to the comparison's rows. Thousands of candidates usually share one or two layouts, so a
//! candidate costs a hash lookup here; rows are merged only when a new version appears.

use std::collections::HashMap;

use crate::checklist::Checklist;

/// One checklist version, mapped onto the comparison's rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The checklist's id.
    pub checklist: String,
    /// Its title.
    pub title: String,
    /// Its version.
    pub version: String,
    /// The row of each of its dimensions, in its order.
    pub dimensions: Vec<u32>,
    /// The row of each of its items, in its order.
    pub items: Vec<u32>,
}

/// One row: a dimension or an item, as the first version that has it describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The id.
    pub id: String,
    /// A dimension's title, or an item's question.
    pub title: String,
    /// An item's dimension row.
    pub parent: Option<u32>,
}

/// The rows of one kind (dimensions or items) across every version seen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    /// Every row, by row number.
    pub rows: Vec<Row>,
    /// Row numbers in display order: the first version's order, with rows that later versions
    /// add placed after their predecessor in that version.
    pub order: Vec<u32>,
    by_id: HashMap<String, u32>,
}

impl Rows {
    /// The row numbers of `entries` (id, title, parent row) in one version's order, adding new
    /// ones.
    fn merge<'a>(
        &mut self,
        entries: impl Iterator<Item = (&'a str, &'a str, Option<u32>)>,
    ) -> Vec<u32> {
        let mut out = Vec::new();
        let mut previous: Option<u32> = None;
        for (id, title, parent) in entries {
            let row = match self.by_id.get(id) {
                Some(&row) => row,
                None => self.add(
                    Row {
                        id: id.to_string(),
                        title: title.to_string(),
                        parent,
                    },
                    previous,
                ),
            };
            out.push(row);
            previous = Some(row);
        }
        out
    }

    fn add(&mut self, new: Row, after: Option<u32>) -> u32 {
        let row = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        self.by_id.insert(new.id.clone(), row);
        self.rows.push(new);
        let at = after
            .and_then(|p| self.order.iter().position(|r| *r == p))
            .map_or(0, |i| i + 1);
        self.order.insert(at, row);
        row
    }
}

/// Every checklist version the candidates were scored against, and the rows they share.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// The versions, in the order candidates brought them.
    pub layouts: Vec<Layout>,
    /// Dimension rows.
    pub dimensions: Rows,
    /// Item rows.
    pub items: Rows,
    by_digest: HashMap<String, usize>,
}

impl Alignment {
    /// The layout of `checklist`, added on first sight.
    pub fn layout_of(&mut self, checklist: &Checklist) -> usize {
        if let Some(&known) = self.by_digest.get(&checklist.digest) {
            return known;
        }
        let dimensions = self.dimensions.merge(
            checklist
                .dimensions
                .iter()
                .map(|d| (d.id.as_str(), d.title.as_str(), None)),
        );
        let items =
            self.items.merge(
                checklist
                    .dimensions
                    .iter()
                    .zip(&dimensions)
                    .flat_map(|(d, &row)| {
                        d.items
                            .iter()
                            .map(move |i| (i.id.as_str(), i.question.as_str(), Some(row)))
                    }),
            );
        self.group_items();
        self.layouts.push(Layout {
            checklist: checklist.id.clone(),
            title: checklist.title.clone(),
            version: checklist.version.clone(),
            dimensions,
            items,
        });
        self.by_digest
            .insert(checklist.digest.clone(), self.layouts.len() - 1);
        self.layouts.len() - 1
    }

    /// Keeps item rows grouped by dimension, in the dimensions' order (a stable sort: within
    /// a dimension, items keep their merged order).
    fn group_items(&mut self) {
        let mut rank = vec![0; self.dimensions.rows.len()];
        for (n, &row) in self.dimensions.order.iter().enumerate() {
            rank[row as usize] = n;
        }
        let rows = &self.items.rows;
        self.items.order.sort_by_key(|&r| {
            rows[r as usize]
                .parent
                .map_or(usize::MAX, |p| rank[p as usize])
        });
    }

    /// For each layout, the position of each row in it (`None`: the version lacks the row).
    pub fn positions(
        rows: &Rows,
        of: impl Fn(&Layout) -> &[u32],
        layouts: &[Layout],
    ) -> Vec<Vec<Option<u32>>> {
        layouts
            .iter()
            .map(|layout| {
                let mut at = vec![None; rows.rows.len()];
                for (position, row) in (0u32..).zip(of(layout)) {
                    at[*row as usize] = Some(position);
                }
                at
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(rows: &Rows) -> Vec<&str> {
        rows.order
            .iter()
            .map(|r| rows.rows[*r as usize].id.as_str())
            .collect()
    }

    #[test]
    fn rows_merge_by_id_and_new_ones_follow_their_predecessor() {
        let mut rows = Rows::default();
        let entries = |ids: &[&'static str]| {
            ids.iter()
                .map(|id| (*id, *id, None))
                .collect::<Vec<_>>()
                .into_iter()
        };
        let first = rows.merge(entries(&["a", "b", "c"]));
        assert_eq!(first, [0, 1, 2]);
        let second = rows.merge(entries(&["x", "a", "b", "y", "c"]));
        assert_eq!(second, [3, 0, 1, 4, 2]);
        assert_eq!(ids(&rows), ["x", "a", "b", "y", "c"]);
        // A version without `b` maps nothing to it.
        let third = rows.merge(entries(&["a", "c"]));
        assert_eq!(third, [0, 2]);
    }
}
