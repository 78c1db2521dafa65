//! `weigh init` and the project it sets up, end to end (SPEC §3 "Finding the checklist", §5):
//! the layout, never overwriting, the warning about a parent project, project checklists found
//! by id from anywhere in the project, shadowing a built-in, duplicate ids, and the `#:schema`
//! line of assessments written inside the project.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;
use common::{Run, ok, refused, small, start, temp, weigh_in};

/// Every file and folder under `root`, relative, with file contents (folders map to `None`).
fn snapshot(root: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if path.is_dir() {
                out.insert(format!("{rel}/"), None);
                todo.push(path);
            } else {
                out.insert(rel, Some(std::fs::read(&path).unwrap()));
            }
        }
    }
    out
}

/// A temporary folder with `weigh init` run in it.
fn project() -> tempfile::TempDir {
    let dir = temp();
    ok(&weigh_in(dir.path(), &["init"]));
    dir
}

/// Writes the small fixture checklist into the project's `checklists/` under `name`, with `id`.
fn add_checklist(root: &Path, name: &str, id: &str) -> PathBuf {
    let text = std::fs::read_to_string(small())
        .unwrap()
        .replace("id = \"small\"", &format!("id = \"{id}\""));
    let path = root.join("checklists").join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn json(r: &Run) -> serde_json::Value {
    ok(r);
    serde_json::from_str(&r.stdout).expect("JSON on stdout")
}

// ─── init ─────────────────────────────────────────────────────────────────────────────────────

#[test]
fn init_in_an_empty_folder_creates_the_project_layout() {
    let dir = temp();
    let r = weigh_in(dir.path(), &["init", "--team", "Acme"]);
    ok(&r);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    let names: Vec<String> = snapshot(dir.path()).into_keys().collect();
    assert_eq!(
        names,
        [
            "assessments/",
            "assessments/.gitkeep",
            "checklists/",
            "checklists/acme.toml",
            "schemas/",
            "schemas/assessment.schema.json",
            "schemas/checklist.schema.json",
            "schemas/compare.schema.json",
            "schemas/diff.schema.json",
            "schemas/project.schema.json",
            "schemas/report.schema.json",
            "schemas/serve-api.schema.json",
            "weigh.toml",
        ]
    );
    // weigh.toml is a valid project file whose default is the team's starter checklist.
    let project = weigh::project::load(&dir.path().join("weigh.toml")).expect("weigh.toml loads");
    assert_eq!(project.default_checklist, "acme");
    assert_eq!(project.checklists, vec![dir.path().join("checklists")]);
    // Each schema file is what `weigh schema` prints.
    for kind in [
        "checklist",
        "assessment",
        "report",
        "project",
        "compare",
        "diff",
        "serve-api",
    ] {
        let printed = weigh_in(dir.path(), &["schema", kind]);
        ok(&printed);
        let written =
            std::fs::read_to_string(dir.path().join(format!("schemas/{kind}.schema.json")))
                .unwrap();
        assert_eq!(written, printed.stdout, "{kind}");
        let parsed: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert!(parsed.get("$schema").is_some(), "{kind}");
    }
}

#[test]
fn init_again_changes_nothing_and_reports_what_exists() {
    let dir = project();
    // A team's edits must survive: init never overwrites.
    let custom = "schema_version = 1\ndefault_checklist = \"quick-screen\"\n";
    std::fs::write(dir.path().join("weigh.toml"), custom).unwrap();
    std::fs::write(dir.path().join("schemas/report.schema.json"), "{}\n").unwrap();
    let before = snapshot(dir.path());
    let r = weigh_in(dir.path(), &["init"]);
    ok(&r);
    assert_eq!(snapshot(dir.path()), before);
    for name in [
        "weigh.toml",
        "assessments",
        "checklists",
        "schemas",
        "report.schema.json",
    ] {
        assert!(
            r.stderr
                .lines()
                .any(|l| l.contains("exists") && l.contains(name)),
            "{name}: {}",
            r.stderr
        );
    }
    assert!(!r.stderr.contains("created"), "{}", r.stderr);
}

#[test]
fn init_creates_only_what_is_missing() {
    let dir = project();
    std::fs::remove_file(dir.path().join("schemas/checklist.schema.json")).unwrap();
    std::fs::write(dir.path().join("weigh.toml"), "schema_version = 1\n").unwrap();
    let r = weigh_in(dir.path(), &["init"]);
    ok(&r);
    assert!(dir.path().join("schemas/checklist.schema.json").is_file());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("weigh.toml")).unwrap(),
        "schema_version = 1\n"
    );
    assert!(
        r.stderr
            .lines()
            .any(|l| l.contains("created") && l.contains("checklist.schema.json")),
        "{}",
        r.stderr
    );
}

