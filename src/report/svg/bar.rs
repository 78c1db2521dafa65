//! The bar chart of a report: the overall and dimension scores as horizontal bars against the
//! ready and floor thresholds.

use serde::Serialize;

use super::{clip, n};
use crate::num::{one_decimal, round9};
use crate::show::number;

/// One bar to draw: a label and a 0-100 score.
#[derive(Debug, Clone)]
pub struct BarInput {
    /// What the bar measures ("Overall", a dimension's title).
    pub label: String,
    /// The score 0-100, or `None` when nothing scorable is answered.
    pub score: Option<f64>,
    /// Whether the score is below the dimension floor (drawn hatched and said in words).
    pub below_floor: bool,
    /// Whether this is the overall score (drawn apart from the dimensions).
    pub overall: bool,
}

/// A horizontal bar chart of scores against the ready and floor thresholds.
#[derive(Debug, Clone, Serialize)]
pub struct BarChart {
    /// The view box's width.
    pub width: String,
    /// The view box's height.
    pub height: String,
    /// Where the 0-100 scale starts and how wide it is.
    pub plot_x: String,
    /// The scale's width.
    pub plot_w: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// Vertical threshold lines with their labels.
    pub thresholds: Vec<Threshold>,
    /// Scale ticks at 0, 25, 50, 75 and 100.
    pub ticks: Vec<Tick>,
    /// Where the tick lines start.
    pub tick_y1: String,
    /// Where the tick lines end.
    pub tick_y2: String,
    /// The tick labels' baseline.
    pub tick_label_y: String,
    /// The chart in one sentence, for screen readers.
    pub summary: String,
}

/// One bar.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// The label as drawn (clipped).
    pub label: String,
    /// The label in full.
    pub full_label: String,
    /// The label's baseline.
    pub label_y: String,
    /// The bar's top.
    pub y: String,
    /// The bar's height.
    pub h: String,
    /// The filled width.
    pub fill_w: String,
    /// The value in words: "72.4", "41.0 · below floor", "no score".
    pub value_text: String,
    /// Where the value is written.
    pub value_x: String,
    /// The value's baseline.
    pub value_y: String,
    /// Whether the value sits inside the bar (light text) or after it.
    pub value_inside: bool,
    /// `good` (at or above ready), `fair`, `poor` (below the floor) or `none`.
    pub level: &'static str,
    /// Whether this is the overall bar.
    pub overall: bool,
}

/// A threshold line.
#[derive(Debug, Clone, Serialize)]
pub struct Threshold {
    /// `ready` or `floor`.
    pub name: &'static str,
    /// "ready 80".
    pub label: String,
    /// The line's x.
    pub x: String,
    /// Where its label is centred.
    pub label_x: String,
    /// The label's baseline.
    pub label_y: String,
    /// The line's top.
    pub y1: String,
    /// The line's bottom.
    pub y2: String,
}

/// A scale tick.
#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    /// Its x.
    pub x: String,
    /// Its label.
    pub label: String,
}

const BAR_WIDTH: f64 = 600.0;
const BAR_PAD: f64 = 14.0;
const BAR_TOP: f64 = 46.0;
const BAR_ROW: f64 = 60.0;
const BAR_HEIGHT: f64 = 26.0;
/// A value fits inside its bar when the bar is at least this wide.
const INSIDE_MIN: f64 = 170.0;

