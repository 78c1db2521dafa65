//! `weigh import ASSESSMENT ITEM --from RESULTS.json`: fills a `number` item from an
//! evaluation's results (lm-evaluation-harness by task and metric, or any JSON by pointer).

use std::path::PathBuf;

use clap::{ArgGroup, Args};
use weigh::assessment::{Answer, AnswerValue, edit};
use weigh::checklist::{Checklist, Kind};
use weigh::error::{Error, exit};
use weigh::import::{self, Imported};
use weigh::text::escape_control;

use super::common;

/// Arguments of `weigh import`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh import assessments/kimi-k3 tool-call-validity --from results.json --lm-eval bfcl --metric \"acc,none\" --scale 100\n  weigh import assessments/kimi-k3 structured-output-delivered --from promptfoo.json --pointer /results/stats/passRate --scale 100"
)]
#[command(group(ArgGroup::new("reader").required(true).args(["lm_eval", "pointer"])))]
pub struct ImportArgs {
    /// The assessment file (created when missing, with --candidate).
    pub file: PathBuf,
    /// The `number` item to fill.
    pub item: String,
    /// The evaluation's results file (JSON).
    #[arg(long, value_name = "RESULTS.json")]
    pub from: PathBuf,
    /// lm-evaluation-harness: the task whose metric to take.
    #[arg(long, value_name = "TASK", help_heading = "Reading")]
    pub lm_eval: Option<String>,
    /// lm-evaluation-harness: the metric as written in the file, e.g. `exact_match,strict-match`
    /// (default: the task's only metric).
    #[arg(
        long,
        value_name = "KEY",
        requires = "lm_eval",
        help_heading = "Reading"
    )]
    pub metric: Option<String>,
    /// Any JSON: a JSON pointer to the number, e.g. /results/stats/successes.
    #[arg(long, value_name = "POINTER", help_heading = "Reading")]
    pub pointer: Option<String>,
    /// Multiply the number, e.g. 100 to turn a fraction into a percentage.
    #[arg(
        long,
        value_name = "F",
        default_value_t = 1.0,
        allow_negative_numbers = true,
        help_heading = "Reading"
    )]
    pub scale: f64,
    /// Who answers (default: git config user.name, then $USER).
    #[arg(long = "as", value_name = "NAME", help_heading = "Answer")]
    pub as_: Option<String>,
    /// When the answer was given (RFC 3339 or YYYY-MM-DD; default now).
    #[arg(long, value_name = "TIME", help_heading = "Answer")]
    pub at: Option<String>,
    /// Creating FILE.
    #[command(flatten)]
    pub file_args: common::FileArgs,
}

/// Imports the number as this assessor's answer.
pub fn run(args: &ImportArgs) -> Result<u8, Error> {
    let by = common::assessor(args.as_.as_deref())?;
    let at = common::time_or_now(args.at.as_deref())?;
    if !args.scale.is_finite() {
        return Err(Error::usage(
            "--scale must be a finite number",
            "pass e.g. --scale 100",
        ));
    }
    let imported = read(args)?;
    let value = imported.value * args.scale;
    if !value.is_finite() {
        return Err(Error::usage(
            format!("{} × {} is not a finite number", imported.value, args.scale),
            "check --scale",
        ));
    }
    let evidence = super::into::source_path(&args.file, &args.from);
    let note = note(&imported, args.scale, value);
    common::write(&args.file, &args.file_args, |assessment, checklist| {
        number_item(checklist, &args.item)?;
        edit::set(
            assessment,
            Answer {
                item: args.item.clone(),
                by: by.clone(),
                value: AnswerValue::Float(value),
                at,
                note: Some(note.clone()),
                evidence: vec![evidence.clone()],
            },
        );
        Ok(())
    })?;
    super::warn(&format!(
        "saved {} = {value} by {} in {} ({})\n",
        args.item,
        escape_control(&by),
        args.file.display(),
        escape_control(&note)
    ));
    Ok(exit::OK)
}

fn read(args: &ImportArgs) -> Result<Imported, Error> {
    let json = import::read(&args.from)?;
    let file = args.from.display().to_string();
    match (&args.lm_eval, &args.pointer) {
        (Some(task), _) => import::lm_eval(&json, &file, task, args.metric.as_deref()),
        (None, Some(pointer)) => import::pointer(&json, &file, pointer),
        (None, None) => Err(Error::usage(
            "say what to import",
            "pass --lm-eval TASK [--metric KEY] or --pointer /json/pointer",
        )),
    }
}

fn note(imported: &Imported, scale: f64, value: f64) -> String {
    if scale == 1.0 {
        format!("imported from {}: {value}", imported.what)
    } else {
        format!(
            "imported from {}: {} × {scale} = {value}",
            imported.what, imported.value
        )
    }
}

/// The item must exist and be a `number`.
fn number_item(checklist: &Checklist, id: &str) -> Result<(), Error> {
    let item = super::answer::find_item(checklist, id)?;
    match item.kind {
        Kind::Number { .. } => Ok(()),
        _ => Err(Error::usage(
            format!(
                "`{id}` is a {} item; weigh import fills number items",
                item.kind.name()
            ),
            format!("answer it with `weigh answer FILE {id} VALUE`"),
        )),
    }
}
