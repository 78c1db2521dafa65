//! What `compare` and `gate` share: every assessment loaded, scored and reduced in parallel,
//! the results handed on in the order given. A file that fails is reported on stderr with its
//! diagnostics while the others go on; the highest exit code is returned at the end.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;
use weigh::assessment::store;
use weigh::checklist::Checklist;
use weigh::compare::ordered;
use weigh::error::{Error, exit};
use weigh::locate::Cache;
use weigh::report::ReportView;

use super::common;

/// One assessment, scored, with its report view.
pub struct Scored {
    /// The report view.
    pub view: ReportView,
    /// The checklist it was scored against (shared by every file that names it).
    pub checklist: Arc<Checklist>,
}

/// What `compare` and `gate` read: the files, `--checklist` and `--as-of`.
pub struct Inputs<'a> {
    /// The assessments, in the order given.
    pub files: &'a [PathBuf],
    /// `--checklist ID|PATH`.
    pub checklist: Option<&'a str>,
    /// The report time.
    pub as_of: Timestamp,
    /// The checklists loaded so far, shared by every file's lookup.
    pub checklists: Cache,
    /// Whether each view is a whole report (JSON prints them); otherwise a summary view
    /// ([`weigh::report::view::summary`]), which holds what a line of `compare` or `gate` shows.
    pub whole: bool,
}

/// The files that could not be scored.
#[derive(Debug, Default)]
pub struct Failures {
    /// The highest exit code among them (0 when none failed).
    pub code: u8,
    /// Each file, as given, with the first line of its error.
    pub files: Vec<(String, String)>,
}

/// Loads and scores every file in parallel, reduces each with `reduce` on the worker, and
/// hands the results to `sink` in the order given. A file that fails is reported on stderr.
pub fn each<R: Send>(
    inputs: &Inputs,
    reduce: impl Fn(&Path, Scored) -> R + Sync,
    mut sink: impl FnMut(&Path, R),
) -> Failures {
    let mut failures = Failures::default();
    let work = |path: &PathBuf| -> Result<(Option<String>, R), Error> {
        let (scored, warnings) = score_file(path, inputs)?;
        Ok((warnings, reduce(path, scored)))
    };
    let threads = ordered::threads_for(inputs.files.len());
    ordered::map(inputs.files, threads, work, |i, result| {
        let path = &inputs.files[i];
        match result {
            Ok(Ok((warnings, reduced))) => {
                if let Some(text) = warnings {
                    super::warn(&text);
                }
                sink(path, reduced);
            }
            Ok(Err(e)) => {
                let e = named(path, e);
                failures.add(path, e.exit_code(), &e.to_string());
                super::report_error(&e);
            }
            Err(ordered::Panicked) => {
                let message = format!(
                    "error: internal error in weigh while reading {} (a bug); please report it",
                    path.display()
                );
                failures.add(path, exit::IO, &message);
                super::warn(&format!("{}\n", weigh::text::escape_control(&message)));
            }
        }
    });
    failures
}

impl Failures {
    fn add(&mut self, path: &Path, code: u8, message: &str) {
        self.code = self.code.max(code);
        let first = message.lines().next().unwrap_or_default();
        let first = first.strip_prefix("error: ").unwrap_or(first);
        self.files
            .push((path.display().to_string(), first.to_string()));
    }
}

/// Reads, scores and builds the report view of one file; its warnings rendered, if any.
pub fn score_file(path: &Path, inputs: &Inputs) -> Result<(Scored, Option<String>), Error> {
    let lookup = common::lookup_sharing(path, inputs.checklist, &inputs.checklists)?;
    let loaded = store::read(path, &lookup)?;
    let card = weigh::score::score(&loaded.checklist, &loaded.assessment, inputs.as_of);
    let view = if inputs.whole {
        weigh::report::build(&loaded.checklist, &loaded.assessment, &card)
    } else {
        weigh::report::view::summary(&loaded.checklist, &loaded.assessment, &card)
    };
    let warnings: String = loaded
        .all_warnings()
        .filter(|r| !r.diagnostics.is_empty())
        .map(|r| r.render(true))
        .collect();
    let warnings = (!warnings.is_empty()).then_some(warnings);
    Ok((
        Scored {
            view,
            checklist: loaded.checklist,
        },
        warnings,
    ))
}

/// An error that may not say which file it is about, with the file named.
pub fn named(path: &Path, e: Error) -> Error {
    match e {
        Error::Usage { message, help } => Error::Usage {
            message: format!("{}: {message}", path.display()),
            help,
        },
        other => other,
    }
}
