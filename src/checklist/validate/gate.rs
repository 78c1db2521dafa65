//! Gates, each in its kind's own terms, and whether any answer could pass them.

use std::ops::Range;

use super::{MAX_BOUND, Validator, as_f64};
use crate::checklist::file::ItemFile;
use crate::checklist::model::{ChoiceOption, Gate, Kind};
use crate::diag::Diagnostic;
use crate::num::round9;

impl Validator {
    pub(super) fn gate(&mut self, file: &ItemFile, kind: &Kind) -> Option<Gate> {
        let gate = file.gate.as_ref()?;
        let span = gate.span();
        match (kind, gate.get_ref()) {
            (Kind::Text, _) => None,
            (Kind::YesNo, toml::Value::Boolean(true)) => Some(Gate::Yes),
            (Kind::YesNo, _) => self.bad_gate(
                span,
                "a yes_no gate can only be `true`",
                "write `gate = true`, or remove the gate",
            ),
            (Kind::Scale { levels }, toml::Value::Integer(n)) => {
                self.level_gate(span, *n, levels.len())
            }
            (Kind::Scale { levels }, _) => self.bad_gate(
                span,
                "a scale gate is a level index",
                &format!("write an integer from 0 to {}", levels.len() - 1),
            ),
            (Kind::Choice { options }, v @ (toml::Value::Integer(_) | toml::Value::Float(_))) => {
                self.score_gate(span, as_f64(v), options)
            }
            (Kind::Choice { .. }, _) => self.bad_gate(
                span,
                "a choice gate is a minimum option score",
                "write a number such as `gate = 0.5`",
            ),
            (Kind::Number { .. }, toml::Value::Table(t)) => self.range_gate(span, t),
            (Kind::Number { .. }, _) => self.bad_gate(
                span,
                "a number gate is a range",
                "write `gate = { min = X }`, `{ max = Y }` or both",
            ),
        }
    }

    pub(super) fn bad_gate(
        &mut self,
        span: Range<usize>,
        message: &str,
        help: &str,
    ) -> Option<Gate> {
        self.push(
            Diagnostic::error("invalid-gate", message)
                .at(span)
                .label("wrong gate for this kind")
                .help(help),
        );
        None
    }

    pub(super) fn unreachable(
        &mut self,
        span: Range<usize>,
        message: String,
        help: String,
    ) -> Option<Gate> {
        self.push(
            Diagnostic::error("unreachable-gate", message)
                .at(span)
                .label("no answer could pass this gate")
                .help(help),
        );
        None
    }

    /// A gate number that is not finite (`not-finite`) or outside its range (`out-of-range`).
    pub(super) fn gate_range(
        &mut self,
        span: Range<usize>,
        message: &str,
        help: &str,
    ) -> Option<Gate> {
        let code = if message.contains("finite") {
            "not-finite"
        } else {
            "out-of-range"
        };
        self.push(
            Diagnostic::error(code, message)
                .at(span)
                .label("not a usable gate")
                .help(help),
        );
        None
    }

    pub(super) fn level_gate(&mut self, span: Range<usize>, n: i64, levels: usize) -> Option<Gate> {
        match usize::try_from(n) {
            Ok(level) if level < levels => Some(Gate::MinLevel(level)),
            Err(_) => self.gate_range(
                span,
                &format!("gate level {n} is negative"),
                &format!("use a level index from 0 to {}", levels - 1),
            ),
            Ok(_) => self.unreachable(
                span,
                format!("gate level {n} does not exist"),
                format!("levels are numbered 0 to {}", levels - 1),
            ),
        }
    }

    pub(super) fn score_gate(
        &mut self,
        span: Range<usize>,
        x: f64,
        options: &[ChoiceOption],
    ) -> Option<Gate> {
        let highest = options.iter().map(|o| o.score).fold(0.0, f64::max);
        if !x.is_finite() {
            return self.gate_range(
                span,
                "a gate must be a finite number",
                "use an option score from 0 to 1",
            );
        }
        if x < 0.0 {
            return self.gate_range(
                span,
                &format!("gate {x} is negative"),
                "use an option score from 0 to 1",
            );
        }
        if round9(x) > round9(highest) {
            return self.unreachable(
                span,
                format!("gate {x} is outside 0..={highest}, the option scores"),
                format!("use a score no higher than the best option's, {highest}"),
            );
        }
        Some(Gate::MinScore(x))
    }

    pub(super) fn range_gate(&mut self, span: Range<usize>, table: &toml::Table) -> Option<Gate> {
        let bound = |key: &str| table.get(key).map(as_f64);
        let (min, max) = (bound("min"), bound("max"));
        if min.is_none() && max.is_none() {
            return self.bad_gate(
                span,
                "a number gate needs `min` or `max`",
                "write `gate = { min = X }`, `{ max = Y }` or both",
            );
        }
        if [min, max].into_iter().flatten().any(|b| !b.is_finite()) {
            return self.gate_range(
                span,
                "gate bounds must be finite numbers",
                "inf and nan are not allowed; use numbers within ±1e15",
            );
        }
        if [min, max]
            .into_iter()
            .flatten()
            .any(|b| b.abs() > MAX_BOUND)
        {
            return self.gate_range(
                span,
                "gate bounds must lie within ±1e15",
                "use bounds within ±1e15",
            );
        }
        if let (Some(lo), Some(hi)) = (min, max)
            && lo > hi
        {
            return self.unreachable(
                span,
                format!("gate min {lo} is above max {hi}"),
                "swap `min` and `max`".into(),
            );
        }
        Some(Gate::Range { min, max })
    }
}
