//! The radar chart of a comparison: one axis per dimension, one polygon per candidate, each
//! told apart by colour, dash pattern and marker shape.

use std::f64::consts::PI;

use serde::Serialize;

use super::{n, wrap};
use crate::num::one_decimal;
use crate::show::number;

/// A radar chart: one axis per dimension, one polygon per candidate.
#[derive(Debug, Clone, Serialize)]
pub struct Radar {
    /// The view box's width.
    pub width: String,
    /// The view box's left edge.
    pub left: String,
    /// The view box's top.
    pub top: String,
    /// The view box's height.
    pub height: String,
    /// Grid rings at 25, 50, 75 and 100.
    pub rings: Vec<Ring>,
    /// The ready threshold as a ring, if given.
    pub threshold: Option<Ring>,
    /// The axes.
    pub axes: Vec<Axis>,
    /// One polygon per series.
    pub series: Vec<Series>,
    /// The chart in words, for screen readers.
    pub summary: String,
}

/// A ring (a polygon through every axis at one score).
#[derive(Debug, Clone, Serialize)]
pub struct Ring {
    /// SVG polygon points.
    pub points: String,
    /// Its label ("50", "ready 80").
    pub label: String,
    /// Where the label is written.
    pub label_x: String,
    /// The label's baseline.
    pub label_y: String,
}

/// One axis.
#[derive(Debug, Clone, Serialize)]
pub struct Axis {
    /// The centre.
    pub x1: String,
    /// The centre.
    pub y1: String,
    /// The outer end.
    pub x2: String,
    /// The outer end.
    pub y2: String,
    /// The label, wrapped.
    pub lines: Vec<String>,
    /// The label in full.
    pub full_label: String,
    /// Where the label is anchored.
    pub label_x: String,
    /// The first line's baseline.
    pub label_y: String,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
}

/// One candidate's polygon, with its style: a colour that stays distinct in greyscale, a dash
/// pattern and a marker shape, so that no series is told apart by colour alone.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// The candidate.
    pub name: String,
    /// Its position, from 0.
    pub index: usize,
    /// Stroke colour.
    pub color: &'static str,
    /// `stroke-dasharray`, empty for a solid line.
    pub dash: &'static str,
    /// The marker's name ("circle", "square", …), for the legend's words.
    pub marker: &'static str,
    /// SVG polygon points.
    pub points: String,
    /// One marker path per scored axis.
    pub markers: Vec<String>,
    /// A marker path for the legend, centred at (12, 8).
    pub legend_marker: String,
    /// The series' scores in words.
    pub values: String,
}

/// Series colours, alternating dark and light so that neighbours differ in greyscale too
/// (Okabe-Ito based, friendly to colour-blind readers).
const PALETTE: [&str; 8] = [
    "#0b3d91", "#e69f00", "#009e73", "#cc79a7", "#1a1a1a", "#56b4e9", "#a6461a", "#b8a600",
];
/// Dash patterns, one per series position.
const DASHES: [&str; 6] = ["", "10 5", "3 4", "12 4 3 4", "6 3", "1 3"];
/// Marker shapes, one per series position.
const MARKERS: [&str; 6] = [
    "circle",
    "square",
    "triangle",
    "diamond",
    "triangle-down",
    "plus",
];

const RADAR_WIDTH: f64 = 640.0;
const RADAR_HEIGHT: f64 = 470.0;
const RADAR_R: f64 = 140.0;
const RADAR_CY: f64 = 235.0;

