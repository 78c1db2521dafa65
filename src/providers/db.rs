//! Reading a local copy of the models.dev database: a checkout of its repository
//! (`providers/<provider>/provider.toml`, `providers/<provider>/models/**/<model-id>.toml`, and the
//! canonical `models/<lab>/<model-id>.toml`) or its generated `api.json`.
//!
//! A provider's model file may name a canonical entry with `base_model` and inherit its fields:
//! tables merge key by key, arrays and values replace, and `base_model_omit` lists dotted keys to
//! drop after the merge (models.dev's own rules). Only files whose name or text mentions the model
//! are parsed, so a full checkout costs one read per file.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::facts::bounded;
use crate::facts::listing::{self, Limits};

/// A models.dev checkout: deeper and larger than a snapshot.
const CHECKOUT: Limits = Limits {
    depth: 8,
    entries: 500_000,
};

/// One provider's entry for a model, its fields merged with its `base_model`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The models.dev provider id, e.g. `togetherai`.
    pub provider: String,
    /// The provider's name, e.g. "Together AI".
    pub provider_name: String,
    /// The model's id at the provider, e.g. `deepseek-ai/DeepSeek-V4-Pro`.
    pub id: String,
    /// The canonical entry it inherits from, if any.
    pub base_model: Option<String>,
    /// Its fields, after the merge.
    pub fields: Value,
}

/// The entries that may concern a model, and the model's canonical entry if found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The canonical id, e.g. `deepseek/deepseek-v4-pro`, when the model has one.
    pub canonical_id: Option<String>,
    /// The canonical entry's fields.
    pub canonical: Option<Value>,
    /// Provider entries that may match (the caller applies the matching rules).
    pub entries: Vec<Entry>,
    /// Files weigh could not parse, for the user to know.
    pub notes: Vec<String>,
}

/// What is asked for: a canonical id, or a bare name's last segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The canonical id, when known.
    pub id: Option<String>,
    /// The last segment of the id, lowercased (e.g. `deepseek-v4-pro`).
    pub last: String,
}

/// Reads what concerns `model` from the database at `path`.
pub fn load(path: &Path, model: &str) -> Result<(Query, Found)> {
    if path.is_file() {
        return api_json(path, model);
    }
    let providers = path.join("providers");
    if !providers.is_dir() {
        return Err(Error::usage(
            format!(
                "{} is neither a models.dev checkout (no providers/ folder) nor its api.json",
                path.display()
            ),
            "pass --from with a clone of https://github.com/anomalyco/models.dev or a saved https://models.dev/api.json",
        ));
    }
    let (query, canonical) = resolve(path, model)?;
    let mut found = Found {
        canonical_id: query.id.clone(),
        canonical,
        ..Found::default()
    };
    checkout_entries(&providers, &query, &mut found)?;
    Ok((query, found))
}

