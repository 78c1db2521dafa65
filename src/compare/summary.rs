//! One candidate reduced to what a comparison shows: a few numbers per dimension, the items
//! behind each flag, and (with `--items`) a short cell per item. A comparison of thousands of
//! files keeps only these, never the assessments or their reports.
//!
//! Positions refer to the candidate's own checklist (dimension and item order); the
//! [`super::align::Alignment`] maps them onto the comparison's rows.

use crate::report::ReportView;
use crate::score::Verdict;

/// Longest consensus answer an item cell shows, in characters, before it is cut with `…`.
pub const ANSWER_WIDTH: usize = 28;

/// What a comparison keeps of one candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The candidate's name.
    pub name: String,
    /// The file (or `REV:PATH`) it was read from, as given.
    pub source: String,
    /// Which checklist version it was scored against: an index into the comparison's
    /// [`super::align::Alignment`], set when the summary joins a [`super::Comparison`].
    pub layout: usize,
    /// The verdict.
    pub verdict: Verdict,
    /// Why the verdict is not READY, in one line.
    pub reason: Option<String>,
    /// Overall score 0-100.
    pub overall: Option<f64>,
    /// Overall coverage 0-1.
    pub coverage: f64,
    /// Applicable scored items with no answer.
    pub unanswered: usize,
    /// Each dimension's score, in the checklist's order.
    pub dimensions: Vec<Option<f64>>,
    /// Positions of the items (and dimensions, for `below_floor`) behind each flag.
    pub flagged: Flagged,
    /// One cell per item, in checklist order; empty unless item rows were asked for.
    pub items: Vec<ItemCell>,
}

/// Positions, in the candidate's checklist, of what each flag row lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flagged {
    /// Items whose gate fails.
    pub gate_failed: Vec<u32>,
    /// Items at their worst.
    pub at_worst: Vec<u32>,
    /// Items with a stale answer.
    pub stale: Vec<u32>,
    /// Items missing required evidence.
    pub missing_evidence: Vec<u32>,
    /// Items the assessors disagree on.
    pub disagreement: Vec<u32>,
    /// Dimensions below the floor.
    pub below_floor: Vec<u32>,
}

/// One item of one candidate, short enough for a table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemCell {
    /// The consensus answer, short ("2: Rubric on 100 ca…", "12 ms", "yes", "N/A"), or what
    /// stands instead ("unanswered", "does not apply").
    pub answer: String,
    /// Score 0-100, or `None` when unanswered, N/A, text or not applicable.
    pub score: Option<f64>,
    /// The item's flags ([`flag`] bits).
    pub flags: u8,
}

/// The flag bits of an [`ItemCell`], with their words, in the order cells list them.
pub mod flag {
    /// The item's gate fails.
    pub const GATE_FAILED: u8 = 1;
    /// The item scores 0 and holds the verdict below READY.
    pub const AT_WORST: u8 = 1 << 1;
    /// The consensus answer is stale.
    pub const STALE: u8 = 1 << 2;
    /// Required evidence is missing.
    pub const MISSING_EVIDENCE: u8 = 1 << 3;
    /// The assessors disagree.
    pub const DISAGREEMENT: u8 = 1 << 4;

    /// Each bit with the word a cell shows for it.
    pub const WORDS: [(u8, &str); 5] = [
        (GATE_FAILED, "gate failed"),
        (AT_WORST, "at its worst"),
        (STALE, "stale"),
        (MISSING_EVIDENCE, "missing evidence"),
        (DISAGREEMENT, "disagreement"),
    ];

    /// The words for a set of bits.
    pub fn words(bits: u8) -> Vec<&'static str> {
        WORDS
            .iter()
            .filter(|(bit, _)| bits & bit != 0)
            .map(|(_, w)| *w)
            .collect()
    }
}

/// Reduces a candidate's report to its summary; `with_items` keeps a cell per item.
pub fn summarize(view: &ReportView, source: &str, with_items: bool) -> Summary {
    Summary {
        name: view.candidate.name.clone(),
        source: source.to_string(),
        layout: 0,
        verdict: view.verdict,
        reason: view.reason.clone(),
        overall: view.overall,
        coverage: view.coverage,
        unanswered: view.unanswered,
        dimensions: view.dimensions.iter().map(|d| d.score).collect(),
        flagged: flagged(view),
        items: if with_items {
            view.items.iter().map(item_cell).collect()
        } else {
            Vec::new()
        },
    }
}

fn flagged(view: &ReportView) -> Flagged {
    let positions = |pick: fn(&crate::report::view::ItemView) -> bool| -> Vec<u32> {
        (0u32..)
            .zip(&view.items)
            .filter(|(_, i)| i.applicable && pick(i))
            .map(|(n, _)| n)
            .collect()
    };
    Flagged {
        gate_failed: positions(|i| i.gate_failed),
        at_worst: positions(|i| i.at_worst),
        stale: positions(|i| i.stale),
        missing_evidence: positions(|i| i.missing_evidence),
        disagreement: positions(|i| i.disagreement),
        below_floor: (0u32..)
            .zip(&view.dimensions)
            .filter(|(_, d)| d.below_floor)
            .map(|(n, _)| n)
            .collect(),
    }
}

fn item_cell(i: &crate::report::view::ItemView) -> ItemCell {
    let answer = if !i.applicable {
        "does not apply".to_string()
    } else if i.na {
        "N/A".to_string()
    } else {
        match &i.value_text {
            Some(text) => shorten(text, ANSWER_WIDTH),
            None if i.kind == "text" => "-".to_string(),
            None => "unanswered".to_string(),
        }
    };
    let bits = [
        i.gate_failed,
        i.at_worst,
        i.stale,
        i.missing_evidence,
        i.disagreement,
    ];
    let flags = flag::WORDS
        .iter()
        .zip(bits)
        .filter(|(_, on)| *on && i.applicable)
        .fold(0, |acc, ((bit, _), _)| acc | bit);
    ItemCell {
        answer,
        score: i.score.map(|s| s * 100.0),
        flags,
    }
}

/// `text` on one line, at most `width` characters, cut with `…`.
pub fn shorten(text: &str, width: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= width {
        return line;
    }
    let mut cut: String = line.chars().take(width.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_keeps_short_text_and_cuts_long_text_with_an_ellipsis() {
        assert_eq!(shorten("yes", 10), "yes");
        assert_eq!(shorten("a\nb  c", 10), "a b c");
        let cut = shorten("2: Rubric on 100 representative cases", 12);
        assert_eq!(cut, "2: Rubric o…");
        assert_eq!(cut.chars().count(), 12);
        assert_eq!(shorten("ääääääääää", 4), "äää…");
    }

    #[test]
    fn flag_words_follow_the_bits() {
        assert_eq!(
            flag::words(flag::STALE | flag::GATE_FAILED),
            ["gate failed", "stale"]
        );
        assert!(flag::words(0).is_empty());
    }
}
