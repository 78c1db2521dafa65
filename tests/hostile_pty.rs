//! Every command over a hostile project, in a real pseudo-terminal: a checklist and an
//! assessment whose every string carries sequences a terminal would act on (window title,
//! hyperlink, screen clear, cursor report, 8-bit CSI, bidi override, DEL). Whatever weigh prints
//! to the terminal, none of them may arrive raw; each shows escaped (`\u{1b}`).
//!
//! Colour is on (no `NO_COLOR`), as for a user at a terminal: anstream would otherwise strip
//! escape sequences and hide a missing escape. The table is one row per command line; a new
//! command is one more row.

#![cfg(unix)]

use std::path::Path;
use std::time::Duration;

use expectrl::Expect;
use expectrl::session::OsSession as Session;

mod common;
use common::{temp, weigh_command};

const CTRL_C: &str = "\x03";

/// What the test does while a command runs: wait for a text, or type something.
#[derive(Debug, Clone, Copy)]
enum Step {
    Expect(&'static str),
    Send(&'static str),
}

use Step::{Expect as Wait, Send};

/// One command line in the hostile project, what to type, and whether its output shows text
/// from the hostile files (then it must show it escaped).
struct Row {
    args: &'static [&'static str],
    steps: &'static [Step],
    shows_file_text: bool,
}

const fn row(args: &'static [&'static str], shows_file_text: bool) -> Row {
    Row {
        args,
        steps: &[],
        shows_file_text,
    }
}

/// Every command, as a user at a terminal would run it in the hostile project: one line each.
#[rustfmt::skip]
const ROWS: &[Row] = &[
    row(&["checklist", "list"], true),
    row(&["checklist", "show", "hostile"], true),
    row(&["checklist", "show", "hostile", "--format", "markdown"], true),
    row(&["checklist", "show", "hostile", "--format", "json"], true),
    row(&["checklist", "show", "checklists/hostile.toml"], true),
    row(&["checklist", "show", "no-such\u{1b}]0;pwned\u{7}"], true),
    row(&["checklist", "validate", "checklists/hostile.toml"], false),
    row(&["checklist", "validate", "broken.toml"], true),
    row(&["checklist", "export", "quick-screen", "--id", "ours"], false),
    row(&["checklist", "fmt", "--check", "checklists/hostile.toml"], true),
    row(&["checklist", "fmt", "broken.toml"], true),
    row(&["schema", "checklist"], false),
    row(&["schema", "assessment"], false),
    row(&["report", "a.toml"], true),
    row(&["report", "a.toml", "--format", "markdown"], true),
    row(&["report", "a.toml", "--format", "json"], true),
    row(&["report", "a.toml", "--as-of", "2027-06-01"], true),
    row(&["report", "a.toml", "--format", "html"], true),
    row(&["compare", "a.toml", "base.toml"], true),
    row(&["compare", "a.toml", "base.toml", "--items", "--format", "markdown"], true),
    row(&["compare", "a.toml", "base.toml", "--format", "json"], true),
    row(&["compare", "a.toml", "base.toml", "--format", "html"], true),
    row(&["gate", "a.toml", "base.toml", "--require", "ready"], true),
    row(&["answer", "a.toml", "depth", "bogus", "--as", "carol"], true),
    row(&["answer", "a.toml", "deploy", "bogus", "--as", "carol"], true),
    row(&["answer", "a.toml", "cost", "lots", "--as", "carol"], true),
    row(&["answer", "a.toml", "nope\u{1b}[6n", "yes", "--as", "carol"], true),
    row(&["answer", "a.toml", "deploy", "self-host", "--as", "carol"], false),
    row(&["answer", "a.toml", "text", "n\u{1b}[6nb", "--as", "carol"], true),
    row(&["diff", "base.toml", "a.toml"], true),
    row(&["diff", "base.toml", "a.toml", "--format", "markdown"], true),
    row(&["diff", "base.toml", "a.toml", "--format", "json"], true),
    Row { args: &["assess", "a.toml", "--as", "dave"], steps: &[Wait("Answer:"), Send(CTRL_C)], shows_file_text: true },
    Row { args: &["assess", "a.toml", "--as", "alice", "--show-others"], steps: &[Wait("Answer:"), Send(CTRL_C)], shows_file_text: true },
    row(&["facts", "config.json"], true),
    row(&["facts", "config.json", "--format", "json"], true),
    row(&["providers", "evil/model", "--from", "models-dev"], true),
    row(&["providers", "evil/model", "--from", "models-dev", "--format", "json"], true),
    row(&["providers", "no-such\u{1b}[6n", "--from", "models-dev"], true),
    row(&["import", "a.toml", "cost", "--from", "results.json", "--lm-eval", "nope"], true),
    row(&["import", "a.toml", "cost", "--from", "results.json", "--pointer", "/results/t\u{1b}[6n/acc"], true),
    row(&["fmt", "--check", "base.toml"], true),
    row(&["fmt", "ours.toml"], false),
    row(&["merge-file", "base.toml", "ours.toml", "theirs.toml"], true),
    Row { args: &["serve", "a.toml"], steps: &[Wait("Ctrl-C stops"), Send(CTRL_C)], shows_file_text: true },
    row(&["completions", "bash"], false),
    row(&["manpage"], false),
    row(&["init"], false),
];