/// The canonical id and entry for MODEL: an id with `/` names its file; a bare name is looked up
/// among canonical entries by id or name.
fn resolve(root: &Path, model: &str) -> Result<(Query, Option<Value>)> {
    let models = root.join("models");
    if model.contains('/') {
        check_id(model)?;
        let file = models.join(format!("{model}.toml"));
        let canonical = file.is_file().then(|| read_toml(&file)).transpose()?;
        return Ok((query(Some(model)), canonical));
    }
    let mut hits = Vec::new();
    if models.is_dir() {
        let listing = listing::list_with(&models, CHECKOUT)?;
        for name in listing.names.iter().filter(|n| n.ends_with(".toml")) {
            let id = name.trim_end_matches(".toml");
            let Some(path) = listing.path(name) else {
                continue;
            };
            let same_id = last(id) == model.to_lowercase();
            if same_id || text_mentions(path, model) {
                let table = read_toml(path)?;
                let same_name = table
                    .get("name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| n.trim().eq_ignore_ascii_case(model.trim()));
                if same_id || same_name {
                    hits.push((id.to_string(), table));
                }
            }
        }
    }
    match hits.len() {
        0 => Ok((query(None).with_last(model), None)),
        1 => {
            let (id, table) = hits.remove(0);
            Ok((query(Some(&id)), Some(table)))
        }
        _ => {
            let ids: Vec<String> = hits.into_iter().map(|(id, _)| id).collect();
            Err(Error::usage(
                format!("`{model}` names several models: {}", ids.join(", ")),
                "pass the canonical id, e.g. `weigh providers lab/model-id`",
            ))
        }
    }
}

fn query(id: Option<&str>) -> Query {
    Query {
        id: id.map(str::to_string),
        last: id.map(last).unwrap_or_default(),
    }
}

impl Query {
    fn with_last(mut self, name: &str) -> Query {
        self.last = name.trim().to_lowercase();
        self
    }
}

/// The last `/` segment of an id, lowercased.
pub fn last(id: &str) -> String {
    id.rsplit('/').next().unwrap_or(id).to_lowercase()
}

/// An id used as a path: segments of letters, digits, `.`, `_` and `-`, none of them `.` or `..`.
fn check_id(id: &str) -> Result<()> {
    let fine = id.split('/').all(|seg| {
        !seg.is_empty()
            && seg != "."
            && seg != ".."
            && seg
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    });
    if fine {
        Ok(())
    } else {
        Err(Error::usage(
            format!(
                "`{}` is not a models.dev model id",
                crate::text::escape_control(id)
            ),
            "pass an id such as deepseek/deepseek-v4-pro, or the model's name",
        ))
    }
}

fn checkout_entries(providers: &Path, q: &Query, found: &mut Found) -> Result<()> {
    let listing = listing::list_with(providers, CHECKOUT)?;
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for name in &listing.names {
        let Some((provider, rest)) = name.split_once('/') else {
            continue;
        };
        let Some(model_file) = rest.strip_prefix("models/") else {
            if rest == "provider.toml" {
                let table = listing.path(name).map(read_toml).transpose();
                let title = table
                    .ok()
                    .flatten()
                    .and_then(|t| t.get("name").and_then(Value::as_str).map(str::to_string));
                names.insert(
                    provider.to_string(),
                    title.unwrap_or_else(|| provider.into()),
                );
            }
            continue;
        };
        let Some(id) = model_file.strip_suffix(".toml") else {
            continue;
        };
        let Some(path) = listing.path(name) else {
            continue;
        };
        let mentioned = last(id).contains(&q.last)
            || q.id
                .as_deref()
                .is_some_and(|canonical| text_mentions(path, canonical));
        if !mentioned {
            continue;
        }
        match read_toml(path) {
            Ok(fields) => {
                found
                    .entries
                    .push(entry(provider, id, fields, found.canonical.as_ref(), q))
            }
            Err(e) => found.notes.push(e.to_string()),
        }
    }
    for e in &mut found.entries {
        if let Some(name) = names.get(&e.provider) {
            e.provider_name.clone_from(name);
        }
    }
    Ok(())
}

fn entry(provider: &str, id: &str, fields: Value, canonical: Option<&Value>, q: &Query) -> Entry {
    let base_model = fields
        .get("base_model")
        .and_then(Value::as_str)
        .map(str::to_string);
    let inherits = base_model.is_some() && base_model == q.id;
    let fields = match (inherits, canonical) {
        (true, Some(base)) => inherit(base, &fields),
        _ => fields,
    };
    Entry {
        provider: provider.to_string(),
        provider_name: provider.to_string(),
        id: id.to_string(),
        base_model,
        fields,
    }
}

/// models.dev's merge: tables merge key by key, anything else replaces; then `base_model_omit`
/// keys (dotted) are removed.
fn inherit(base: &Value, own: &Value) -> Value {
    let mut merged = base.clone();
    merge(&mut merged, own);
    let omitted: Vec<String> = own
        .get("base_model_omit")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    for key in omitted {
        remove(&mut merged, &key);
    }
    merged
}

fn merge(into: &mut Value, from: &Value) {
    match (into, from) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                match a.get_mut(k) {
                    Some(existing) if existing.is_object() && v.is_object() => merge(existing, v),
                    _ => {
                        a.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (into, from) => *into = from.clone(),
    }
}

fn remove(value: &mut Value, dotted: &str) {
    match dotted.split_once('.') {
        None => {
            if let Some(map) = value.as_object_mut() {
                map.remove(dotted);
            }
        }
        Some((head, rest)) => {
            if let Some(inner) = value.get_mut(head) {
                remove(inner, rest);
            }
        }
    }
}

fn text_mentions(path: &Path, needle: &str) -> bool {
    bounded::read(path, bounded::TOML_LIMIT)
        .map(|bytes| {
            String::from_utf8_lossy(&bytes)
                .to_lowercase()
                .contains(&needle.to_lowercase())
        })
        .unwrap_or(false)
}

fn read_toml(path: &Path) -> Result<Value> {
    let bytes = bounded::read(path, bounded::TOML_LIMIT)?;
    let text = String::from_utf8_lossy(&bytes);
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        Error::usage(
            format!("{}: not valid TOML: {}", path.display(), e.message().trim()),
            "the models.dev checkout may be damaged; update it",
        )
    })?;
    serde_json::to_value(table).map_err(|e| {
        Error::usage(
            format!("{}: {e}", path.display()),
            "the models.dev checkout may be damaged; update it",
        )
    })
}

