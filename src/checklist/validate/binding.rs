//! `fact` bindings: the fact is one weigh records, the rules fit the item's kind, and every
//! rule's answer is a real level, label or yes/no.

use toml::Spanned;

use super::Validator;
use crate::checklist::file::{FactBindingFile, FactRuleFile};
use crate::checklist::model::{Binding, Kind, Rule, RuleAnswer, Test, same_label};
use crate::diag::Diagnostic;
use crate::facts::names;
use crate::text::{did_you_mean, one_of};

impl Validator {
    pub(super) fn binding(
        &mut self,
        binding: &Spanned<FactBindingFile>,
        kind: &Kind,
    ) -> Option<Binding> {
        let b = binding.get_ref();
        let name = b.name.as_ref()?;
        let known = self.fact_name(name);
        let rules = self.rules(binding, kind);
        Some(Binding {
            name: known?,
            rules: rules?,
        })
    }

    fn fact_name(&mut self, name: &Spanned<String>) -> Option<String> {
        if names::is_known(name.get_ref()) {
            return Some(name.get_ref().clone());
        }
        let all = names::all();
        let help = did_you_mean(name.get_ref(), all.iter().map(String::as_str))
            .unwrap_or_else(|| format!("name one of the facts weigh records: {}", one_of(&all)));
        self.push(
            Diagnostic::error(
                "unknown-fact",
                format!("weigh records no fact `{}`", name.get_ref()),
            )
            .at(name.span())
            .label("not a fact weigh records")
            .help(help),
        );
        None
    }

    /// The rules, checked against the kind: required for scale and choice, optional for
    /// yes_no, not allowed for number and text.
    fn rules(&mut self, binding: &Spanned<FactBindingFile>, kind: &Kind) -> Option<Vec<Rule>> {
        let map = binding.get_ref().map.as_ref();
        match (kind, map) {
            (Kind::Number { .. } | Kind::Text, Some(map)) => {
                self.push(
                    Diagnostic::error(
                        "key-not-for-kind",
                        format!("`fact.map` does not belong on a `{}` item", kind.name()),
                    )
                    .at(map.span())
                    .label("this item takes the fact's value as it is")
                    .help("remove `map`; rules are for yes_no, scale and choice items"),
                );
                None
            }
            (Kind::Scale { .. } | Kind::Choice { .. }, None) => {
                self.push(
                    Diagnostic::error(
                        "missing-key",
                        format!("a `{}` item bound to a fact needs `fact.map`", kind.name()),
                    )
                    .at(binding.span())
                    .label("no rules from the fact's value to an answer")
                    .help(
                        "add map = [{ is = \"…\", answer = \"…\" }, { min = 1, answer = \"…\" }]",
                    ),
                );
                None
            }
            (_, None) => Some(Vec::new()),
            (_, Some(map)) => {
                let rules: Vec<Option<Rule>> =
                    map.get_ref().iter().map(|r| self.rule(r, kind)).collect();
                rules.into_iter().collect()
            }
        }
    }

    fn rule(&mut self, rule: &Spanned<FactRuleFile>, kind: &Kind) -> Option<Rule> {
        let r = rule.get_ref();
        let test = self.test(rule);
        let answer = match &r.answer {
            Some(answer) => self.rule_answer(answer, kind),
            None => None,
        };
        Some(Rule {
            test: test?,
            answer: answer?,
        })
    }

    /// Exactly one of `is`, or `min` and/or `max` (with min ≤ max).
    fn test(&mut self, rule: &Spanned<FactRuleFile>) -> Option<Test> {
        let r = rule.get_ref();
        let bound = |v: &mut Self, b: &Option<Spanned<f64>>, what: &str| {
            b.as_ref()
                .map(|b| v.number(b, what, -super::MAX_BOUND, super::MAX_BOUND))
        };
        let min = bound(self, &r.min, "min");
        let max = bound(self, &r.max, "max");
        match (&r.equals, min.is_some() || max.is_some()) {
            (Some(_), true) | (None, false) => {
                self.push(
                    Diagnostic::error(
                        "invalid-fact-rule",
                        "a rule needs either `is` or `min`/`max`, not both or neither",
                    )
                    .at(rule.span())
                    .label("which values does this rule match?")
                    .help("write `is = …` to match one value, or `min`/`max` to match a range"),
                );
                None
            }
            (Some(equals), false) => self.equality(equals),
            (None, true) => self.range(rule, min, max),
        }
    }

    fn range(
        &mut self,
        rule: &Spanned<FactRuleFile>,
        min: Option<f64>,
        max: Option<f64>,
    ) -> Option<Test> {
        if let (Some(lo), Some(hi)) = (min, max)
            && lo > hi
        {
            self.push(
                Diagnostic::error("empty-range", format!("min ({lo}) is above max ({hi})"))
                    .at(rule.span())
                    .label("no value can match this rule")
                    .help("make `min` at most `max`"),
            );
            return None;
        }
        Some(Test::Range { min, max })
    }

    /// The answer must be a boolean for yes_no, a level's text for scale, an option's label for
    /// choice.
    fn rule_answer(&mut self, answer: &Spanned<toml::Value>, kind: &Kind) -> Option<RuleAnswer> {
        let found = match (kind, answer.get_ref()) {
            (Kind::YesNo, toml::Value::Boolean(b)) => return Some(RuleAnswer::Yes(*b)),
            (Kind::Scale { levels }, toml::Value::String(s)) => {
                if let Some(i) = levels.iter().position(|l| same_label(l, s)) {
                    return Some(RuleAnswer::Level(i));
                }
                Some(("a level's text", levels.clone()))
            }
            (Kind::Choice { options }, toml::Value::String(s)) => {
                if let Some(o) = options.iter().find(|o| same_label(&o.label, s)) {
                    return Some(RuleAnswer::Label(o.label.clone()));
                }
                Some((
                    "an option's label",
                    options.iter().map(|o| o.label.clone()).collect(),
                ))
            }
            _ => None,
        };
        let (expected, choices) = match (kind, found) {
            (_, Some(found)) => found,
            (Kind::YesNo, None) => ("true or false", Vec::new()),
            (Kind::Scale { levels }, None) => ("a level's text", levels.clone()),
            (Kind::Choice { options }, None) => (
                "an option's label",
                options.iter().map(|o| o.label.clone()).collect(),
            ),
            (_, None) => ("nothing", Vec::new()),
        };
        let help = if choices.is_empty() {
            format!("write {expected}")
        } else {
            format!("use one of {}", one_of(&choices))
        };
        self.push(
            Diagnostic::error(
                "invalid-fact-answer",
                format!(
                    "this rule's answer does not fit a `{}` item; it needs {expected}",
                    kind.name()
                ),
            )
            .at(answer.span())
            .label(format!("expected {expected}"))
            .help(help),
        );
        None
    }

    fn equality(&mut self, equals: &Spanned<toml::Value>) -> Option<Test> {
        Some(match equals.get_ref() {
            toml::Value::String(s) => Test::Text(s.clone()),
            toml::Value::Boolean(b) => Test::Bool(*b),
            toml::Value::Integer(i) => Test::Number(*i as f64),
            toml::Value::Float(f) => {
                let spanned = Spanned::new(equals.span(), *f);
                Test::Number(self.number(&spanned, "is", -super::MAX_BOUND, super::MAX_BOUND))
            }
            // The structural check has reported any other type already.
            _ => return None,
        })
    }
}
