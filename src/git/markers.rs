//! Merge-conflict markers: a file git could not merge is reported as exactly that, at the first
//! marker's line, instead of as a list of TOML syntax errors (SPEC §3).

use std::ops::Range;

use crate::diag::Diagnostic;

/// The markers git writes at the start of a line (diff3 style adds `|||||||`).
const MARKERS: [&str; 4] = ["<<<<<<<", "|||||||", "=======", ">>>>>>>"];

/// The byte range of the first line that is a merge-conflict marker, if any.
pub fn first(text: &str) -> Option<Range<usize>> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if is_marker(content) {
            return Some(start..start + content.len());
        }
        start += line.len();
    }
    None
}

/// `<<<<<<<`, `=======`, `>>>>>>>` or `|||||||`, alone or followed by a space and a label.
fn is_marker(line: &str) -> bool {
    MARKERS.iter().any(|m| {
        line.strip_prefix(m)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// The one diagnostic for an assessment with conflict markers; `fix` is the command that
/// finishes the job once both sides are kept (e.g. `weigh fmt FILE`).
pub fn diagnostic(span: Range<usize>, fix: &str) -> Diagnostic {
    conflict(
        span,
        format!(
            "keep both sides: delete the marker lines (<<<<<<<, |||||||…=======, >>>>>>>) and nothing else, then run `{fix}`"
        ),
    )
}

/// The one diagnostic for a checklist with conflict markers: keep the text you want.
pub fn conflict_in_checklist(span: Range<usize>, check: &str) -> Diagnostic {
    conflict(
        span,
        format!(
            "edit each conflict into the text you want, delete the marker lines (<<<<<<<, =======, >>>>>>>), then run `{check}`"
        ),
    )
}

fn conflict(span: Range<usize>, help: String) -> Diagnostic {
    Diagnostic::error(
        "merge-conflict",
        "this file has merge-conflict markers: a git merge stopped here",
    )
    .at(span)
    .label("a conflict marker")
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_marker_line() {
        let text = "a = 1\n<<<<<<< HEAD\nb = 2\n=======\nb = 3\n>>>>>>> other\n";
        let span = first(text).expect("a marker");
        assert_eq!(&text[span], "<<<<<<< HEAD");
    }

    #[test]
    fn lines_that_only_start_like_markers_are_not_markers() {
        assert_eq!(first("note = \"x\"\n<<<<<<<<\n========= \n"), None);
        assert!(first("=======\r\n").is_some());
    }
}
