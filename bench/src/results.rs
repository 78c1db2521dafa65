//! The figures as a Markdown table: each target of issue 14 as a ratio against its floor or
//! baseline measured in the same run, met or not; then every job's raw medians.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

use crate::suite::Figure;

/// Peak memory allowed for `weigh compare` over 10,000 files: 64 MB.
const COMPARE_RSS_LIMIT: u64 = 64_000_000;

/// Whether a target holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The target is met.
    Met,
    /// The target is not met.
    NotMet,
    /// weigh lacks the command, or the job was not run.
    Unavailable,
}

impl Verdict {
    fn of(met: bool) -> Self {
        if met { Verdict::Met } else { Verdict::NotMet }
    }

    fn text(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::NotMet => "**not met**",
            Verdict::Unavailable => "not available",
        }
    }
}

/// One target's row.
pub struct Row {
    /// What is measured.
    pub what: String,
    /// weigh's figure.
    pub weigh: String,
    /// The floor or baseline.
    pub reference: String,
    /// The ratio.
    pub ratio: String,
    /// The target.
    pub target: String,
    /// Met or not.
    pub verdict: Verdict,
}

/// What the table needs besides the figures.
pub struct Context {
    /// Items the walk answered.
    pub walk_items: usize,
    /// Items in the walk's checklist.
    pub walk_checklist: usize,
    /// Whether weigh has `compare`.
    pub compare: bool,
}

/// The target rows, in the order.
pub fn targets(f: &View, cx: &Context) -> Vec<Row> {
    vec![
        report_big(f),
        report_typical(f),
        growth(f),
        compare_speed(f, cx),
        compare_memory(f, cx),
        walk(f, cx),
        report_vs_start(f),
    ]
}

/// Which time the targets are judged on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// Wall-clock time: what a user waits for.
    Wall,
    /// User + system CPU time: steadier when other work shares the machine.
    Cpu,
}

/// The figures seen through one clock.
pub struct View<'a> {
    figures: &'a BTreeMap<String, Figure>,
    clock: Clock,
}

impl<'a> View<'a> {
    /// The figures, judged on `clock`.
    pub fn new(figures: &'a BTreeMap<String, Figure>, clock: Clock) -> Self {
        View { figures, clock }
    }

    /// Nanoseconds as f64: whole numbers, so thresholds like 3 × floor compare exactly.
    fn time(&self, key: &str) -> Option<f64> {
        let x = self.figures.get(key)?;
        let t = match self.clock {
            Clock::Wall => x.wall,
            Clock::Cpu => x.cpu,
        };
        Some(t.as_nanos() as f64)
    }

    fn rss(&self, key: &str) -> Option<u64> {
        self.figures.get(key).map(|x| x.peak_rss)
    }
}

fn show(nanos: f64) -> String {
    secs(nanos / 1e9)
}

fn missing(what: &str, target: String) -> Row {
    Row {
        what: what.to_string(),
        weigh: "not measured".into(),
        reference: String::new(),
        ratio: "—".into(),
        target,
        verdict: Verdict::Unavailable,
    }
}

fn report_big(f: &View) -> Row {
    let what = "`weigh report`, 20,000 items × 3 assessors";
    let target = "≤ 3× floor".to_string();
    let (Some(w), Some(fl)) = (f.time("report-20000"), f.time("floor-report-20000")) else {
        return missing(what, target);
    };
    Row {
        what: what.into(),
        weigh: show(w),
        reference: format!("{} floor", show(fl)),
        ratio: times(w / fl),
        target,
        verdict: Verdict::of(w <= 3.0 * fl),
    }
}

fn report_typical(f: &View) -> Row {
    let what = "`weigh report`, 200 items × 3 assessors";
    let (Some(w), Some(fl), Some(start)) = (
        f.time("report-200"),
        f.time("floor-report-200"),
        f.time("start"),
    ) else {
        return missing(what, "≤ 2× floor + process start".into());
    };
    let limit = 2.0 * fl + start;
    Row {
        what: what.into(),
        weigh: show(w),
        reference: format!("{} floor", show(fl)),
        ratio: times(w / fl),
        target: format!("≤ 2× floor + start = {}", show(limit)),
        verdict: Verdict::of(w <= limit),
    }
}

