//! The README's worked example of answers from data is real output: each `$ weigh …` line of the
//! block after "A worked example" runs in a folder holding the snapshot the tests build (`snap`)
//! and the models.dev slice (`models.dev`), and the lines under it are exactly what it prints on
//! stderr. `WEIGH_BLESS=1 cargo test --test readme_from_facts` rewrites the block.

mod common;

use std::path::Path;

use common::snapshot::snapshot;
use common::{fixture, ok, root, temp, weigh_in};

const START: &str = "$ weigh facts snap";

/// The byte range of the block's body (from its first `$` line to the closing fence).
fn block(readme: &str) -> std::ops::Range<usize> {
    let start = readme
        .find(START)
        .expect("the README shows `$ weigh facts snap …`");
    let end = start + readme[start..].find("```").expect("the end of the block");
    start..end
}

/// A command line's words, as a shell splits them (double quotes group; no escapes).
fn words(line: &str) -> Vec<String> {
    let (mut out, mut word, mut quoted, mut started) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => (quoted, started) = (!quoted, true),
            c if c.is_whitespace() && !quoted => {
                if started {
                    out.push(std::mem::take(&mut word));
                }
                started = false;
            }
            c => (word, started) = (word + &c.to_string(), true),
        }
    }
    if started {
        out.push(word);
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs the block's commands in a fresh folder and writes them with what each printed.
fn replay(shown: &str) -> String {
    let dir = temp();
    snapshot(&dir.path().join("snap"));
    copy_dir(&fixture("models-dev"), &dir.path().join("models.dev"));
    let mut out = String::new();
    for line in shown.lines().filter(|l| l.starts_with("$ ")) {
        let words = words(&line[2..]);
        assert_eq!(words[0], "weigh", "{line}");
        let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
        let r = weigh_in(dir.path(), &args);
        ok(&r);
        out.push_str(line);
        out.push('\n');
        out.push_str(&r.stderr);
    }
    out
}

#[test]
fn the_readme_worked_example_of_answers_from_data_is_what_weigh_prints() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let range = block(&readme);
    let shown = &readme[range.clone()];
    let printed = replay(shown);
    if shown == printed {
        return;
    }
    if std::env::var_os("WEIGH_BLESS").is_some_and(|v| v == "1") {
        let fresh = format!(
            "{}{printed}{}",
            &readme[..range.start],
            &readme[range.end..]
        );
        std::fs::write(&path, fresh).expect("write README.md");
        return;
    }
    panic!(
        "the README's worked example is out of date; run `WEIGH_BLESS=1 cargo test --test readme_from_facts`\n--- README\n{shown}\n--- weigh\n{printed}"
    );
}

#[test]
fn the_worked_example_shows_the_new_facts_answering_their_items() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let shown = &readme[block(&readme)];
    for line in [
        "--have 8xH200",
        "answered providers-full-context = 35 providers",
        "fact `providers.full_context` = 35",
        "answered hardware-fit = 2: Sized for weights and KV cache",
        "fact `hardware.fits` = true",
        "answered weight-provenance = no",
        "fact `weights.loads_without_code` = false",
    ] {
        assert!(shown.contains(line), "the worked example shows {line:?}");
    }
}

#[test]
fn command_lines_split_as_a_shell_splits_them() {
    assert_eq!(
        words(r#"weigh facts snap --candidate "Example (fixtures)" --as-of 2026-07-01"#),
        [
            "weigh",
            "facts",
            "snap",
            "--candidate",
            "Example (fixtures)",
            "--as-of",
            "2026-07-01"
        ]
    );
}
