//! Test helpers for comparisons: candidates scored against small inline checklists.

use crate::assessment::Answer;
use crate::checklist::Checklist;
use crate::report::ReportView;
use crate::score::testkit::{AT, assessment, checklist, ts};

/// Two dimensions: `core` (a yes/no gate and a scale) and `extra` (a number in ms).
pub const BODY: &str = r#"
[[dimension]]
id = "core"
title = "Core"
[[dimension.item]]
id = "licence"
question = "Licence ok?"
kind = "yes_no"
gate = true
[[dimension.item]]
id = "depth"
question = "How deep?"
kind = "scale"
levels = ["None", "Spot-checked", "Rubric on 100 representative cases", "Automated"]
[[dimension]]
id = "extra"
title = "Extra"
[[dimension.item]]
id = "latency"
question = "Latency?"
kind = "number"
unit = "ms"
best = 100
worst = 2000
"#;

/// The checklist of [`BODY`].
pub fn small() -> Checklist {
    checklist(BODY)
}

/// The report view of a candidate named `name` with these answers.
pub fn view(c: &Checklist, name: &str, answers: Vec<Answer>) -> ReportView {
    let mut a = assessment(answers);
    a.candidate.name = name.to_string();
    let card = crate::score::score(c, &a, ts(AT));
    crate::report::build(c, &a, &card)
}

/// The JSON report of a candidate named `name` who answered every item of [`small`].
pub fn sample_report(name: &str) -> crate::report::json::JsonReport {
    use crate::score::testkit::{by_amy, int, yes};
    let c = small();
    let v = view(
        &c,
        name,
        by_amy([("licence", yes()), ("depth", int(2)), ("latency", int(400))]),
    );
    crate::report::json::report(&v)
}
