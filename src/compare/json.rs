//! The JSON comparison (SPEC §7): `{ "schema_version": 1, "candidates": [ <report>… ] }`, each
//! candidate's report exactly as `weigh report --format json` gives it, in the order given.
//!
//! [`JsonStream`] writes the document one report at a time, so a comparison of thousands of
//! files never holds more than one report; its bytes are those of [`crate::jsonout::pretty`]
//! of the whole [`JsonCompare`].

use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;

use crate::report::json::JsonReport;

/// Candidates side by side: one readiness report each, in the order given (or `--sort`ed).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "weigh compare")]
pub struct JsonCompare {
    /// The version of this format. Always 1.
    pub schema_version: u32,
    /// One report per candidate, as `weigh report --format json` gives it.
    pub candidates: Vec<JsonReport>,
}

/// Writes a [`JsonCompare`] document report by report.
#[derive(Debug)]
pub struct JsonStream<W: Write> {
    out: W,
    written: usize,
}

/// How deep a report sits in the document: two levels of two spaces.
const INDENT: &str = "    ";

impl<W: Write> JsonStream<W> {
    /// Starts the document.
    pub fn start(mut out: W) -> std::io::Result<Self> {
        out.write_all(b"{\n  \"schema_version\": 1,\n  \"candidates\": [")?;
        Ok(JsonStream { out, written: 0 })
    }

    /// Adds one candidate's report.
    pub fn push(&mut self, report: &JsonReport) -> std::io::Result<()> {
        self.push_rendered(&crate::jsonout::pretty(report))
    }

    /// Adds one report already rendered by [`crate::jsonout::pretty`] (so the rendering can
    /// happen on another thread).
    pub fn push_rendered(&mut self, pretty: &str) -> std::io::Result<()> {
        self.out
            .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        for (n, line) in pretty.trim_end().lines().enumerate() {
            if n > 0 {
                self.out.write_all(b"\n")?;
            }
            self.out.write_all(INDENT.as_bytes())?;
            self.out.write_all(line.as_bytes())?;
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the document and hands back the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.out.write_all(if self.written == 0 {
            b"]\n}\n"
        } else {
            b"\n  ]\n}\n"
        })?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::sample_report;
    use super::*;

    fn streamed(reports: &[JsonReport]) -> String {
        let mut stream = JsonStream::start(Vec::new()).unwrap();
        for r in reports {
            stream.push(r).unwrap();
        }
        String::from_utf8(stream.finish().unwrap()).unwrap()
    }

    #[test]
    fn the_stream_writes_the_same_bytes_as_pretty_printing_the_whole_document() {
        for n in 0..3 {
            let reports: Vec<JsonReport> =
                (0..n).map(|i| sample_report(&format!("c{i}"))).collect();
            let got = streamed(&reports);
            let whole = crate::jsonout::pretty(&JsonCompare {
                schema_version: 1,
                candidates: (0..n).map(|i| sample_report(&format!("c{i}"))).collect(),
            });
            assert_eq!(got, whole, "{n} candidates");
        }
    }
}
