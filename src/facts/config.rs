//! A transformers `config.json`, read with bounds: typed lookups whose errors name the key, say
//! what was expected, and list what the file does contain.

use std::path::Path;

use serde_json::{Map, Value};

use super::bounded;
use crate::error::{Error, Result};

/// No real model has a dimension or count this large; a config that does is refused rather than
/// allowed to overflow the arithmetic.
const MAX_NUMBER: u64 = 1 << 40;

/// A parsed `config.json`.
#[derive(Debug, Clone)]
pub struct Config {
    /// How messages name the file.
    pub name: String,
    map: Map<String, Value>,
}

impl Config {
    /// Reads and parses a config file (at most [`bounded::JSON_LIMIT`] bytes) at `path`, named
    /// `shown` in messages (a Hugging Face cache link's target is a blob with a hash for a name).
    pub fn read(path: &Path, shown: &Path) -> Result<Config> {
        let value = bounded::json(path, bounded::JSON_LIMIT).map_err(|e| rename(e, path, shown))?;
        Config::from_value(&shown.display().to_string(), value)
    }

    /// A config from parsed JSON, which must be an object.
    pub fn from_value(name: &str, value: Value) -> Result<Config> {
        match value {
            Value::Object(map) => Ok(Config {
                name: name.to_string(),
                map,
            }),
            other => Err(Error::usage(
                format!(
                    "{name}: a config.json is a JSON object; this file holds {}",
                    kind(&other)
                ),
                "pass the model's config.json as published",
            )),
        }
    }

    /// The value of a key, if present and not null.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A required whole number.
    pub fn int(&self, key: &str, needed_by: &str) -> Result<u64> {
        self.opt_int(key)?.ok_or_else(|| {
            Error::usage(
                format!(
                    "{}: a {needed_by} config needs `{key}`, which this file does not give",
                    self.name
                ),
                format!("the file contains: {}", self.keys()),
            )
        })
    }

    /// An optional whole number (absent or null is `None`).
    pub fn opt_int(&self, key: &str) -> Result<Option<u64>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        match value.as_u64() {
            Some(n) if n <= MAX_NUMBER => Ok(Some(n)),
            _ => Err(Error::usage(
                format!(
                    "{}: `{key}` is {value}, not a plausible whole number",
                    self.name
                ),
                format!(
                    "`{key}` must be a whole number from 0 to {MAX_NUMBER}; check that this is the model's config.json"
                ),
            )),
        }
    }

    /// A whole number with a default when absent.
    pub fn int_or(&self, key: &str, default: u64) -> Result<u64> {
        Ok(self.opt_int(key)?.unwrap_or(default))
    }

    /// A boolean with a default when absent or not a boolean.
    pub fn flag(&self, key: &str, default: bool) -> bool {
        self.get(key).and_then(Value::as_bool).unwrap_or(default)
    }

    /// A string value.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Value::as_str)
    }

    /// A list of whole numbers (e.g. `mlp_only_layers`); absent is empty.
    pub fn ints(&self, key: &str) -> Result<Vec<u64>> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let list = value.as_array().and_then(|items| {
            items
                .iter()
                .map(Value::as_u64)
                .collect::<Option<Vec<u64>>>()
        });
        list.ok_or_else(|| {
            Error::usage(
                format!(
                    "{}: `{key}` is {value}, not a list of whole numbers",
                    self.name
                ),
                "check that this is the model's config.json",
            )
        })
    }

    /// A list of strings (e.g. `layer_types`); absent is empty.
    pub fn texts(&self, key: &str) -> Vec<String> {
        self.get(key)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether the config has the key (even as null).
    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The file's keys, sorted, for error messages.
    pub fn keys(&self) -> String {
        let mut keys: Vec<&str> = self.map.keys().map(String::as_str).collect();
        keys.sort_unstable();
        if keys.is_empty() {
            return "no keys at all".into();
        }
        keys.iter()
            .map(|k| format!("`{}`", crate::text::escape_control(k)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// An error about `from` as one about `to`.
fn rename(e: Error, from: &Path, to: &Path) -> Error {
    match e {
        Error::Usage { message, help } => Error::Usage {
            message: message.replace(&from.display().to_string(), &to.display().to_string()),
            help,
        },
        other => other,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn config(value: Value) -> Config {
        Config::from_value("config.json", value).unwrap()
    }

    #[test]
    fn a_missing_key_lists_what_the_file_contains() {
        let c = config(json!({ "model_type": "llama", "vocab_size": 10 }));
        let e = c.int("hidden_size", "llama").unwrap_err().to_string();
        assert!(e.contains("needs `hidden_size`"), "{e}");
        assert!(e.contains("`model_type`, `vocab_size`"), "{e}");
    }

    #[test]
    fn implausible_and_non_integer_numbers_are_refused() {
        let c = config(json!({ "a": 1e30, "b": -1, "c": "12", "d": 4096, "e": null }));
        for key in ["a", "b", "c"] {
            assert!(c.opt_int(key).is_err(), "{key}");
        }
        assert_eq!(c.opt_int("d").unwrap(), Some(4096));
        assert_eq!(c.opt_int("e").unwrap(), None);
    }

    #[test]
    fn a_config_that_is_not_an_object_is_refused() {
        let e = Config::from_value("c.json", json!([1, 2])).unwrap_err();
        assert!(e.to_string().contains("holds an array"));
    }
}
