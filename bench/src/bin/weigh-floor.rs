//! The floor: reads each named file and parses it with the TOML parser weigh's loaders call
//! first (`toml::de::DeTable::parse_recoverable`, the same crate version through the workspace's
//! one `Cargo.lock`), and does nothing else. A command that reads the same files can be no
//! faster than this, so weigh's figures are given as ratios against it.
//!
//! Usage: `weigh-floor FILE…` (no files: the process start alone). Exit 2 on a syntax error,
//! 3 when a file cannot be read.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut tables = 0usize;
    for path in std::env::args_os().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("weigh-floor: {}: {e}", path.to_string_lossy());
                return ExitCode::from(3);
            }
        };
        let (doc, errors) = toml::de::DeTable::parse_recoverable(&text);
        if let Some(e) = errors.first() {
            eprintln!("weigh-floor: {}: {e}", path.to_string_lossy());
            return ExitCode::from(2);
        }
        // Keep the parse observable, so the optimiser cannot drop it.
        tables += std::hint::black_box(doc.get_ref().len());
    }
    std::hint::black_box(tables);
    ExitCode::SUCCESS
}