#[test]
fn init_below_a_folder_with_weigh_toml_warns() {
    let dir = project();
    let sub = dir.path().join("team").join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let r = weigh_in(&sub, &["init"]);
    ok(&r);
    assert!(r.stderr.contains("warning"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains(&dir.path().join("weigh.toml").display().to_string()),
        "{}",
        r.stderr
    );
    assert!(
        sub.join("weigh.toml").is_file(),
        "init still sets up the folder"
    );
}

// ─── Project checklists ───────────────────────────────────────────────────────────────────────

#[test]
fn a_project_checklist_is_found_by_id_from_a_subfolder() {
    let dir = project();
    let ours = add_checklist(dir.path(), "ours.toml", "team-small");
    let team = dir.path().join("assessments").join("team");
    std::fs::create_dir_all(&team).unwrap();
    start(&team, "m.toml", "team-small", "M", ["licence-ok", "yes"]);
    // No --checklist from now on: the id is looked up in the project's checklists/.
    ok(&weigh_in(
        &team,
        &["answer", "m.toml", "deploy", "api", "--as", "alice"],
    ));
    let report = json(&weigh_in(&team, &["report", "m.toml", "--format", "json"]));
    assert_eq!(report["checklist"]["id"], "team-small");
    let source = report["checklist"]["source"].as_str().unwrap();
    assert!(
        Path::new(source).ends_with("checklists/ours.toml"),
        "{source}"
    );
    assert_eq!(
        std::fs::canonicalize(source).unwrap(),
        std::fs::canonicalize(&ours).unwrap()
    );
}

#[test]
fn discovery_starts_at_the_assessment_files_folder_not_the_working_directory() {
    let dir = project();
    add_checklist(dir.path(), "ours.toml", "team-small");
    let file = dir.path().join("assessments").join("m.toml");
    let file_arg = file.display().to_string();
    let elsewhere = temp();
    start(
        elsewhere.path(),
        &file_arg,
        "team-small",
        "M",
        ["licence-ok", "yes"],
    );
    let report = json(&weigh_in(
        elsewhere.path(),
        &["report", &file_arg, "--format", "json"],
    ));
    assert_eq!(report["checklist"]["id"], "team-small");
    // Outside the project, the id means nothing.
    let copy = elsewhere.path().join("m.toml");
    std::fs::copy(&file, &copy).unwrap();
    let r = weigh_in(elsewhere.path(), &["report", "m.toml"]);
    refused(&r);
    assert!(r.stderr.contains("--checklist"), "{}", r.stderr);
}

#[test]
fn a_project_checklist_reusing_a_builtin_id_shadows_it() {
    let dir = project();
    add_checklist(dir.path(), "screen.toml", "quick-screen");
    let list = weigh_in(dir.path(), &["checklist", "list"]);
    ok(&list);
    let project_line = list
        .stdout
        .lines()
        .find(|l| l.contains("screen.toml"))
        .unwrap_or_else(|| panic!("the project checklist is listed:\n{}", list.stdout));
    assert!(project_line.contains("quick-screen"), "{project_line}");
    assert!(project_line.contains("shadows"), "{project_line}");
    assert!(
        list.stdout
            .lines()
            .any(|l| l.contains("quick-screen") && l.contains("shadowed")),
        "{}",
        list.stdout
    );

    // `licence-ok` exists only in the project's quick-screen, not in the built-in one.
    start(
        dir.path(),
        "assessments/q.toml",
        "quick-screen",
        "Q",
        ["licence-ok", "yes"],
    );
    let report = json(&weigh_in(
        dir.path(),
        &["report", "assessments/q.toml", "--format", "json"],
    ));
    assert_eq!(report["checklist"]["id"], "quick-screen");
    assert_ne!(report["checklist"]["source"], "builtin");
    assert_eq!(report["checklist"]["title"], "Small test checklist");
}

#[test]
fn two_project_checklists_with_one_id_are_an_error() {
    let dir = project();
    add_checklist(dir.path(), "one.toml", "team-small");
    add_checklist(dir.path(), "two.toml", "team-small");
    let r = weigh_in(
        dir.path(),
        &[
            "answer",
            "assessments/m.toml",
            "licence-ok",
            "yes",
            "--as",
            "alice",
            "--candidate",
            "M",
            "--checklist",
            "team-small",
        ],
    );
    refused(&r);
    assert!(r.stderr.contains("one.toml"), "{}", r.stderr);
    assert!(r.stderr.contains("two.toml"), "{}", r.stderr);
    assert!(!dir.path().join("assessments/m.toml").exists());
    // Another id still resolves.
    add_checklist(dir.path(), "three.toml", "other");
    start(
        dir.path(),
        "assessments/m.toml",
        "other",
        "M",
        ["licence-ok", "yes"],
    );
}

// ─── #:schema ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn an_assessment_inside_the_project_starts_with_a_schema_line_relative_to_it() {
    let dir = project();
    std::fs::create_dir_all(dir.path().join("assessments/team")).unwrap();
    for (file, expected) in [
        (
            "assessments/team/m.toml",
            "#:schema ../../schemas/assessment.schema.json",
        ),
        (
            "assessments/m.toml",
            "#:schema ../schemas/assessment.schema.json",
        ),
        ("m.toml", "#:schema schemas/assessment.schema.json"),
    ] {
        start(
            dir.path(),
            file,
            "quick-screen",
            "M",
            ["deploy-mode", "API"],
        );
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap();
        assert_eq!(first, expected, "{file}");
        let target = path
            .parent()
            .unwrap()
            .join(first.trim_start_matches("#:schema "));
        assert!(target.is_file(), "{} exists", target.display());
        // The schema line survives a rewrite and the file still reads.
        ok(&weigh_in(
            dir.path(),
            &["answer", file, "deploy-mode", "Both", "--as", "alice"],
        ));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().next(), Some(expected), "{file}");
        ok(&weigh_in(dir.path(), &["report", file]));
    }
}

