//! `weigh answer FILE ITEM [VALUE]`: records one answer from a script.

use std::path::PathBuf;

use clap::Args;
use weigh::assessment::store::{self, NewFile};
use weigh::assessment::{Answer, AnswerValue, Assessment, Candidate, edit};
use weigh::checklist::{Checklist, Item};
use weigh::error::{Error, exit};
use weigh::text::escape_control;

use super::common;

/// Arguments of `weigh answer`.
#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The assessment file (created when missing, with --candidate).
    pub file: PathBuf,
    /// The item's id.
    pub item: String,
    /// The answer: yes/no, a level index or text, an option label, a number, or text.
    #[arg(allow_negative_numbers = true, required_unless_present_any = ["na", "clear"], conflicts_with_all = ["na", "clear"])]
    pub value: Option<String>,
    /// Mark the item not applicable (where the checklist allows it).
    #[arg(long, conflicts_with = "clear")]
    pub na: bool,
    /// Remove this assessor's answer.
    #[arg(long)]
    pub clear: bool,
    /// A note on the answer.
    #[arg(long, value_name = "TEXT", help_heading = "Answer")]
    pub note: Option<String>,
    /// Evidence: a URL or a path relative to the file (repeatable).
    #[arg(long, value_name = "URL|PATH", help_heading = "Answer")]
    pub evidence: Vec<String>,
    /// Who answers (default: git config user.name, then $USER).
    #[arg(long = "as", value_name = "NAME", help_heading = "Answer")]
    pub as_: Option<String>,
    /// When the answer was given (RFC 3339 or YYYY-MM-DD; default now).
    #[arg(long, value_name = "TIME", help_heading = "Answer")]
    pub at: Option<String>,
    /// The checklist (an id or a path); must be the file's own.
    #[arg(long, value_name = "ID|PATH", help_heading = "File")]
    pub checklist: Option<String>,
    /// The candidate's name, to create FILE.
    #[arg(long, value_name = "NAME", help_heading = "File")]
    pub candidate: Option<String>,
    /// The candidate's hub id, when creating FILE.
    #[arg(long, value_name = "HUB_ID", help_heading = "File")]
    pub model: Option<String>,
}

/// Records the answer.
pub fn run(args: &AnswerArgs) -> Result<u8, Error> {
    let by = common::assessor(args.as_.as_deref())?;
    let at = common::time_or_now(args.at.as_deref())?;
    let lookup = common::lookup(&args.file, args.checklist.as_deref())?;
    let new = new_file(args, &lookup)?;
    let project = lookup.finder.project.clone();
    let schema_line = store::schema_line(
        &args.file,
        project.as_ref().and_then(|p| p.schemas()).as_deref(),
    );
    let mut message = String::new();
    let loaded = store::update(
        &args.file,
        &lookup,
        new.as_ref(),
        schema_line.as_deref(),
        |assessment, checklist| {
            same_candidate(args, assessment)?;
            message = apply(args, assessment, checklist, &by, at)?;
            Ok(())
        },
    )?;
    common::print_warnings(&loaded.warnings);
    warn_if_not_applicable(&loaded.checklist, &loaded.assessment, &args.item, at);
    super::warn(&format!("{message} in {}\n", args.file.display()));
    Ok(exit::OK)
}

fn new_file(args: &AnswerArgs, lookup: &store::Lookup) -> Result<Option<NewFile>, Error> {
    if args.file.exists() {
        return Ok(None);
    }
    let Some(raw) = args.candidate.as_deref() else {
        let missing = match weigh::fsx::target::resolve(&args.file) {
            Ok(t) if t.via_link() => format!(
                "{} is a symbolic link to {}, which does not exist",
                args.file.display(),
                t.path.display()
            ),
            _ => format!("{} does not exist", args.file.display()),
        };
        return Err(Error::usage(
            missing,
            "pass --candidate NAME to create it (and --checklist ID|PATH for another checklist than the default)",
        ));
    };
    let name = common::candidate_name(raw)?;
    let default = lookup
        .finder
        .project
        .as_ref()
        .map(|p| p.default_checklist.clone());
    let id = args
        .checklist
        .clone()
        .or(default)
        .unwrap_or_else(|| weigh::checklist::builtin::DEFAULT_ID.into());
    let checklist = lookup.finder.find(&id)?;
    let candidate = Candidate {
        name,
        model: args.model.clone(),
        ..Candidate::default()
    };
    Ok(Some(NewFile {
        candidate,
        checklist,
        created: weigh::clock::now()?,
    }))
}