fn growth(f: &View) -> Row {
    let what = "`weigh report`, 2,000 → 20,000 items";
    let target = "≤ ×12".to_string();
    let (Some(small), Some(big)) = (f.time("report-2000"), f.time("report-20000")) else {
        return missing(what, target);
    };
    let floors = f
        .time("floor-report-2000")
        .zip(f.time("floor-report-20000"));
    Row {
        what: what.into(),
        weigh: format!("{} → {}", show(small), show(big)),
        reference: floors.map_or(String::new(), |(a, b)| {
            format!("floor {} → {} (×{:.1})", show(a), show(b), b / a)
        }),
        ratio: format!("×{:.1}", big / small),
        target,
        verdict: Verdict::of(big <= 12.0 * small),
    }
}

fn compare_speed(f: &View, cx: &Context) -> Row {
    let what = "`weigh compare`, 1,000 files";
    let target = "≤ 1.25× floor".to_string();
    let floor = f.time("floor-compare-1000");
    match (cx.compare, f.time("compare-1000"), floor) {
        (true, Some(w), Some(fl)) => Row {
            what: what.into(),
            weigh: show(w),
            reference: format!("{} floor", show(fl)),
            ratio: times(w / fl),
            target,
            verdict: Verdict::of(w <= 1.25 * fl),
        },
        (false, _, fl) => unavailable(what, fl.map(|fl| format!("{} floor", show(fl))), target),
        _ => missing(what, target),
    }
}

fn compare_memory(f: &View, cx: &Context) -> Row {
    let what = "`weigh compare`, 10,000 files, peak RSS";
    let target = "< 64 MB".to_string();
    let floor = f.rss("floor-compare-10000");
    match (cx.compare, f.rss("compare-10000"), floor) {
        (true, Some(rss), fl) => Row {
            what: what.into(),
            weigh: megabytes(rss),
            reference: fl.map_or(String::new(), |fl| format!("{} floor", megabytes(fl))),
            ratio: "—".into(),
            target,
            verdict: Verdict::of(rss < COMPARE_RSS_LIMIT),
        },
        (false, _, fl) => unavailable(
            what,
            fl.map(|fl| format!("{} floor", megabytes(fl))),
            target,
        ),
        _ => missing(what, target),
    }
}

fn unavailable(what: &str, reference: Option<String>, target: String) -> Row {
    Row {
        what: what.into(),
        weigh: "no `compare` command".into(),
        reference: reference.unwrap_or_default(),
        ratio: "—".into(),
        target,
        verdict: Verdict::Unavailable,
    }
}

fn walk(f: &View, cx: &Context) -> Row {
    let what = format!(
        "line-mode walk, {} items asked ({}-item checklist)",
        thousands(cx.walk_items),
        thousands(cx.walk_checklist)
    );
    let target = "≤ 2× one `weigh answer` per item, minus starts".to_string();
    let key = format!("walk-{}", cx.walk_checklist);
    let (Some(w), Some(each), Some(start)) = (f.time(&key), f.time("answer-each"), f.time("start"))
    else {
        return missing(&what, target);
    };
    let baseline = each - cx.walk_items as f64 * start;
    let walked = w - start;
    Row {
        what,
        weigh: show(w),
        reference: format!(
            "{} ({} answers) − {} × {} start",
            show(baseline),
            show(each),
            cx.walk_items,
            show(start)
        ),
        ratio: if baseline > 0.0 {
            times(walked / baseline)
        } else {
            "—".into()
        },
        target,
        verdict: Verdict::of(baseline > 0.0 && walked <= 2.0 * baseline),
    }
}