/// Lays out a bar chart of `bars` against the `ready` and `floor` thresholds (0-100).
pub fn bar_chart(bars: &[BarInput], ready: f64, floor: f64) -> BarChart {
    let plot_w = BAR_WIDTH - 2.0 * BAR_PAD;
    let x_of = |score: f64| BAR_PAD + plot_w * score.clamp(0.0, 100.0) / 100.0;
    let laid: Vec<Bar> = bars
        .iter()
        .enumerate()
        .map(|(i, b)| lay_bar(b, i, ready, plot_w))
        .collect();
    let bottom = BAR_TOP + BAR_ROW * bars.len() as f64;
    let threshold = |name, value: f64, row: f64| Threshold {
        name,
        label: format!("{name} {}", number(value)),
        x: n(x_of(value)),
        label_x: n(x_of(value).clamp(BAR_PAD + 36.0, BAR_WIDTH - BAR_PAD - 36.0)),
        label_y: n(18.0 * row),
        y1: n(18.0 * row + 4.0),
        y2: n(bottom - 4.0),
    };
    BarChart {
        width: n(BAR_WIDTH),
        height: n(bottom + 24.0),
        plot_x: n(BAR_PAD),
        plot_w: n(plot_w),
        tick_y1: n(BAR_TOP - 4.0),
        tick_y2: n(bottom - 4.0),
        tick_label_y: n(bottom + 16.0),
        thresholds: vec![
            threshold("ready", ready, 1.0),
            threshold("floor", floor, 2.0),
        ],
        ticks: [0.0, 25.0, 50.0, 75.0, 100.0]
            .into_iter()
            .map(|t| Tick {
                x: n(x_of(t)),
                label: number(t),
            })
            .collect(),
        summary: bar_summary(&laid, ready, floor),
        bars: laid,
    }
}

fn lay_bar(b: &BarInput, row: usize, ready: f64, plot_w: f64) -> Bar {
    let top = BAR_TOP + BAR_ROW * row as f64;
    let fill_w = b
        .score
        .map_or(0.0, |s| plot_w * s.clamp(0.0, 100.0) / 100.0);
    let value_inside = fill_w >= INSIDE_MIN;
    let value_x = if value_inside {
        BAR_PAD + fill_w - 8.0
    } else {
        BAR_PAD + fill_w + 8.0
    };
    let level = match b.score {
        None => "none",
        Some(_) if b.below_floor => "poor",
        Some(s) if round9(s) >= round9(ready) => "good",
        Some(_) => "fair",
    };
    let value_text = match b.score {
        None => "no score".to_string(),
        Some(s) if b.below_floor => format!("{} · below floor", one_decimal(s)),
        Some(s) => one_decimal(s),
    };
    Bar {
        label: clip(&b.label, 46),
        full_label: b.label.clone(),
        label_y: n(top + 18.0),
        y: n(top + 25.0),
        h: n(BAR_HEIGHT),
        fill_w: n(fill_w),
        value_text,
        value_x: n(value_x),
        value_y: n(top + 25.0 + 19.5),
        value_inside,
        level,
        overall: b.overall,
    }
}

fn bar_summary(bars: &[Bar], ready: f64, floor: f64) -> String {
    let each: Vec<String> = bars
        .iter()
        .map(|b| format!("{} {}", b.full_label, b.value_text))
        .collect();
    format!(
        "Scores out of 100: {}. READY needs {} overall and every dimension at {} or more.",
        each.join("; "),
        number(ready),
        number(floor)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(label: &str, score: Option<f64>, below_floor: bool) -> BarInput {
        BarInput {
            label: label.into(),
            score,
            below_floor,
            overall: false,
        }
    }

    #[test]
    fn bars_are_as_long_as_their_scores_and_say_their_values() {
        let chart = bar_chart(
            &[
                input("a", Some(100.0), false),
                input("b", Some(50.0), false),
                input("c", Some(20.0), true),
                input("d", None, false),
            ],
            80.0,
            50.0,
        );
        let widths: Vec<&str> = chart.bars.iter().map(|b| b.fill_w.as_str()).collect();
        assert_eq!(widths, ["572.0", "286.0", "114.4", "0.0"]);
        let levels: Vec<&str> = chart.bars.iter().map(|b| b.level).collect();
        assert_eq!(levels, ["good", "fair", "poor", "none"]);
        assert_eq!(chart.bars[2].value_text, "20.0 · below floor");
        assert_eq!(chart.bars[3].value_text, "no score");
        assert!(chart.bars[0].value_inside && !chart.bars[2].value_inside);
    }

    #[test]
    fn threshold_lines_sit_at_their_scores() {
        let chart = bar_chart(&[input("a", Some(10.0), false)], 80.0, 50.0);
        assert_eq!(chart.thresholds[0].label, "ready 80");
        assert_eq!(chart.thresholds[0].x, "471.6");
        assert_eq!(chart.thresholds[1].label, "floor 50");
        assert_eq!(chart.thresholds[1].x, "300.0");
    }
}