/// Lays out a radar chart: `axes` are the dimensions' titles, each series a candidate's name
/// and its 0-100 score on each axis (`None`, no score, is drawn at the centre without a marker).
pub fn radar(axes: &[String], series: &[(String, Vec<Option<f64>>)], ready: Option<f64>) -> Radar {
    let cx = RADAR_WIDTH / 2.0;
    let count = axes.len().max(1);
    let angle = |k: usize| -PI / 2.0 + 2.0 * PI * k as f64 / count as f64;
    let point = |k: usize, score: f64| {
        let r = RADAR_R * score.clamp(0.0, 100.0) / 100.0;
        (cx + r * angle(k).cos(), RADAR_CY + r * angle(k).sin())
    };
    let polygon = |scores: &dyn Fn(usize) -> f64| {
        (0..count)
            .map(|k| {
                let (x, y) = point(k, scores(k));
                format!("{},{}", n(x), n(y))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let ring = |score: f64, label: String| {
        let (x, y) = point(0, score);
        Ring {
            points: polygon(&|_| score),
            label,
            label_x: n(x + 4.0),
            label_y: n(y - 3.0),
        }
    };
    let (laid_axes, extents): (Vec<Axis>, Vec<Extent>) = axes
        .iter()
        .enumerate()
        .map(|(k, label)| radar_axis(label, angle(k), cx))
        .unzip();
    // The view box fits the labels and the outer ring and no more, so that the chart is as
    // large as the page allows (a phone's page most of all).
    let outer = Extent {
        left: cx - RADAR_R,
        right: cx + RADAR_R,
        top: RADAR_CY - RADAR_R,
        bottom: RADAR_CY + RADAR_R * 0.5,
    };
    let fit = extents.into_iter().fold(outer, Extent::union);
    let (left, right) = (
        (fit.left - 8.0).max(0.0),
        (fit.right + 8.0).min(RADAR_WIDTH),
    );
    let (top, bottom) = (
        (fit.top - 10.0).max(0.0),
        (fit.bottom + 12.0).min(RADAR_HEIGHT),
    );
    Radar {
        left: n(left),
        width: n(right - left),
        top: n(top),
        height: n(bottom - top),
        rings: [25.0, 50.0, 75.0, 100.0]
            .into_iter()
            .map(|s| ring(s, number(s)))
            .collect(),
        threshold: ready.map(|r| ring(r, format!("ready {}", number(r)))),
        axes: laid_axes,
        series: series
            .iter()
            .enumerate()
            .map(|(i, (name, scores))| {
                let at = |k: usize| scores.get(k).copied().flatten().unwrap_or(0.0);
                let markers = (0..count)
                    .filter(|k| scores.get(*k).copied().flatten().is_some())
                    .map(|k| {
                        let (x, y) = point(k, at(k));
                        marker_path(MARKERS[i % MARKERS.len()], x, y)
                    })
                    .collect();
                Series {
                    name: name.clone(),
                    index: i,
                    color: PALETTE[i % PALETTE.len()],
                    dash: DASHES[i % DASHES.len()],
                    marker: MARKERS[i % MARKERS.len()],
                    points: polygon(&at),
                    markers,
                    legend_marker: marker_path(MARKERS[i % MARKERS.len()], 18.0, 8.0),
                    values: series_values(axes, scores),
                }
            })
            .collect(),
        summary: radar_summary(axes, series),
    }
}

/// The box a part of a chart takes.
#[derive(Debug, Clone, Copy)]
struct Extent {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Extent {
    fn union(self, other: Extent) -> Extent {
        Extent {
            left: self.left.min(other.left),
            right: self.right.max(other.right),
            top: self.top.min(other.top),
            bottom: self.bottom.max(other.bottom),
        }
    }
}

/// The average advance of a character of an axis label, in view-box units (15px sans-serif).
const LABEL_CHAR: f64 = 8.6;

/// One axis, and the box its label takes (its width estimated from its characters).
fn radar_axis(label: &str, theta: f64, cx: f64) -> (Axis, Extent) {
    let (cos, sin) = (theta.cos(), theta.sin());
    let lines = wrap(label, 18, 3);
    let anchor = if cos > 0.3 {
        "start"
    } else if cos < -0.3 {
        "end"
    } else {
        "middle"
    };
    let lx = cx + (RADAR_R + 14.0) * cos;
    let mut ly = RADAR_CY + (RADAR_R + 14.0) * sin + 4.0;
    if sin < -0.3 {
        // Above the chart: the last line sits just over the axis end.
        ly -= 17.0 * (lines.len() as f64 - 1.0) + 4.0;
    } else if sin > 0.3 {
        ly += 10.0;
    } else {
        ly -= 8.5 * (lines.len() as f64 - 1.0);
    }
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64 * LABEL_CHAR;
    let (left, right) = match anchor {
        "start" => (lx, lx + width),
        "end" => (lx - width, lx),
        _ => (lx - width / 2.0, lx + width / 2.0),
    };
    let extent = Extent {
        left,
        right,
        top: ly - 16.0,
        bottom: ly + 17.0 * (lines.len() as f64 - 1.0) + 5.0,
    };
    let axis = Axis {
        x1: n(cx),
        y1: n(RADAR_CY),
        x2: n(cx + RADAR_R * cos),
        y2: n(RADAR_CY + RADAR_R * sin),
        lines,
        full_label: label.to_string(),
        label_x: n(lx),
        label_y: n(ly),
        anchor,
    };
    (axis, extent)
}

/// An SVG path for a marker of `shape` centred at (x, y).
fn marker_path(shape: &str, x: f64, y: f64) -> String {
    let r = 5.0;
    match shape {
        "square" => format!(
            "M{},{}h{}v{}h{}z",
            n(x - r),
            n(y - r),
            n(2.0 * r),
            n(2.0 * r),
            n(-2.0 * r)
        ),
        "triangle" => format!(
            "M{},{}L{},{}L{},{}z",
            n(x),
            n(y - r - 1.0),
            n(x + r + 1.0),
            n(y + r),
            n(x - r - 1.0),
            n(y + r)
        ),
        "triangle-down" => format!(
            "M{},{}L{},{}L{},{}z",
            n(x),
            n(y + r + 1.0),
            n(x + r + 1.0),
            n(y - r),
            n(x - r - 1.0),
            n(y - r)
        ),
        "diamond" => format!(
            "M{},{}L{},{}L{},{}L{},{}z",
            n(x),
            n(y - r - 1.0),
            n(x + r + 1.0),
            n(y),
            n(x),
            n(y + r + 1.0),
            n(x - r - 1.0),
            n(y)
        ),
        "plus" => format!(
            "M{},{}h{}v{}h{}v{}h{}v{}h{}v{}h{}v{}h{}v{}h{}z",
            n(x - 2.0),
            n(y - r - 1.0),
            n(4.0),
            n(r - 1.0),
            n(r - 1.0),
            n(4.0),
            n(1.0 - r),
            n(r - 1.0),
            n(-4.0),
            n(1.0 - r),
            n(1.0 - r),
            n(-4.0),
            n(r - 1.0),
            n(1.0 - r),
            n(0.0)
        ),
        _ => format!(
            "M{},{}a{r},{r} 0 1,0 {},0a{r},{r} 0 1,0 {},0z",
            n(x - r),
            n(y),
            n(2.0 * r),
            n(-2.0 * r)
        ),
    }
}

fn series_values(axes: &[String], scores: &[Option<f64>]) -> String {
    axes.iter()
        .enumerate()
        .map(|(k, a)| {
            let v = scores
                .get(k)
                .copied()
                .flatten()
                .map_or("no score".into(), one_decimal);
            format!("{a} {v}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn radar_summary(axes: &[String], series: &[(String, Vec<Option<f64>>)]) -> String {
    let each: Vec<String> = series
        .iter()
        .map(|(name, scores)| format!("{name}: {}", series_values(axes, scores)))
        .collect();
    format!("Dimension scores out of 100. {}.", each.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radar_puts_each_score_on_its_axis() {
        let axes = vec![
            "up".to_string(),
            "right".into(),
            "down".into(),
            "left".into(),
        ];
        let radar = radar(
            &axes,
            &[("x".into(), vec![Some(100.0), Some(50.0), Some(0.0), None])],
            Some(80.0),
        );
        assert_eq!(
            radar.series[0].points,
            "320.0,95.0 390.0,235.0 320.0,235.0 320.0,235.0"
        );
        // A missing score has no marker; a zero does.
        assert_eq!(radar.series[0].markers.len(), 3);
        assert_eq!(radar.axes[1].anchor, "start");
        assert_eq!(radar.axes[3].anchor, "end");
        assert_eq!(
            radar.threshold.as_ref().map(|r| r.label.as_str()),
            Some("ready 80")
        );
    }

    #[test]
    fn the_radar_view_box_fits_its_labels_and_no_more() {
        let f = |s: &str| s.parse::<f64>().unwrap();
        let axes = vec!["Upstream".to_string(), "Model".into(), "Downstream".into()];
        let radar = radar(&axes, &[("x".into(), vec![Some(50.0); 3])], None);
        let (left, width) = (f(&radar.left), f(&radar.width));
        let (top, height) = (f(&radar.top), f(&radar.height));
        assert!(
            width < RADAR_WIDTH - 100.0,
            "short labels leave no wide margins: {width}"
        );
        assert!(
            height < RADAR_HEIGHT - 60.0,
            "three axes leave no band below: {height}"
        );
        for a in &radar.axes {
            let (x, y) = (f(&a.label_x), f(&a.label_y));
            assert!(x >= left && x <= left + width && y >= top && y <= top + height);
        }
    }

    #[test]
    fn series_differ_in_colour_dash_and_marker() {
        let axes = vec!["a".to_string(), "b".into(), "c".into()];
        let series: Vec<(String, Vec<Option<f64>>)> = (0..6)
            .map(|i| (format!("s{i}"), vec![Some(50.0); 3]))
            .collect();
        let radar = radar(&axes, &series, None);
        for (i, a) in radar.series.iter().enumerate() {
            for b in &radar.series[i + 1..] {
                assert_ne!(a.color, b.color);
                assert_ne!(a.dash, b.dash);
                assert_ne!(a.marker, b.marker);
            }
        }
    }
}
