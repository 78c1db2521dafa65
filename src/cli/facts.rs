//! `weigh facts CONFIG.json|SNAPSHOT_DIR`: model size, memory and serving hardware from a
//! transformers config; from a snapshot folder also exact weights, licence, remote code and
//! pickle files. `--into` records them in an assessment.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use weigh::error::{Error, exit};
use weigh::facts::hardware;
use weigh::facts::model::{self, Options, Precision};

use super::into::{self, IntoArgs};

/// Arguments of `weigh facts`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  weigh facts ~/models/Qwen3-235B-A22B\n  weigh facts config.json --precision fp8 --context 131072 --have 8xH200\n  weigh facts ~/models/Kimi-K3 --have 16xmi300x --into assessments/kimi-k3 --as alice"
)]
pub struct FactsArgs {
    /// A transformers config.json, or a model snapshot folder (read, never executed).
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Output::Table)]
    pub format: Output,
    /// Size the KV cache and the accelerators for one sequence of this many tokens (default:
    /// the model's context length).
    #[arg(long, value_name = "TOKENS", help_heading = "Sizing")]
    pub context: Option<u64>,
    /// Weight precision for the accelerator counts.
    #[arg(long, value_enum, default_value_t = PrecisionArg::Bf16, help_heading = "Sizing")]
    pub precision: PrecisionArg,
    /// Extra memory on top of weights and KV cache, as a fraction (activations, fragmentation).
    #[arg(
        long,
        value_name = "FRACTION",
        default_value_t = 0.2,
        help_heading = "Sizing"
    )]
    pub headroom: f64,
    /// Hardware you have, as COUNTxACCELERATOR (e.g. 8xH200, 16xmi300x): says whether one
    /// replica fits on it, and records `hardware.have` and `hardware.fits` with --into.
    #[arg(long, value_name = "COUNTxACCELERATOR", help_heading = "Sizing")]
    pub have: Option<String>,
    /// Recording the facts.
    #[command(flatten)]
    pub into: IntoArgs,
}

/// Table or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// Terminal tables.
    Table,
    /// JSON (the keys are documented in the README).
    Json,
}

/// Weight precisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PrecisionArg {
    /// 2 bytes per parameter.
    Bf16,
    /// 1 byte per parameter.
    Fp8,
    /// Half a byte per parameter.
    Int4,
}

/// Prints (and records) the facts.
pub fn run(args: &FactsArgs) -> Result<u8, Error> {
    args.into.check()?;
    let options = options(args)?;
    let as_of = args.into.as_of()?;
    let facts = model::read(&args.path, options)?;
    let text = match args.format {
        Output::Table => weigh::facts::table::render(&facts),
        Output::Json => weigh::jsonout::pretty(&weigh::facts::json::facts(&facts)),
    };
    super::print(None, &text)?;
    if let Some(file) = &args.into.into {
        let recorded = weigh::facts::record::facts(&facts, as_of, &|p| into::source_path(file, p));
        into::record(&args.into, recorded)?;
    }
    Ok(exit::OK)
}

fn options(args: &FactsArgs) -> Result<Options, Error> {
    if !(args.headroom.is_finite() && (0.0..=10.0).contains(&args.headroom)) {
        return Err(Error::usage(
            format!(
                "--headroom {} is not a fraction from 0 to 10",
                args.headroom
            ),
            "pass e.g. --headroom 0.2 for 20% on top",
        ));
    }
    if let Some(context) = args.context
        && !(1..=1 << 40).contains(&context)
    {
        return Err(Error::usage(
            format!("--context {context} is not a plausible token count"),
            "pass a token count from 1 to 2^40, e.g. --context 131072",
        ));
    }
    Ok(Options {
        context: args.context,
        precision: match args.precision {
            PrecisionArg::Bf16 => Precision::Bf16,
            PrecisionArg::Fp8 => Precision::Fp8,
            PrecisionArg::Int4 => Precision::Int4,
        },
        headroom: args.headroom,
        have: args.have.as_deref().map(hardware::parse).transpose()?,
    })
}