/// Sequences from the hostile files that must never reach the terminal raw.
const MARKERS: &[&str] = &[
    "\u{1b}]0;pwned",
    "\u{1b}]8;;https://evil",
    "\u{1b}[38;5;199m",
    "\u{1b}[5;9m",
    "\u{1b}[6n",
    "\u{1b}[8m",
    "\u{9b}",
    "\u{85}",
    "\u{7f}",
    "\u{202e}",
    "\u{2066}",
    "\u{200f}",
];

const CHECKLIST: &str = r#"schema_version = 1

[checklist]
id = "hostile"
title   =   "Title \u001b]0;pwned\u0007 \u202eevil {RAW}"
version = "1.0.0"
description = "Description \u001b[8mhidden\u001b[0m \u009b6n https://evil.example/a_b"

[[dimension]]
id = "core"
title = "Core \u001b[38;5;199mpink \u2066iso\u2069"
description = "Why \u001b[6n"

[[dimension.item]]
id = "depth"
question = "Question \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\?"
guidance = "Guidance \u001b[5;9m \u0085 \u007f"
kind = "scale"
levels = ["None \u001b[6n", "Some \u202e", "All \u007f"]
references = ["https://example.org/a_b\u001b[5;9m", "see \u200fhttps://example.org"]
max_age_days = 30

[[dimension.item]]
id = "deploy"
question = "Deploy \u009b6n?"
kind = "choice"
options = [{ label = "API \u001b[5;9m", score = 1.0, description = "via \u001b]0;pwned\u0007" }, { label = "Self-host", score = 0.5 }]

[[dimension.item]]
id = "cost"
question = "Cost?"
kind = "number"
unit = "USD \u001b[6n"
best = 0
worst = 10
gate = { max = 5 }

[[dimension.item]]
id = "text"
question = "Notes \u2066?"
kind = "text"
"#;

const ASSESSMENT: &str = r#"schema_version = 1

[assessment]
checklist = "hostile"
checklist_version = "1.0.0"
created = 2026-11-28T20:00:00Z

[candidate]
name    =   "Kimi \u202eK3"
model = "org/model\u001b]0;pwned\u0007 {RAW}"
revision = "rev\u001b[6n"

[candidate.facts]
"depth.key\u001b[5;9m" = "value \u009b6n"

[[answer]]
item = "depth"
by = "alice \u2066x"
value = 1
at = 2026-11-28T20:05:00Z
note = "note \u001b[38;5;199m \u007f"
evidence = ["https://evil.example/a_b\u001b]8;;https://evil\u001b\\", "file\u001b[6n.md"]

[[answer]]
item = "depth"
by = "bob"
value = 2
at = 2026-01-01T00:00:00Z

[[answer]]
item = "deploy"
by = "alice \u2066x"
value = "API \u001b[5;9m"
at = 2026-11-28T20:05:00Z

[[answer]]
item = "cost"
by = "alice \u2066x"
value = 9
at = 2026-11-28T20:05:00Z

[[answer]]
item = "text"
by = "alice \u2066x"
value = "text \u001b]0;pwned\u0007"
at = 2026-11-28T20:05:00Z
"#;

/// Characters TOML lets a string hold raw (not escaped): an 8-bit CSI, a bidi override, an
/// isolate; `{RAW}` in the texts above stands for them.
const RAW: &str = "\u{9b}6n \u{202e}raw\u{2066}";

