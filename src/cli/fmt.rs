//! `weigh fmt [--check] ASSESSMENT…`: rewrites assessments in canonical form (SPEC §3); with
//! `--check`, changes nothing and exits 1 with a unified diff when a file is not in that form.

use std::path::{Path, PathBuf};

use clap::Args;
use weigh::assessment::{folder, store};
use weigh::error::{Error, exit};

use super::common;

/// Arguments of `weigh fmt`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh fmt assessments/kimi-k3.toml          # rewrite in canonical form\n  weigh fmt assessments/kimi-k3                # every file of a folder assessment\n  weigh fmt --check assessments/*              # CI: exit 1 with a diff when a file is not canonical"
)]
pub struct FmtArgs {
    /// Assessment files or folders.
    #[arg(required = true, value_name = "ASSESSMENT")]
    pub paths: Vec<PathBuf>,
    /// Change nothing: print a unified diff and exit 1 when a file is not in canonical form.
    #[arg(long)]
    pub check: bool,
    /// The checklist (an id or a path); must be each file's own.
    #[arg(long, value_name = "ID|PATH")]
    pub checklist: Option<String>,
}

/// Formats every file; the highest exit code wins.
pub fn run(args: &FmtArgs) -> Result<u8, Error> {
    let mut code = exit::OK;
    for path in &args.paths {
        for file in files(path)? {
            let outcome = one(&file, args).unwrap_or_else(|e| {
                super::report_error(&e);
                e.exit_code()
            });
            code = code.max(outcome);
        }
    }
    Ok(code)
}

/// The files of an assessment: the file itself, or a folder's members.
fn files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    if folder::is_folder(path) {
        let members = folder::members(path)?;
        if members.is_empty() {
            return Err(Error::usage(
                format!("{} holds no assessment files (*.toml)", path.display()),
                "name an assessment file or a folder of them",
            ));
        }
        return Ok(members);
    }
    Ok(vec![path.to_path_buf()])
}

fn one(file: &Path, args: &FmtArgs) -> Result<u8, Error> {
    let lookup = common::lookup(file, args.checklist.as_deref())?;
    let text = weigh::fsx::read_text(file)?;
    let name = file.display().to_string();
    let loaded = store::load_text(&name, &text, &lookup)?;
    let schemas = lookup.finder.project.as_ref().and_then(|p| p.schemas());
    let schema_line = store::schema_line(file, schemas.as_deref());
    let mut assessment = loaded.assessment.clone();
    let canonical = store::render(&mut assessment, &loaded.checklist, schema_line.as_deref());
    if canonical == text || args.check {
        common::print_warnings(loaded.all_warnings());
    }
    if canonical == text {
        return Ok(exit::OK);
    }
    if args.check {
        super::print(None, &weigh::udiff::unified(&name, &text, &canonical))?;
        return Ok(exit::UNMET);
    }
    let written = store::update(file, &lookup, None, schema_line.as_deref(), |_, _| Ok(()))?;
    common::print_warnings(written.all_warnings());
    super::warn(&format!("formatted {name}\n"));
    Ok(exit::OK)
}