#[test]
fn an_assessment_outside_any_project_has_no_schema_line() {
    let dir = temp();
    start(
        dir.path(),
        "m.toml",
        "quick-screen",
        "M",
        ["deploy-mode", "API"],
    );
    let text = std::fs::read_to_string(dir.path().join("m.toml")).unwrap();
    assert!(text.starts_with("schema_version = 1\n"), "{text}");
}

#[test]
fn the_schema_line_is_right_when_the_file_is_named_through_dot_dot() {
    let dir = project();
    let team = dir.path().join("assessments").join("team");
    std::fs::create_dir_all(&team).unwrap();
    start(
        &team,
        "../m.toml",
        "quick-screen",
        "M",
        ["deploy-mode", "API"],
    );
    let text = std::fs::read_to_string(dir.path().join("assessments/m.toml")).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("#:schema ../schemas/assessment.schema.json")
    );
}

#[test]
fn discovery_for_a_file_named_through_dot_dot_starts_at_its_real_folder() {
    let dir = project();
    add_checklist(dir.path(), "outer.toml", "outer");
    // A nested project below the assessment's folder must not be consulted for it.
    let team = dir.path().join("assessments").join("team");
    std::fs::create_dir_all(&team).unwrap();
    ok(&weigh_in(&team, &["init"]));
    start(&team, "../m.toml", "outer", "M", ["licence-ok", "yes"]);
    ok(&weigh_in(
        &team,
        &["report", "../m.toml", "--format", "json"],
    ));
}
