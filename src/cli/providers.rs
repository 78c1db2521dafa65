//! `weigh providers MODEL --from PATH`: who serves a model, at what price and context, from a
//! local copy of the models.dev database. `--into` records the summary as facts.

use std::path::PathBuf;

use clap::Args;
use weigh::error::{Error, exit};

use super::facts::Output;
use super::into::{self, IntoArgs};

/// Arguments of `weigh providers`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh providers deepseek/deepseek-v4-pro --from ~/src/models.dev     # a checkout of its repository\n  weigh providers \"DeepSeek V4 Pro\" --from api.json --format json\n  weigh providers deepseek/deepseek-v4-pro --from ~/src/models.dev --into assessments/deepseek-v4 --as alice"
)]
pub struct ProvidersArgs {
    /// The model: its models.dev id (e.g. deepseek/deepseek-v4-pro) or its name.
    pub model: String,
    /// A models.dev checkout (with providers/ and models/) or its api.json.
    #[arg(long, value_name = "PATH")]
    pub from: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Output::Table)]
    pub format: Output,
    /// Recording the facts.
    #[command(flatten)]
    pub into: IntoArgs,
}

/// Prints (and records) who serves the model.
pub fn run(args: &ProvidersArgs) -> Result<u8, Error> {
    args.into.check()?;
    let as_of = args.into.as_of()?;
    if !args.from.exists() {
        return Err(Error::Missing(args.from.clone()));
    }
    let found = weigh::providers::find(&args.from, args.model.trim())?;
    let text = match args.format {
        Output::Table => weigh::providers::table::render(&found),
        Output::Json => weigh::jsonout::pretty(&weigh::providers::json::providers(&found)),
    };
    super::print(None, &text)?;
    if found.providers.is_empty() {
        super::warn(&format!(
            "warning: no provider in {} serves `{}`; check the id with the models.dev website or the checkout's models/ folder\n",
            args.from.display(),
            weigh::text::escape_control(&args.model)
        ));
    }
    if let Some(file) = &args.into.into {
        let source = into::source_path(file, &args.from);
        into::record(
            &args.into,
            weigh::providers::record::facts(&found, &source, as_of),
        )?;
    }
    Ok(exit::OK)
}