fn report_vs_start(f: &View) -> Row {
    let what = "`weigh report`, typical file, vs start + parse";
    let target = "≤ 1.2× (`weigh --version` + parse)".to_string();
    let (Some(w), Some(start), Some(fl), Some(fl_start)) = (
        f.time("report-200"),
        f.time("start"),
        f.time("floor-report-200"),
        f.time("floor-start"),
    ) else {
        return missing(what, target);
    };
    let parse = (fl - fl_start).max(0.0);
    Row {
        what: what.into(),
        weigh: show(w),
        reference: format!("{} start + {} parse", show(start), show(parse)),
        ratio: times(w / (start + parse)),
        target,
        verdict: Verdict::of(w <= 1.2 * (start + parse)),
    }
}

/// The whole Markdown report: the targets by wall-clock and by CPU time, then each job in the
/// order they ran.
pub fn markdown(f: &BTreeMap<String, Figure>, order: &[String], cx: &Context) -> String {
    let mut out = String::new();
    out.push_str("Targets by wall-clock time:\n\n");
    targets_table(&mut out, &View::new(f, Clock::Wall), cx);
    out.push_str(
        "\nThe same by CPU time (user + system), steadier when other work shares the machine:\n\n",
    );
    targets_table(&mut out, &View::new(f, Clock::Cpu), cx);
    out.push_str(
        "\n| job | wall (median) | fastest … slowest | CPU (median) | runs | peak RSS |\n",
    );
    out.push_str("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (key, x) in order.iter().filter_map(|k| f.get(k).map(|x| (k, x))) {
        let _ = writeln!(
            out,
            "| `{key}` | {} | {} … {} | {} | {} | {} |",
            duration(x.wall),
            duration(x.min),
            duration(x.max),
            duration(x.cpu),
            x.reps,
            megabytes(x.peak_rss)
        );
    }
    out
}

fn targets_table(out: &mut String, f: &View, cx: &Context) {
    out.push_str("| target | weigh | floor or baseline | ratio | target | met? |\n");
    out.push_str("| --- | ---: | ---: | ---: | --- | --- |\n");
    for row in targets(f, cx) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            row.what,
            row.weigh,
            row.reference,
            row.ratio,
            row.target,
            row.verdict.text()
        );
    }
}

/// `1,000`: thousands separated, as in the prose.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A duration with three significant figures.
pub fn duration(d: Duration) -> String {
    secs(d.as_secs_f64())
}

fn secs(s: f64) -> String {
    let ms = s * 1000.0;
    match ms {
        m if m < 10.0 => format!("{m:.2} ms"),
        m if m < 100.0 => format!("{m:.1} ms"),
        m if m < 1000.0 => format!("{m:.0} ms"),
        _ if s < 10.0 => format!("{s:.2} s"),
        _ if s < 100.0 => format!("{s:.1} s"),
        _ => format!("{s:.0} s"),
    }
}

