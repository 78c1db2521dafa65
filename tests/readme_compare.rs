//! The README's comparison of the examples is real output: the block after
//! `$ weigh compare examples/*.toml …` is exactly what that command prints, so it cannot go
//! stale when the examples change. `WEIGH_BLESS=1 cargo test --test readme_compare` rewrites it.

mod common;
use common::{ok, root, run, weigh};

const PROMPT: &str = "$ weigh compare examples/";

/// The README, the command line after the prompt, and the byte range of the output under it.
fn block(readme: &str) -> (String, std::ops::Range<usize>) {
    let at = readme
        .find(PROMPT)
        .expect("the README shows `$ weigh compare examples/…`");
    let line_end = at + readme[at..].find('\n').expect("a line");
    let command = readme[at + 2..line_end].to_string();
    let end = line_end
        + readme[line_end..]
            .find("```")
            .expect("the end of the block");
    (command, line_end + 1..end)
}

/// The command's arguments, with `examples/*.toml` expanded as a shell would (sorted).
fn args(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in command.split_whitespace().skip(1) {
        match word.strip_suffix("*.toml") {
            Some(folder) => {
                let mut files: Vec<String> = std::fs::read_dir(root().join(folder))
                    .expect("the examples folder")
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .filter(|n| n.ends_with(".toml"))
                    .map(|n| format!("{folder}{n}"))
                    .collect();
                files.sort();
                out.extend(files);
            }
            None => out.push(word.to_string()),
        }
    }
    out
}

#[test]
fn the_readme_comparison_of_the_examples_is_what_weigh_prints() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (command, range) = block(&readme);
    let r = run(weigh(&root()).args(args(&command)));
    ok(&r);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let shown = &readme[range.clone()];
    if shown == r.stdout {
        return;
    }
    if std::env::var_os("WEIGH_BLESS").is_some_and(|v| v == "1") {
        let fresh = format!(
            "{}{}{}",
            &readme[..range.start],
            r.stdout,
            &readme[range.end..]
        );
        std::fs::write(&path, fresh).expect("write README.md");
        return;
    }
    panic!(
        "the README's `{command}` block is out of date; run `WEIGH_BLESS=1 cargo test --test readme_compare`\n--- README\n{shown}\n--- weigh\n{}",
        r.stdout
    );
}
