//! `weigh schema`: prints the JSON Schema of a file format.

use clap::{Args, ValueEnum};
use weigh::error::{Error, exit};
use weigh::schema::{SchemaKind, generate, to_pretty_json};

/// Arguments of `weigh schema`.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  weigh schema assessment > schemas/assessment.schema.json")]
pub struct SchemaArgs {
    /// Which format.
    #[arg(value_enum)]
    pub which: Which,
}

/// The formats with a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Which {
    /// Checklist files.
    Checklist,
    /// Assessment files.
    Assessment,
    /// The JSON report.
    Report,
    /// weigh.toml.
    Project,
    /// The JSON comparison (`weigh compare --format json`).
    Compare,
    /// The JSON diff (`weigh diff --format json`).
    Diff,
    /// The JSON API of `weigh serve`.
    ServeApi,
}

/// Prints the schema.
pub fn run(args: &SchemaArgs) -> Result<u8, Error> {
    let kind = match args.which {
        Which::Checklist => SchemaKind::Checklist,
        Which::Assessment => SchemaKind::Assessment,
        Which::Report => SchemaKind::Report,
        Which::Project => SchemaKind::Project,
        Which::Compare => SchemaKind::Compare,
        Which::Diff => SchemaKind::Diff,
        Which::ServeApi => SchemaKind::ServeApi,
    };
    weigh::fsx::write_output(None, &to_pretty_json(&generate(kind)))?;
    Ok(exit::OK)
}