/// A project with the hostile checklist, an assessment of it, and a broken copy. Both files are
/// out of canonical form, so `fmt --check` shows their lines.
fn hostile_project(dir: &Path) {
    let checklist = CHECKLIST.replace("{RAW}", RAW);
    let assessment = ASSESSMENT.replace("{RAW}", RAW);
    std::fs::write(dir.join("weigh.toml"), "schema_version = 1\n").unwrap();
    std::fs::create_dir(dir.join("checklists")).unwrap();
    std::fs::write(dir.join("checklists/hostile.toml"), &checklist).unwrap();
    std::fs::write(dir.join("a.toml"), &assessment).unwrap();
    let broken = checklist.replace("kind = \"text\"", "kind = \"text\u{1b}]0;pwned\u{7}\"");
    std::fs::write(dir.join("broken.toml"), broken).unwrap();
    for (name, text) in [
        ("base.toml", assessment.clone()),
        ("ours.toml", assessment.replace("value = 9", "value = 7")),
        ("theirs.toml", assessment.replace("value = 9", "value = 3")),
        ("config.json", CONFIG.to_string()),
        ("results.json", RESULTS.to_string()),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    for (path, text) in [
        ("models/evil/model.toml", MODEL),
        ("providers/evil/provider.toml", PROVIDER),
        ("providers/evil/models/evil/model.toml", OFFER),
    ] {
        let path = dir.join("models-dev").join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// A transformers config.json with hostile names.
const CONFIG: &str = r#"{
  "architectures": ["Evil\u001b]0;pwned\u0007ForCausalLM"],
  "model_type": "evil\u202e",
  "hidden_size": 4096,
  "intermediate_size": 14336,
  "num_attention_heads": 32,
  "num_key_value_heads": 8,
  "num_hidden_layers": 32,
  "vocab_size": 128256,
  "max_position_embeddings": 131072,
  "torch_dtype": "bfloat16\u001b[6n"
}
"#;

/// An lm-evaluation-harness results file with hostile task and metric names.
const RESULTS: &str = r#"{
  "results": {
    "t\u001b]0;pwned\u0007": { "acc,none\u001b[6n": 0.5, "alias": "x\u202e" },
    "other\u001b[5;9m": { "acc,none": 0.7 }
  }
}
"#;

/// A models.dev model, provider and offer with hostile names.
const MODEL: &str = r#"name = "Evil \u001b]0;pwned\u0007 Model"
release_date = "2026-01-01"
last_updated = "2026-01-01"
attachment = false
reasoning = false
temperature = true
tool_call = true
open_weights = true

[limit]
context = 131072
output = 8192

[modalities]
input = ["text"]
output = ["text"]
"#;

const PROVIDER: &str = r#"name = "Evil \u202e Cloud \u001b[6n"
npm = "x"
doc = "https://evil.example"
env = ["EVIL_KEY"]
"#;

const OFFER: &str = r#"base_model = "evil/model"
name = "Evil \u001b[5;9m offer"
attachment = false
reasoning = false
temperature = true
tool_call = true
open_weights = true

[cost]
input = 1.0
output = 2.0

[limit]
context = 131072
output = 8192

[modalities]
input = ["text"]
output = ["text"]
"#;

/// Runs a row in a pseudo-terminal and returns everything the terminal received.
fn terminal_output(dir: &Path, row: &Row) -> String {
    let mut cmd = weigh_command(dir);
    cmd.env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .args(row.args);
    let mut p = Session::spawn(cmd).expect("spawn weigh in a pty");
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    let mut seen = Vec::new();
    for step in row.steps {
        match step {
            Wait(text) => {
                let found = p
                    .expect(*text)
                    .unwrap_or_else(|e| panic!("{:?}: no {text:?}: {e}", row.args));
                seen.extend_from_slice(found.as_bytes());
            }
            Send(keys) => p.send(*keys).expect("type"),
        }
    }
    let rest = p
        .expect(expectrl::Eof)
        .unwrap_or_else(|e| panic!("{:?} did not end: {e}", row.args));
    seen.extend_from_slice(rest.as_bytes());
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn no_command_lets_a_hostile_file_drive_the_terminal() {
    let dir = temp();
    hostile_project(dir.path());
    let mut failures = Vec::new();
    for row in ROWS {
        let out = terminal_output(dir.path(), row);
        let raw: Vec<&&str> = MARKERS.iter().filter(|m| out.contains(**m)).collect();
        if !raw.is_empty() {
            failures.push(format!("{:?} sent {raw:?} raw:\n{out}", row.args));
        }
        if row.shows_file_text && !out.contains("\\u{") && !out.contains("\\u00") {
            failures.push(format!("{:?} shows no escaped text:\n{out}", row.args));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The subcommands `weigh PATH… --help` lists.
fn subcommands(path: &[String]) -> Vec<String> {
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_weigh"))
        .args(path)
        .arg("--help")
        .output()
        .expect("weigh --help");
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    let Some(section) = help.split("Commands:\n").nth(1) else {
        return Vec::new();
    };
    section
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.strip_prefix("  ").filter(|rest| !rest.starts_with(' ')))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

/// Every command line `weigh` has, down to leaf subcommands (`checklist show`).
fn leaf_commands(path: Vec<String>) -> Vec<Vec<String>> {
    let subs = subcommands(&path);
    if subs.is_empty() {
        return vec![path];
    }
    subs.into_iter()
        .flat_map(|sub| {
            let mut longer = path.clone();
            longer.push(sub);
            leaf_commands(longer)
        })
        .collect()
}

#[test]
fn the_table_covers_every_command() {
    let commands = leaf_commands(Vec::new());
    assert!(commands.len() >= 8, "{commands:?}");
    for command in commands {
        assert!(
            ROWS.iter().any(|r| r
                .args
                .starts_with(&command.iter().map(String::as_str).collect::<Vec<_>>())),
            "no row runs `weigh {}`: add one to ROWS",
            command.join(" ")
        );
    }
}
