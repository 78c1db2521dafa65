//! JSON as weigh prints it: every JSON output (reports, schemas, checklists, comparisons) goes
//! through [`pretty`], so how JSON is written (indentation, the trailing newline, which
//! characters are escaped) is decided in one place.

use serde::Serialize;

/// Pretty JSON with a trailing newline.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}