fn times(r: f64) -> String {
    if r < 10.0 {
        format!("{r:.2}×")
    } else {
        format!("{r:.0}×")
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(ms: u64) -> Figure {
        let d = Duration::from_millis(ms);
        Figure {
            wall: d,
            cpu: d,
            min: d,
            max: d,
            peak_rss: 10_000_000,
            reps: 5,
        }
    }

    fn figures(pairs: &[(&str, u64)]) -> BTreeMap<String, Figure> {
        pairs
            .iter()
            .map(|(k, ms)| (k.to_string(), fig(*ms)))
            .collect()
    }

    fn wall(f: &BTreeMap<String, Figure>) -> View<'_> {
        View::new(f, Clock::Wall)
    }

    const CX: Context = Context {
        walk_items: 10,
        walk_checklist: 12,
        compare: false,
    };

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(thousands(967), "967");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(20000), "20,000");
    }

    #[test]
    fn durations_keep_three_significant_figures() {
        assert_eq!(secs(0.00135), "1.35 ms");
        assert_eq!(secs(0.0135), "13.5 ms");
        assert_eq!(secs(0.423), "423 ms");
        assert_eq!(secs(57.14), "57.1 s");
    }

    #[test]
    fn report_on_the_big_file_within_three_floors_is_met() {
        let f = figures(&[("report-20000", 900), ("floor-report-20000", 300)]);
        assert_eq!(report_big(&wall(&f)).verdict, Verdict::Met);
        let f = figures(&[("report-20000", 901), ("floor-report-20000", 300)]);
        assert_eq!(report_big(&wall(&f)).verdict, Verdict::NotMet);
    }

    #[test]
    fn the_typical_report_may_take_two_floors_plus_a_start() {
        let f = figures(&[("report-200", 5), ("floor-report-200", 2), ("start", 1)]);
        assert_eq!(report_typical(&wall(&f)).verdict, Verdict::Met);
        let f = figures(&[("report-200", 6), ("floor-report-200", 2), ("start", 1)]);
        assert_eq!(report_typical(&wall(&f)).verdict, Verdict::NotMet);
    }

    #[test]
    fn growth_beyond_twelvefold_is_not_met() {
        let f = figures(&[("report-2000", 100), ("report-20000", 1300)]);
        assert_eq!(growth(&wall(&f)).verdict, Verdict::NotMet);
        assert_eq!(growth(&wall(&f)).ratio, "×13.0");
    }

    #[test]
    fn the_walk_is_judged_against_answers_minus_their_starts() {
        // 10 answers took 300 ms of which 10 × 10 ms were starts: 200 ms of work.
        let f = figures(&[("walk-12", 410), ("answer-each", 300), ("start", 10)]);
        assert_eq!(walk(&wall(&f), &CX).verdict, Verdict::Met);
        let f = figures(&[("walk-12", 420), ("answer-each", 300), ("start", 10)]);
        assert_eq!(walk(&wall(&f), &CX).verdict, Verdict::NotMet);
    }

    #[test]
    fn the_typical_report_compares_with_start_plus_parse_without_the_floors_own_start() {
        let f = figures(&[
            ("report-200", 12),
            ("start", 5),
            ("floor-report-200", 6),
            ("floor-start", 1),
        ]);
        assert_eq!(report_vs_start(&wall(&f)).verdict, Verdict::Met);
        let f = figures(&[
            ("report-200", 13),
            ("start", 5),
            ("floor-report-200", 6),
            ("floor-start", 1),
        ]);
        assert_eq!(report_vs_start(&wall(&f)).verdict, Verdict::NotMet);
    }

    #[test]
    fn a_weigh_without_compare_says_so() {
        let f = figures(&[("floor-compare-1000", 500)]);
        let row = compare_speed(&wall(&f), &CX);
        assert_eq!(row.verdict, Verdict::Unavailable);
        assert!(row.weigh.contains("no `compare`"));
        assert!(markdown(&f, &[], &CX).contains("not available"));
    }

    #[test]
    fn the_cpu_clock_judges_on_cpu_time() {
        let mut f = figures(&[("report-20000", 900), ("floor-report-20000", 300)]);
        f.get_mut("report-20000").expect("inserted").cpu = Duration::from_millis(1000);
        assert_eq!(report_big(&wall(&f)).verdict, Verdict::Met);
        assert_eq!(
            report_big(&View::new(&f, Clock::Cpu)).verdict,
            Verdict::NotMet
        );
    }

    #[test]
    fn compare_memory_is_judged_on_peak_rss() {
        let cx = Context {
            compare: true,
            ..CX
        };
        let mut f = figures(&[("compare-10000", 100)]);
        f.get_mut("compare-10000").expect("inserted").peak_rss = 63_999_999;
        assert_eq!(compare_memory(&wall(&f), &cx).verdict, Verdict::Met);
        f.get_mut("compare-10000").expect("inserted").peak_rss = 64_000_000;
        assert_eq!(compare_memory(&wall(&f), &cx).verdict, Verdict::NotMet);
    }
}
