//! JSON outputs checked against the schema `weigh schema KIND` prints.

use serde_json::Value;

/// What `value` breaks of the schema `weigh schema KIND` prints (empty when it is valid).
pub fn errors(kind: &str, value: &Value) -> Vec<String> {
    let dir = super::temp();
    let printed = super::weigh_in(dir.path(), &["schema", kind]);
    super::ok(&printed);
    let schema: Value = serde_json::from_str(&printed.stdout).expect("the schema is JSON");
    let validator = jsonschema::draft7::new(&schema).expect("the schema compiles");
    validator
        .iter_errors(value)
        .map(|e| e.to_string())
        .collect()
}
