//! `when` conditions: the controller exists, comes first, is a choice or yes_no, and names real labels.

use crate::idmap::IdMap;

use toml::Spanned;

use super::Validator;
use crate::checklist::file::{ChecklistFile, ItemFile, WhenFile};
use crate::checklist::model::{ChoiceOption, Condition, Dimension, Kind, When, same_label};
use crate::diag::Diagnostic;
use crate::text::{did_you_mean, one_of};

impl Validator {
    /// `when` needs every item known, so it runs after all dimensions.
    pub(super) fn whens(&mut self, file: &ChecklistFile, dimensions: &mut [Dimension]) {
        let raw: Vec<&ItemFile> = file
            .dimensions
            .iter()
            .flatten()
            .flat_map(|d| d.get_ref().items.iter().flatten())
            .map(Spanned::get_ref)
            .collect();
        let mut order: IdMap<&str, usize> = crate::idmap::with_capacity(raw.len());
        for (n, id) in raw
            .iter()
            .filter_map(|i| i.id.as_ref().map(|id| id.get_ref().as_str()))
            .enumerate()
        {
            order.entry(id).or_insert(n);
        }
        let kinds: IdMap<&str, &Kind> = dimensions
            .iter()
            .flat_map(|d| d.items.iter())
            .map(|i| (i.id.as_str(), &i.kind))
            .collect();
        let mut resolved: IdMap<String, When> = IdMap::default();
        for item in &raw {
            if let (Some(id), Some(when)) = (&item.id, &item.when)
                && let Some(w) = self.when(id.get_ref(), when, &order, &kinds)
            {
                resolved.insert(id.get_ref().clone(), w);
            }
        }
        for item in dimensions.iter_mut().flat_map(|d| d.items.iter_mut()) {
            item.when = resolved.remove(&item.id);
        }
    }

    pub(super) fn when(
        &mut self,
        id: &str,
        when: &Spanned<WhenFile>,
        order: &IdMap<&str, usize>,
        kinds: &IdMap<&str, &Kind>,
    ) -> Option<When> {
        let w = when.get_ref();
        let controller = w.item.as_ref()?;
        let name = controller.get_ref().as_str();
        if name == id {
            self.push(
                Diagnostic::error("when-self", format!("item `{id}` depends on itself"))
                    .at(controller.span())
                    .label("an item cannot control itself")
                    .help("name an earlier `choice` or `yes_no` item"),
            );
            return None;
        }
        let Some(&position) = order.get(name) else {
            let help = did_you_mean(name, order.keys().copied())
                .unwrap_or_else(|| "name an earlier `choice` or `yes_no` item by its id".into());
            self.push(
                Diagnostic::error(
                    "unknown-controller",
                    format!("`when` names unknown item `{name}`"),
                )
                .at(controller.span())
                .label("no item has this id")
                .help(help),
            );
            return None;
        };
        if order.get(id).is_some_and(|own| position > *own) {
            self.push(
                Diagnostic::error(
                    "controller-after-dependent",
                    format!("controller `{name}` comes after `{id}`"),
                )
                .at(controller.span())
                .label("the controller must be asked first")
                .help(format!("move `{name}` above `{id}` in the checklist")),
            );
        }
        let kind = kinds.get(name)?;
        let condition = self.condition(when, kind, name)?;
        Some(When {
            item: name.to_string(),
            condition,
        })
    }

    pub(super) fn condition(
        &mut self,
        when: &Spanned<WhenFile>,
        kind: &Kind,
        name: &str,
    ) -> Option<Condition> {
        let w = when.get_ref();
        let span = when.span();
        match (kind, &w.any_of, &w.is) {
            (Kind::Choice { .. } | Kind::YesNo, Some(_), Some(_)) => {
                self.push(Diagnostic::error("when-in-and-is", "`when` has both `in` and `is`").at(span).label("choose one").help("use `in = [labels]` for a choice controller, `is = true|false` for a yes_no one"));
                None
            }
            (Kind::Choice { .. } | Kind::YesNo, None, None) => {
                self.push(Diagnostic::error("when-without-condition", "`when` needs `in` or `is`").at(span).label("no condition").help("use `in = [labels]` for a choice controller, `is = true|false` for a yes_no one"));
                None
            }
            (Kind::Choice { options }, Some(labels), None) => self.labels_in(labels, options, name),
            (Kind::YesNo, None, Some(is)) => Some(Condition::Is(*is.get_ref())),
            (Kind::YesNo, Some(labels), None) => {
                self.push(
                    Diagnostic::error(
                        "when-mismatch",
                        format!("`{name}` is a yes_no item; `in` is for choice controllers"),
                    )
                    .at(labels.span())
                    .label("use `is` here")
                    .help("write `is = true` or `is = false`"),
                );
                None
            }
            (Kind::Choice { options }, None, Some(is)) => {
                let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
                self.push(
                    Diagnostic::error(
                        "when-mismatch",
                        format!("`{name}` is a choice item; `is` is for yes_no controllers"),
                    )
                    .at(is.span())
                    .label("use `in` here")
                    .help(format!(
                        "write `in = [...]` with labels from {}",
                        one_of(&labels)
                    )),
                );
                None
            }
            (other, _, _) => {
                let span = w.item.as_ref().map_or(span, Spanned::span);
                self.push(Diagnostic::error("invalid-controller", format!("`{name}` is a {} item; only choice and yes_no items can control others", other.name())).at(span).label("not a choice or yes_no item").help("name an earlier `choice` or `yes_no` item"));
                None
            }
        }
    }

    pub(super) fn labels_in(
        &mut self,
        labels: &Spanned<Vec<Spanned<String>>>,
        options: &[ChoiceOption],
        name: &str,
    ) -> Option<Condition> {
        if labels.get_ref().is_empty() {
            self.push(
                Diagnostic::error("empty-in", "`in` lists no labels")
                    .at(labels.span())
                    .label("the item could never apply")
                    .help("list at least one of the controller's labels"),
            );
            return None;
        }
        let names: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
        let mut out = Vec::new();
        for label in labels.get_ref() {
            match options
                .iter()
                .find(|o| same_label(&o.label, label.get_ref()))
            {
                Some(option) => out.push(option.label.clone()),
                None => {
                    let help =
                        did_you_mean(label.get_ref(), names.iter().copied()).unwrap_or_else(|| {
                            format!("the labels of `{name}` are {}", one_of(&names))
                        });
                    self.push(
                        Diagnostic::error(
                            "unknown-label",
                            format!("`{name}` has no option \"{}\"", label.get_ref()),
                        )
                        .at(label.span())
                        .label("not one of the controller's labels")
                        .help(help),
                    );
                }
            }
        }
        (out.len() == labels.get_ref().len()).then_some(Condition::In(out))
    }
}
