//! A report full of hostile text: a checklist (`tests/fixtures/checklists/hostile.toml`) and an
//! assessment whose every string an author or assessor controls is written to break out of
//! HTML, for the raw-HTML and the browser tests alike.

use std::path::Path;

use crate::common::{assert_exit, fixture, ok, run, weigh, weigh_in};

/// What assessors can type, each written to break out of HTML.
pub const HOSTILE_NOTE: &str = "</td><script>alert('note')</script><img src=x onerror=alert('note')>\"><svg onload=alert('note')>";
pub const HOSTILE_NAME: &str =
    "Model \"><svg onload=alert('name')> </title><script>alert('name')</script>";
pub const HOSTILE_ASSESSOR: &str = "eve<script>alert('by')</script>";
/// Evidence that must stay text, and evidence that must become a link.
pub const BAD_EVIDENCE: &[&str] = &[
    "javascript:alert('evidence')",
    "JaVaScRiPt:alert('evidence')",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox('evidence')",
    "//evil.example/protocol-relative",
    "file:///etc/passwd",
    "\"><a href=javascript:alert('evidence')>x</a>",
];
pub const GOOD_EVIDENCE: &[&str] = &["https://example.com/run?id=1&x=2", "evals/run 1.md"];

/// An assessment of the hostile checklist with hostile text everywhere an assessor can put it.
pub fn hostile_assessment(dir: &Path) {
    let checklist = fixture("checklists/hostile.toml").display().to_string();
    let mut args: Vec<String> = [
        "answer",
        "a.toml",
        "depth",
        "1",
        "--as",
        HOSTILE_ASSESSOR,
        "--candidate",
        HOSTILE_NAME,
        "--checklist",
        &checklist,
        "--note",
        HOSTILE_NOTE,
    ]
    .map(String::from)
    .to_vec();
    for e in BAD_EVIDENCE.iter().chain(GOOD_EVIDENCE) {
        args.push("--evidence".into());
        args.push((*e).into());
    }
    ok(&run(weigh(dir).args(&args)));
    for (item, value) in [
        ("licence-ok", "no"),
        ("deploy", "<svg><script>alert('label')</script></svg>"),
        ("latency", "900"),
        ("summary", HOSTILE_NOTE),
        ("depth", "2"),
    ] {
        let by = if item == "depth" {
            "bob"
        } else {
            HOSTILE_ASSESSOR
        };
        let r = weigh_in(
            dir,
            &[
                "answer",
                "a.toml",
                item,
                value,
                "--as",
                by,
                "--checklist",
                &checklist,
                "--note",
                HOSTILE_NOTE,
                "--evidence",
                "javascript:alert('e2')",
            ],
        );
        assert_exit(&r, 0);
    }
}

/// The hostile assessment's HTML report.
pub fn hostile_html(dir: &Path) -> String {
    hostile_assessment(dir);
    let checklist = fixture("checklists/hostile.toml").display().to_string();
    let r = weigh_in(
        dir,
        &[
            "report",
            "a.toml",
            "--format",
            "html",
            "--checklist",
            &checklist,
        ],
    );
    ok(&r);
    r.stdout
}
