//! Line mode (SPEC §6), for pipes and scripts: one line per item, in the order the walkthrough
//! asks. A line is `VALUE` (the syntax of `weigh answer`), optionally a TAB and a note, and a TAB
//! and space-separated evidence; an empty line or `:skip` skips; `:na`, `:back`, `:quit` do what
//! they say; `:data` takes the answer from data the prompt offers (its note and evidence unless
//! the line gives others). Prompts go to the `prompts` writer (stderr).

use std::io::{BufRead, Write};

use super::{Details, Input, ItemScreen, Prompter, Stop};
use crate::assessment::edit::parse_value;
use crate::assessment::load::accepts;
use crate::text::{escape_control, for_terminal};

/// Reads answers line by line.
pub struct LinePrompter<R, W> {
    input: R,
    prompts: W,
    line: usize,
    pending: Details,
}

impl<R: BufRead, W: Write> LinePrompter<R, W> {
    /// A prompter reading `input` and writing prompts to `prompts`.
    pub fn new(input: R, prompts: W) -> Self {
        LinePrompter {
            input,
            prompts,
            line: 0,
            pending: Details::default(),
        }
    }

    /// Writes a line to the prompts, through the terminal escaping.
    fn say(&mut self, text: &str) {
        let _ = writeln!(self.prompts, "{}", for_terminal(text));
    }

    fn read(&mut self) -> Result<Option<String>, Stop> {
        let mut text = String::new();
        match self.input.read_line(&mut text) {
            Ok(0) => Ok(None),
            Ok(_) => {
                self.line += 1;
                Ok(Some(text.trim_end_matches(['\n', '\r']).to_string()))
            }
            Err(e) => Err(Stop::Io(e.to_string())),
        }
    }
}

impl<R: BufRead, W: Write> LinePrompter<R, W> {
    /// `:data`: the answer from data.
    fn data_answer(&mut self, screen: &ItemScreen<'_>) -> Result<Input, Stop> {
        let Some(d) = &screen.suggestion else {
            return Err(Stop::Invalid {
                line: self.line,
                message: format!("`{}` has no answer from data", screen.item.id),
            });
        };
        Ok(Input::Value(d.value.clone()))
    }
}

impl<R: BufRead, W: Write> Prompter for LinePrompter<R, W> {
    fn item(&mut self, screen: &ItemScreen<'_>) -> Result<Input, Stop> {
        let offer = screen
            .suggestion
            .as_ref()
            .map(|d| {
                format!(
                    " (from data: {}; `:data` takes it)",
                    escape_control(&d.shown)
                )
            })
            .unwrap_or_default();
        let prompt = format!(
            "{} · {}: {} [{}]{offer}",
            super::screen::progress(screen),
            screen.item.id,
            escape_control(&screen.item.question),
            escape_control(&accepts(screen.item))
        );
        self.say(&prompt);
        let Some(line) = self.read()? else {
            return Err(Stop::EndOfInput);
        };
        let mut fields = line.split('\t');
        let value = fields.next().unwrap_or_default().trim();
        let note = fields
            .next()
            .map(str::to_string)
            .filter(|n| !n.trim().is_empty());
        let evidence = fields
            .next()
            .map(|e| e.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        self.pending = Details { note, evidence };
        let input =
            match value {
                "" | ":skip" => Input::Skip,
                ":na" => Input::Na,
                ":back" => Input::Back,
                ":quit" => Input::Quit,
                ":refs" => Input::Refs,
                ":data" => self.data_answer(screen)?,
                text => Input::Value(parse_value(screen.item, text).map_err(|message| {
                    Stop::Invalid {
                        line: self.line,
                        message,
                    }
                })?),
            };
        Ok(input)
    }

    /// The line's note and evidence; for the answer from data, its own unless the line gave
    /// others.
    fn details(&mut self, screen: &ItemScreen<'_>) -> Result<Details, Stop> {
        let mut details = std::mem::take(&mut self.pending);
        if let Some(d) = screen.suggestion.as_ref().filter(|_| screen.from_data) {
            if details.note.is_none() {
                details.note = Some(d.note.clone());
            }
            if details.evidence.is_empty() {
                details.evidence.clone_from(&d.evidence);
            }
        }
        Ok(details)
    }

    fn evidence_again(&mut self, _screen: &ItemScreen<'_>) -> Result<Vec<String>, Stop> {
        Ok(Vec::new())
    }

    fn message(&mut self, text: &str) {
        self.say(text);
    }
}
