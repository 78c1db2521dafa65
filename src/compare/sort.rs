//! `--sort`: the order candidates are shown in. The default is the order given; a sort is
//! stable, so ties keep that order.

use std::cmp::Ordering;

use crate::num::round9;
use crate::score::Verdict;

/// What to sort candidates by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Overall score, highest first; no score last.
    Score,
    /// Verdict, closest to adoption first (READY, READY WITH CONDITIONS, INCOMPLETE, NOT
    /// READY), then score.
    Verdict,
    /// Candidate name, ignoring case.
    Name,
}

/// What a candidate is sorted on.
#[derive(Debug, Clone, PartialEq)]
pub struct SortKey {
    /// The candidate's name.
    pub name: String,
    /// Its verdict.
    pub verdict: Verdict,
    /// Its overall score.
    pub overall: Option<f64>,
}

/// How close a verdict is to adoption: READY highest. INCOMPLETE ranks above NOT READY: it may
/// still become READY, while NOT READY has a failed gate or too low a score.
pub fn verdict_rank(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Ready => 3,
        Verdict::ReadyWithConditions => 2,
        Verdict::Incomplete => 1,
        Verdict::NotReady => 0,
    }
}

/// The indices of `keys` in sorted order.
pub fn order(keys: &[SortKey], by: SortBy) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..keys.len()).collect();
    indices.sort_by(|&a, &b| compare(&keys[a], &keys[b], by));
    indices
}

fn compare(a: &SortKey, b: &SortKey, by: SortBy) -> Ordering {
    match by {
        SortBy::Score => by_score(a, b),
        SortBy::Verdict => verdict_rank(b.verdict)
            .cmp(&verdict_rank(a.verdict))
            .then_with(|| by_score(a, b)),
        SortBy::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
    }
}

/// Highest score first, no score last.
fn by_score(a: &SortKey, b: &SortKey) -> Ordering {
    match (a.overall.map(round9), b.overall.map(round9)) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str, verdict: Verdict, overall: Option<f64>) -> SortKey {
        SortKey {
            name: name.into(),
            verdict,
            overall,
        }
    }

    fn keys() -> Vec<SortKey> {
        vec![
            key("beta", Verdict::NotReady, Some(90.0)),
            key("Alpha", Verdict::Incomplete, None),
            key("gamma", Verdict::ReadyWithConditions, Some(70.0)),
            key("delta", Verdict::ReadyWithConditions, Some(75.0)),
            key("epsilon", Verdict::NotReady, Some(70.0)),
        ]
    }

    #[test]
    fn score_sorts_highest_first_with_no_score_last_and_ties_in_given_order() {
        assert_eq!(order(&keys(), SortBy::Score), [0, 3, 2, 4, 1]);
    }

    #[test]
    fn verdict_sorts_closest_to_adoption_first_then_by_score() {
        assert_eq!(order(&keys(), SortBy::Verdict), [3, 2, 1, 0, 4]);
    }

    #[test]
    fn name_sorts_ignoring_case() {
        assert_eq!(order(&keys(), SortBy::Name), [1, 0, 3, 4, 2]);
    }
}
