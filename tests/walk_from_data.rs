//! The walkthrough offers the answer the recorded facts give as the default, marked "from data":
//! in line mode (`:data` takes it) and in a real terminal (pre-selected, Enter confirms). An
//! answer from data is dated at the fact's as_of, with the fact and its source as note and
//! evidence; the assessor may answer otherwise.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::{answer_tables, bound_arg, ok, recorded, refused, temp, weigh_command};

/// `weigh assess a.toml --as alice` in line mode with `input` on stdin.
fn line_mode(dir: &Path, input: &str) -> common::Run {
    let mut child = weigh_command(dir)
        .args([
            "assess",
            "a.toml",
            "--as",
            "alice",
            "--checklist",
            bound_arg().as_str(),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    common::Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn answers(dir: &Path) -> Vec<toml::Table> {
    answer_tables(dir, "a.toml")
}

#[test]
fn line_mode_offers_the_answer_from_data_and_data_takes_it_dated_at_as_of() {
    let dir = temp();
    recorded(dir.path());
    let r = line_mode(dir.path(), ":data\n:data\n:quit\n");
    ok(&r);
    assert!(
        r.stderr
            .contains("(from data: 38 providers; `:data` takes it)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("(from data: yes; `:data` takes it)"),
        "{}",
        r.stderr
    );
    let a = answers(dir.path());
    assert_eq!(a[0]["item"].as_str(), Some("provider-count"));
    assert_eq!(a[0]["value"].as_integer(), Some(38));
    assert_eq!(
        a[0]["at"].to_string(),
        "2026-07-01T00:00:00Z",
        "dated at the fact's as_of, not now"
    );
    let note = a[0]["note"].as_str().unwrap();
    assert!(
        note.starts_with("from data: fact `providers.count` = 38 ("),
        "{note}"
    );
    assert!(
        a[0]["evidence"].as_array().unwrap()[0]
            .as_str()
            .unwrap()
            .ends_with("models-dev")
    );
    assert_eq!(a[1]["value"].as_bool(), Some(true));
}

#[test]
fn the_assessor_may_answer_otherwise_and_is_dated_now() {
    let dir = temp();
    recorded(dir.path());
    let r = line_mode(dir.path(), "2\tonly two pass our data policy\n:quit\n");
    ok(&r);
    let a = answers(dir.path());
    assert_eq!(a[0]["value"].as_integer(), Some(2));
    assert_eq!(a[0]["at"].to_string(), common::NOW.replace(".000", ""));
    assert_eq!(a[0]["note"].as_str(), Some("only two pass our data policy"));
}

#[test]
fn data_on_an_item_without_facts_is_an_invalid_line() {
    let dir = temp();
    recorded(dir.path());
    let r = line_mode(dir.path(), ":data\n:data\n:data\n");
    refused(&r);
    assert!(
        r.stderr.contains("line 3") && r.stderr.contains("`notes` has no answer from data"),
        "{}",
        r.stderr
    );
    assert_eq!(answers(dir.path()).len(), 2, "the lines before are saved");
}

#[cfg(unix)]
#[test]
fn the_terminal_preselects_the_answer_from_data_and_enter_confirms_it() {
    use expectrl::Expect;
    use std::time::Duration;
    let dir = temp();
    recorded(dir.path());
    let mut cmd = weigh_command(dir.path());
    cmd.args([
        "assess",
        "a.toml",
        "--as",
        "alice",
        "--checklist",
        bound_arg().as_str(),
    ])
    .env("TERM", "xterm-256color");
    let mut p = expectrl::session::OsSession::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(20)));
    p.expect("[provider-count]").unwrap();
    p.expect("from data: 38").unwrap();
    p.expect("Answer:").unwrap();
    p.send("\r").unwrap();
    p.expect("Note").unwrap();
    p.send("\r").unwrap();
    p.expect("Evidence").unwrap();
    p.send("\r").unwrap();
    p.expect("[full-context]").unwrap();
    p.expect("yes  (from data)").unwrap();
    p.send("\r").unwrap();
    p.expect("Note").unwrap();
    p.send("\r").unwrap();
    p.expect("Evidence").unwrap();
    p.send("\r").unwrap();
    p.expect("[notes]").unwrap();
    p.send("\x03").unwrap();
    let _ = p.get_process_mut().wait();
    let a = answers(dir.path());
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(a[0]["value"].as_integer(), Some(38));
    assert_eq!(a[0]["at"].to_string(), "2026-07-01T00:00:00Z");
    assert!(
        a[0]["note"].as_str().unwrap().starts_with("from data: "),
        "the note defaults to the fact's"
    );
    assert_eq!(a[1]["value"].as_bool(), Some(true));
    assert!(
        !a[1]["evidence"].as_array().unwrap().is_empty(),
        "evidence defaults to the source"
    );
}