fn same_candidate(args: &AnswerArgs, a: &Assessment) -> Result<(), Error> {
    match args.candidate.as_deref().map(str::trim) {
        Some(name) if name != a.candidate.name => Err(Error::usage(
            format!("the file assesses `{}`, not `{name}`", a.candidate.name),
            "leave out --candidate, or name another file for the other candidate",
        )),
        _ => Ok(()),
    }
}

/// Applies the change; returns what to tell the user.
fn apply(
    args: &AnswerArgs,
    a: &mut Assessment,
    checklist: &Checklist,
    by: &str,
    at: jiff::Timestamp,
) -> Result<String, Error> {
    let item = find_item(checklist, &args.item)?;
    if args.clear {
        let removed = edit::clear(a, &item.id, by);
        return Ok(if removed {
            format!("cleared {}'s answer to {}", by, item.id)
        } else {
            format!("{by} had no answer to {}", item.id)
        });
    }
    let value = value(args, item)?;
    let evidence: Vec<String> = args
        .evidence
        .iter()
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .collect();
    if item.evidence_required && !value.is_na() && evidence.is_empty() {
        return Err(Error::usage(
            format!("`{}` requires evidence", item.id),
            "pass --evidence URL|PATH (repeatable) with the answer",
        ));
    }
    let shown = weigh::report::view::value_text(item, &value);
    edit::set(
        a,
        Answer {
            item: item.id.clone(),
            by: by.to_string(),
            value,
            at,
            note: args.note.clone().filter(|n| !n.is_empty()),
            evidence,
        },
    );
    Ok(format!(
        "saved {} = {} by {}",
        item.id,
        escape_control(&shown),
        escape_control(by)
    ))
}

fn value(args: &AnswerArgs, item: &Item) -> Result<AnswerValue, Error> {
    if args.na {
        if !item.na_allowed {
            return Err(Error::usage(
                format!("`{}` cannot be marked not applicable", item.id),
                format!(
                    "answer it: it accepts {}",
                    weigh::assessment::load::accepts(item)
                ),
            ));
        }
        return Ok(AnswerValue::Na);
    }
    let text = args.value.as_deref().unwrap_or_default();
    edit::parse_value(item, text).map_err(|why| {
        Error::usage(
            why,
            format!("`weigh checklist show` lists what `{}` accepts", item.id),
        )
    })
}

fn find_item<'a>(checklist: &'a Checklist, id: &str) -> Result<&'a Item, Error> {
    checklist.item(id).ok_or_else(|| {
        let near = weigh::text::near_misses(id, checklist.items().map(|i| i.id.as_str()));
        let help = if near.is_empty() {
            format!("`weigh checklist show {}` lists the items", checklist.id)
        } else {
            format!("did you mean {}?", weigh::text::one_of(&near))
        };
        Error::usage(
            format!("checklist `{}` has no item `{id}`", checklist.id),
            help,
        )
    })
}

fn warn_if_not_applicable(checklist: &Checklist, a: &Assessment, item: &str, at: jiff::Timestamp) {
    let card = weigh::score::score(checklist, a, at);
    let applies = card
        .items
        .iter()
        .find(|i| i.id == item)
        .is_none_or(|i| i.applicable);
    if applies {
        return;
    }
    let controller = checklist
        .item(item)
        .and_then(|i| i.when.as_ref())
        .map_or(String::new(), |w| w.item.clone());
    super::warn(&format!(
        "warning: `{item}` does not apply with the current answer to `{controller}`; the answer is saved but not scored\n"
    ));
}
