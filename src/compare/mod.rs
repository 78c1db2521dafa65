//! Candidates side by side (`weigh compare`): pure, scorecards in, a comparison view out.
//!
//! Each candidate is reduced to a [`Summary`] as soon as it is scored ([`summarize`]), so a
//! comparison holds no assessment and no report. A [`Comparison`] collects the summaries and
//! lines up the checklist versions they were scored against ([`align`]); [`view::build`] turns
//! it into the [`CompareView`] every format renders ([`table`], [`markdown`]). The JSON format
//! is the candidates' own reports, written one by one as they are scored ([`json`]).

pub mod align;
pub mod gate;
pub mod json;
pub mod markdown;
pub mod ordered;
pub mod sort;
pub mod summary;
pub mod table;
#[cfg(test)]
pub(crate) mod testkit;
#[cfg(test)]
mod tests;
pub mod view;

pub use sort::{SortBy, SortKey};
pub use summary::{Summary, summarize};
pub use view::{CompareView, Options};

use crate::checklist::Checklist;
use align::Alignment;

/// The candidates of one comparison, in the order given (or sorted).
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// The checklist versions and the rows they share.
    pub alignment: Alignment,
    /// One summary per candidate.
    pub summaries: Vec<Summary>,
}

impl Comparison {
    /// Adds a candidate scored against `checklist`.
    pub fn push(&mut self, mut summary: Summary, checklist: &Checklist) {
        summary.layout = self.alignment.layout_of(checklist);
        self.summaries.push(summary);
    }

    /// Sorts the candidates (stably: ties keep the order given).
    pub fn sort(&mut self, by: SortBy) {
        let keys: Vec<SortKey> = self.summaries.iter().map(Summary::sort_key).collect();
        let mut slots: Vec<Option<Summary>> = self.summaries.drain(..).map(Some).collect();
        self.summaries = sort::order(&keys, by)
            .into_iter()
            .filter_map(|i| slots[i].take())
            .collect();
    }

    /// The candidates' checklists, when there is more than one: each id with the files scored
    /// against it. Candidates of different checklists cannot be compared.
    pub fn mismatch(&self) -> Option<Mismatch> {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for s in &self.summaries {
            let id = &self.alignment.layouts[s.layout].checklist;
            match groups.iter_mut().find(|(g, _)| g == id) {
                Some((_, files)) => files.push(s.source.clone()),
                None => groups.push((id.clone(), vec![s.source.clone()])),
            }
        }
        (groups.len() > 1).then_some(Mismatch { groups })
    }
}

impl Summary {
    /// What `--sort` looks at.
    pub fn sort_key(&self) -> SortKey {
        SortKey {
            name: self.name.clone(),
            verdict: self.verdict,
            overall: self.overall,
        }
    }
}

/// How many files an error names per checklist before it says "and N more".
const NAMED: usize = 4;

/// Candidates scored against different checklists: each checklist id with its files.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// Checklist id and the files scored against it, in the order first seen.
    pub groups: Vec<(String, Vec<String>)>,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .groups
            .iter()
            .map(|(id, files)| {
                let named: Vec<&str> = files.iter().take(NAMED).map(String::as_str).collect();
                let more = match files.len().saturating_sub(NAMED) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                format!("`{id}` ({}{more})", named.join(", "))
            })
            .collect();
        write!(
            f,
            "the candidates were scored against different checklists: {}",
            parts.join("; ")
        )
    }
}