/// `api.json`: `{ "<provider>": { "name", "models": { "<model-id>": { … } } } }`, with
/// `base_model` already resolved by models.dev (it has no canonical entries).
fn api_json(path: &Path, model: &str) -> Result<(Query, Found)> {
    let value = bounded::json(path, bounded::JSON_LIMIT)?;
    let Some(providers) = value.as_object() else {
        return Err(Error::usage(
            format!(
                "{} is not a models.dev api.json (not an object of providers)",
                path.display()
            ),
            "pass --from with a saved https://models.dev/api.json or a models.dev checkout",
        ));
    };
    let q = if model.contains('/') {
        query(Some(model))
    } else {
        query(None).with_last(model)
    };
    let mut found = Found {
        canonical_id: q.id.clone(),
        ..Found::default()
    };
    for (provider, p) in providers {
        let name = p.get("name").and_then(Value::as_str).unwrap_or(provider);
        let models = p.get("models").and_then(Value::as_object);
        for (id, fields) in models.into_iter().flat_map(Map::iter) {
            if last(id).contains(&q.last) {
                found.entries.push(Entry {
                    provider: provider.clone(),
                    provider_name: name.to_string(),
                    id: id.clone(),
                    base_model: fields
                        .get("base_model")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    fields: fields.clone(),
                });
            }
        }
    }
    Ok((q, found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn inheriting_merges_tables_replaces_values_and_drops_omitted_keys() {
        let base = json!({ "name": "Base", "structured_output": true, "limit": { "context": 1000, "output": 100 } });
        let own = json!({ "base_model": "a/b", "limit": { "output": 50 }, "base_model_omit": ["structured_output"] });
        let merged = inherit(&base, &own);
        assert_eq!(merged["name"], "Base");
        assert_eq!(merged["limit"], json!({ "context": 1000, "output": 50 }));
        assert!(merged.get("structured_output").is_none());
    }

    #[test]
    fn ids_that_climb_out_of_the_checkout_are_refused() {
        for bad in ["../etc/passwd", "a/../../b", "/abs", "a//b", "a\\b"] {
            assert!(check_id(bad).is_err(), "{bad}");
        }
        assert!(check_id("deepseek/deepseek-v4-pro").is_ok());
    }
}
