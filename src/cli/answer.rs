//! `weigh answer FILE ITEM [VALUE]`: records one answer from a script; `weigh answer FILE
//! --from-facts [ITEM…]` answers the items bound to facts recorded in the file.

use std::path::PathBuf;

use clap::Args;
use weigh::assessment::{Answer, AnswerValue, Assessment, edit};
use weigh::checklist::{Checklist, Item};
use weigh::error::{Error, exit};
use weigh::facts::answer::{Derived, Step, plan};
use weigh::text::escape_control;

use super::common;

/// Arguments of `weigh answer`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh answer assessments/kimi-k3 licence-ok yes --evidence LICENSE\n  weigh answer assessments/kimi-k3 workload-eval \"Spot-checked on a few prompts\" --note \"20 prompts\"\n  weigh answer assessments/kimi-k3 multimodal-claims --na\n  weigh answer new.toml licence-ok yes --candidate \"Kimi K3\" --checklist quick-screen"
)]
pub struct AnswerArgs {
    /// The assessment file (created when missing, with --candidate).
    pub file: PathBuf,
    /// The item's id.
    #[arg(required_unless_present = "from_facts")]
    pub item: Option<String>,
    /// The answer: yes/no, a level index or text, an option label, a number, or text.
    #[arg(allow_negative_numbers = true, required_unless_present_any = ["na", "clear", "from_facts"], conflicts_with_all = ["na", "clear"])]
    pub value: Option<String>,
    /// Answer from the facts recorded in FILE (`weigh facts`/`weigh providers --into`): every
    /// item bound to a fact, or the ITEMs named. Answers are dated at the facts' as_of; an item
    /// you answered yourself is left alone unless named.
    #[arg(long, value_name = "ITEM", num_args = 0.., conflicts_with_all = ["item", "value", "na", "clear", "note", "evidence", "at", "candidate"])]
    pub from_facts: Option<Vec<String>>,
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
    /// Creating FILE.
    #[command(flatten)]
    pub file_args: common::FileArgs,
}

/// Records the answer.
pub fn run(args: &AnswerArgs) -> Result<u8, Error> {
    if let Some(items) = &args.from_facts {
        return from_facts(args, items);
    }
    let by = common::assessor(args.as_.as_deref())?;
    let at = common::time_or_now(args.at.as_deref())?;
    let mut message = String::new();
    let loaded = common::write(&args.file, &args.file_args, |assessment, checklist| {
        message = apply(args, assessment, checklist, &by, at)?;
        Ok(())
    })?;
    warn_if_not_applicable(&loaded.checklist, &loaded.assessment, item_arg(args), at);
    super::warn(&format!("{message} in {}\n", args.file.display()));
    Ok(exit::OK)
}

/// Applies the change; returns what to tell the user.
fn apply(
    args: &AnswerArgs,
    a: &mut Assessment,
    checklist: &Checklist,
    by: &str,
    at: jiff::Timestamp,
) -> Result<String, Error> {
    let item = find_item(checklist, item_arg(args))?;
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

/// ITEM, which clap requires unless --from-facts.
fn item_arg(args: &AnswerArgs) -> &str {
    args.item.as_deref().unwrap_or_default()
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

/// The item with this id, or an error suggesting the nearest ids.
pub(super) fn find_item<'a>(checklist: &'a Checklist, id: &str) -> Result<&'a Item, Error> {
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

/// `--from-facts [ITEM…]`: answers items from the facts recorded in the file.
fn from_facts(args: &AnswerArgs, named: &[String]) -> Result<u8, Error> {
    let by = common::assessor(args.as_.as_deref())?;
    if !args.file.exists() {
        return Err(Error::Missing(args.file.clone()));
    }
    let mut steps = Vec::new();
    let loaded = common::write(&args.file, &args.file_args, |a, checklist| {
        steps = plan_steps(a, checklist, named, &by)?;
        for (id, step) in &steps {
            if let Step::Answer(d) = step {
                edit::set(a, from_data(id, &by, d));
            }
        }
        Ok(())
    })?;
    super::warn(&from_facts_report(
        &steps,
        &loaded.checklist,
        &loaded.assessment,
        &args.file,
    ));
    Ok(exit::OK)
}

/// Which items to answer and how; named items that cannot be answered are errors.
fn plan_steps(
    a: &Assessment,
    checklist: &Checklist,
    named: &[String],
    by: &str,
) -> Result<Vec<(String, Step)>, Error> {
    let items: Vec<&Item> = if named.is_empty() {
        checklist.items().filter(|i| i.fact.is_some()).collect()
    } else {
        named
            .iter()
            .map(|id| find_item(checklist, id))
            .collect::<Result<_, _>>()?
    };
    if named.is_empty() && a.candidate.facts.is_empty() {
        return Err(Error::usage(
            "no facts are recorded in this assessment",
            "record some first: `weigh facts SNAPSHOT_DIR --into FILE`, `weigh providers MODEL --from PATH --into FILE`",
        ));
    }
    let steps = plan(
        &items,
        &a.answers,
        &a.candidate.facts,
        by,
        !named.is_empty(),
    );
    if !named.is_empty()
        && let Some((id, Step::Skip(why))) = steps.iter().find(|(_, s)| matches!(s, Step::Skip(_)))
    {
        let recorded: Vec<&str> = a.candidate.facts.keys().map(String::as_str).collect();
        return Err(Error::usage(
            format!("`{id}` cannot be answered from data: {why}"),
            format!(
                "facts recorded: {}",
                if recorded.is_empty() {
                    "none".into()
                } else {
                    weigh::text::one_of(&recorded)
                }
            ),
        ));
    }
    Ok(steps)
}

fn from_data(item: &str, by: &str, d: &Derived) -> Answer {
    Answer {
        item: item.to_string(),
        by: by.to_string(),
        value: d.value.clone(),
        at: d.at,
        note: Some(d.note.clone()),
        evidence: d.evidence.clone(),
    }
}

/// One line per item: answered (and whether it applies now), kept, or why not.
fn from_facts_report(
    steps: &[(String, Step)],
    checklist: &Checklist,
    a: &Assessment,
    file: &std::path::Path,
) -> String {
    let now = weigh::clock::now().unwrap_or_else(|_| jiff::Timestamp::now());
    let card = weigh::score::score(checklist, a, now);
    let applies = |id: &str| {
        card.items
            .iter()
            .find(|i| i.id == id)
            .is_none_or(|i| i.applicable)
    };
    let mut out = String::new();
    let mut answered = 0;
    for (id, step) in steps {
        let line = match step {
            Step::Answer(d) => {
                answered += 1;
                let later = if applies(id) {
                    ""
                } else {
                    " (does not apply with the current answers; kept for when it does)"
                };
                format!("answered {id} = {}{later}\n  {}", d.shown, d.note)
            }
            Step::Keep => {
                format!("kept your own answer to {id} (name it to replace it: --from-facts {id})")
            }
            Step::Skip(why) => format!("not answered {id}: {why}"),
        };
        out.push_str(&escape_control(&line));
        out.push('\n');
    }
    out.push_str(&format!(
        "{answered} item(s) answered from data in {}\n",
        file.display()
    ));
    out
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
