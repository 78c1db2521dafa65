//! `extends` (SPEC §2): a team's checklist built on another by path or id, with `remove`,
//! `[[override]]`, readiness overrides, appended and new dimensions, chains; every rejection at
//! its place in the extending file; the digest of the resolved checklist; `checklist show`
//! marking what changed; a project checklist that shadows a built-in and extends it.

use std::path::PathBuf;

use weigh::checklist::{Checklist, Kind};
use weigh::diag::line_col;
use weigh::error::Error;
use weigh::locate::from_path;

mod common;
use common::{Case, case, fixture, ok, small, temp, weigh_in};

fn extends(name: &str) -> PathBuf {
    fixture("checklists/extends").join(name)
}

fn loaded(name: &str) -> Checklist {
    from_path(&extends(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every rejection: the code, and where in the extending file (line, column), and help.
const CASES: &[Case] = &[
    case("unknown-base.toml", "unknown-base", 2, 11, "checklist list"),
    case("missing-base-path.toml", "unknown-base", 2, 11, "relative"),
    // Not opened at all: a checklist from elsewhere cannot make weigh read any file it likes.
    case(
        "absolute-base-path.toml",
        "unknown-base",
        2,
        11,
        "relative to this file",
    ),
    case("cycle-a.toml", "extends-cycle", 2, 11, "stand on its own"),
    case("itself.toml", "extends-cycle", 2, 11, ""),
    case(
        "invalid-base.toml",
        "invalid-base",
        2,
        11,
        "weigh checklist validate",
    ),
    case(
        "unknown-remove.toml",
        "unknown-remove-target",
        3,
        25,
        "eval-depth",
    ),
    case(
        "removed-controller.toml",
        "removed-controller",
        3,
        11,
        "gpu-count",
    ),
    case(
        "unknown-override.toml",
        "unknown-override-target",
        10,
        8,
        "eval-depth",
    ),
    case(
        "override-removed.toml",
        "unknown-override-target",
        11,
        8,
        "",
    ),
    case(
        "duplicate-override.toml",
        "duplicate-override",
        14,
        8,
        "merge",
    ),
    case("override-kind.toml", "unknown-key", 11, 1, ""),
    case(
        "override-foreign-key.toml",
        "key-not-for-kind",
        11,
        10,
        "remove `levels`",
    ),
    case(
        "override-unreachable-gate.toml",
        "unreachable-gate",
        11,
        8,
        "0 to 3",
    ),
    case("readiness-below.toml", "ready-below-conditional", 9, 1, ""),
    case("duplicate-added-item.toml", "duplicate-id", 13, 6, "unique"),
    case(
        "new-dimension-without-title.toml",
        "missing-key",
        9,
        1,
        "title",
    ),
];

#[test]
fn each_extends_rejection_is_reported_at_its_place_in_the_extending_file() {
    for c in CASES {
        let path = extends(c.file);
        let report = match from_path(&path) {
            Ok(_) => panic!("{}: accepted", c.file),
            Err(Error::Invalid(report)) => report,
            Err(other) => panic!("{}: {other}", c.file),
        };
        assert!(
            report.source.name.ends_with(c.file),
            "{}: reported in {}",
            c.file,
            report.source.name
        );
        let found = report.diagnostics.iter().find(|d| {
            d.code == c.code
                && d.span
                    .as_ref()
                    .is_some_and(|s| line_col(&report.source.text, s.start) == (c.line, c.column))
        });
        let Some(d) = found else {
            panic!(
                "{}: no {} at {}:{}:\n{}",
                c.file,
                c.code,
                c.line,
                c.column,
                report.render(false)
            );
        };
        let help = d.help.as_deref().unwrap_or_default();
        assert!(help.contains(c.help), "{}: help {help:?}", c.file);
    }
}

#[test]
fn a_cycle_names_every_file_in_it() {
    let Err(Error::Invalid(report)) = from_path(&extends("cycle-a.toml")) else {
        panic!("a cycle loads")
    };
    let message = &report.diagnostics[0].message;
    assert!(
        message.contains("cycle-a.toml") && message.contains("cycle-b.toml"),
        "{message}"
    );
}

#[test]
fn remove_override_readiness_and_added_items_make_the_resolved_checklist() {
    let c = loaded("team.toml");
    let base = from_path(&small()).unwrap();
    let ids: Vec<&str> = c.items().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "licence-ok",
            "eval-depth",
            "deploy",
            "gpu-count",
            "golden-set",
            "latency",
            "on-call"
        ],
        "summary removed; golden-set appended to core; a new dimension last"
    );
    assert_eq!(c.dimensions.len(), 3);
    assert_eq!(c.dimensions[2].title, "Operations");
    let eval = c.item("eval-depth").unwrap();
    assert_eq!(eval.weight, 3.0);
    assert_eq!(eval.gate, Some(weigh::checklist::Gate::MinLevel(2)));
    let Kind::Scale { levels } = &eval.kind else {
        panic!("scale")
    };
    assert_eq!(levels[3], "Automated, compared with the incumbent");
    // Keys not overridden stay the base's.
    assert_eq!(eval.max_age_days, Some(30));
    assert!(eval.evidence_required);
    assert_eq!(c.readiness.ready, 85.0);
    assert_eq!(c.readiness.conditional, base.readiness.conditional);
    assert_ne!(
        c.digest, base.digest,
        "the digest covers the resolved checklist"
    );
    let inheritance = c.inheritance.as_ref().expect("marked as extending");
    assert_eq!(inheritance.removed, ["summary"]);
    assert_eq!(
        inheritance.overridden["eval-depth"],
        ["levels", "weight", "gate"]
    );
    assert!(inheritance.added.contains("golden-set") && inheritance.added.contains("on-call"));
}

#[test]
fn chains_of_extends_resolve_in_order() {
    let c = loaded("chained.toml");
    assert_eq!(c.id, "chained");
    assert_eq!(c.item("golden-set").unwrap().weight, 4.0);
    assert_eq!(c.item("eval-depth").unwrap().weight, 3.0, "from team.toml");
    assert!(c.item("summary").is_none(), "removed by team.toml");
}

#[test]
fn extending_without_changes_scores_like_the_base_under_a_new_id() {
    let dir = temp();
    let text = "schema_version = 1\nextends = \"base.toml\"\n\n[checklist]\nid = \"same\"\ntitle = \"Small test checklist\"\nversion = \"1.0.0\"\n";
    std::fs::copy(small(), dir.path().join("base.toml")).unwrap();
    std::fs::write(dir.path().join("same.toml"), text).unwrap();
    let same = from_path(&dir.path().join("same.toml")).unwrap();
    let base = from_path(&small()).unwrap();
    assert_eq!(same.dimensions, base.dimensions);
    assert_eq!(same.readiness, base.readiness);
}

#[test]
fn checklist_show_marks_what_the_extending_file_changed() {
    let r = weigh_in(
        &common::root(),
        &[
            "checklist",
            "show",
            &extends("team.toml").display().to_string(),
        ],
    );
    ok(&r);
    assert!(r.stdout.contains("Extends small 1.0.0"), "{}", r.stdout);
    assert!(r.stdout.contains("removed: summary"), "{}", r.stdout);
    assert!(
        r.stdout.contains("readiness set here: ready"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("overridden: levels, weight, gate"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("added"), "{}", r.stdout);
    let md = weigh_in(
        &common::root(),
        &[
            "checklist",
            "show",
            &extends("team.toml").display().to_string(),
            "--format",
            "markdown",
        ],
    );
    ok(&md);
    assert!(
        md.stdout.contains("overridden: levels, weight, gate"),
        "{}",
        md.stdout
    );
}

#[test]
fn a_project_checklist_that_shadows_a_built_in_and_extends_its_id_extends_the_built_in() {
    let dir = temp();
    ok(&weigh_in(dir.path(), &["init", "--team", "acme"]));
    let text = "schema_version = 1\nextends = \"quick-screen\"\n\n[checklist]\nid = \"quick-screen\"\ntitle = \"Our quick screen\"\nversion = \"9.0.0\"\n\n[readiness]\nready = 95\n";
    std::fs::write(dir.path().join("checklists/quick-screen.toml"), text).unwrap();
    let r = weigh_in(
        dir.path(),
        &["checklist", "show", "quick-screen", "--format", "json"],
    );
    ok(&r);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["checklist"]["version"], "9.0.0");
    assert_eq!(json["readiness"]["ready"], 95.0);
    let builtin = weigh::checklist::builtin::load("quick-screen").unwrap();
    assert_eq!(
        json["dimension"].as_array().unwrap().len(),
        builtin.dimensions.len()
    );
    // The starter checklist `init` wrote extends the default by id.
    let starter = weigh_in(
        dir.path(),
        &["checklist", "validate", "checklists/acme.toml"],
    );
    ok(&starter);
}

#[test]
fn a_project_checklist_extends_another_project_checklist_by_id() {
    let dir = temp();
    ok(&weigh_in(dir.path(), &["init", "--team", "acme"]));
    std::fs::copy(small(), dir.path().join("checklists/small.toml")).unwrap();
    let text = "schema_version = 1\nextends = \"small\"\n\n[checklist]\nid = \"ours\"\ntitle = \"Ours\"\nversion = \"1.0.0\"\n";
    std::fs::write(dir.path().join("checklists/ours.toml"), text).unwrap();
    let r = weigh_in(dir.path(), &["checklist", "show", "ours"]);
    ok(&r);
    assert!(r.stdout.contains("Extends small 1.0.0"), "{}", r.stdout);
}
