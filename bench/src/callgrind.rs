//! Reading `callgrind_annotate` output by function. With line tables, callgrind splits a
//! function's cost by the source file of each inlined instruction (`cmp.rs:validate`,
//! `load.rs:validate`); a profile reads better per function, so self costs are summed over those
//! rows and inclusive costs take the largest row (the rows overlap). Recursion marks (`'2`) are
//! folded into the function.

use std::collections::HashMap;
use std::fmt::Write;

/// One annotated row: its cost, its tree marker (`<` caller, `*` the function, `>` callee) and
/// the function's name.
struct Row {
    cost: u64,
    marker: Option<char>,
    name: String,
    /// A recursive activation (`'2`): its inclusive cost is already in the outer one's.
    recursive: bool,
}

fn parse(line: &str) -> Option<Row> {
    let line = line.trim_start();
    let (cost, rest) = line.split_once(' ')?;
    let cost: u64 = cost.replace(',', "").parse().ok()?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('(')?.split_once(')')?.1.trim_start();
    if rest.starts_with("=>") {
        // A call line of annotated source: an inclusive cost, not a function's row.
        return None;
    }
    let (marker, rest) = match rest.chars().next()? {
        m @ ('<' | '*' | '>') => (Some(m), rest[1..].trim_start()),
        _ => (None, rest),
    };
    let (name, recursive) = function(rest)?;
    Some(Row {
        cost,
        marker,
        name,
        recursive,
    })
}

/// `file:function'2 (3x) [object]` → `function`, and whether it was a recursive activation.
fn function(text: &str) -> Option<(String, bool)> {
    let text = match text.rfind(" [") {
        Some(i) if text.ends_with(']') => &text[..i],
        _ => text,
    };
    let text = match text.rfind(" (") {
        Some(i) if text.ends_with("x)") => &text[..i],
        _ => text,
    };
    let bytes = text.as_bytes();
    let split = (0..bytes.len()).find(|&i| {
        bytes[i] == b':' && bytes.get(i + 1) != Some(&b':') && (i == 0 || bytes[i - 1] != b':')
    })?;
    let name = &text[split + 1..];
    let (name, recursive) = match name.rfind('\'') {
        Some(i) if name[i + 1..].bytes().all(|b| b.is_ascii_digit()) => (&name[..i], true),
        _ => (name, false),
    };
    (name != "PROGRAM TOTALS").then(|| (name.to_string(), recursive))
}

/// Frames every Rust program has above its `main`; they only repeat the total.
fn runtime(name: &str) -> bool {
    name == "main"
        || name.starts_with("0x")
        || name.starts_with("(below main)")
        || name.starts_with("__libc_start_main")
        || name.starts_with("std::rt::")
        || name.starts_with("std::sys::backtrace::")
}

/// The program's total instruction count.
pub fn total(text: &str) -> Option<u64> {
    text.lines()
        .find(|l| l.ends_with("PROGRAM TOTALS"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.replace(',', "").parse().ok())
}

/// Costs per function, largest first: self costs summed, inclusive costs the largest row.
pub fn by_function(text: &str, inclusive: bool) -> Vec<(String, u64)> {
    let mut costs: HashMap<String, u64> = HashMap::new();
    let rows = text
        .lines()
        .filter_map(parse)
        .filter(|r| r.marker.is_none());
    for row in rows.filter(|r| !(inclusive && (r.recursive || runtime(&r.name)))) {
        let entry = costs.entry(row.name).or_default();
        *entry = if inclusive {
            (*entry).max(row.cost)
        } else {
            *entry + row.cost
        };
    }
    sorted(costs)
}

/// In `callgrind_annotate --tree=caller` output, who called `function` and at what cost.
pub fn callers(tree: &str, function: &str) -> Vec<(String, u64)> {
    let mut costs: HashMap<String, u64> = HashMap::new();
    let mut block: Vec<Row> = Vec::new();
    for row in tree.lines().filter_map(parse) {
        match row.marker {
            Some('<') => block.push(row),
            Some('*') if row.name == function => {
                for caller in block.drain(..).filter(|c| c.name != function) {
                    *costs.entry(caller.name).or_default() += caller.cost;
                }
            }
            _ => block.clear(),
        }
    }
    sorted(costs)
}

fn sorted(costs: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut rows: Vec<_> = costs.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// A readable summary: self and inclusive tops, and the callers of the top self-cost function.
pub fn summary(key: &str, exclusive: &str, inclusive: &str, tree: &str, top: usize) -> String {
    let total = total(exclusive).unwrap_or(1).max(1);
    let share = |cost: u64| cost as f64 * 100.0 / total as f64;
    let mut out = format!("{key} (callgrind): {total} instructions\n");
    let own = by_function(exclusive, false);
    let sections = [
        (
            "Self cost (the function's own instructions, inlined code included)",
            own.clone(),
        ),
        (
            "Inclusive cost (with everything it calls)",
            by_function(inclusive, true),
        ),
    ];
    for (title, rows) in sections {
        let _ = writeln!(out, "\n{title}:");
        for (name, cost) in rows.iter().take(top) {
            let _ = writeln!(out, "  {:5.1}%  {name}", share(*cost));
        }
    }
    for (name, _) in own.iter().take(3) {
        let _ = writeln!(out, "\nCallers of {name} (its self cost by caller):");
        for (caller, cost) in callers(tree, name).iter().take(top / 2) {
            let _ = writeln!(out, "  {:5.1}%  {caller}", share(*cost));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SELF: &str = "\
2,000 (100.0%)  PROGRAM TOTALS
  500 (25.00%)  ./string/memcmp.S:__memcmp_avx2_movbe [/usr/lib/libc.so.6]
  900 (45.00%)  => src/assessment/load.rs:weigh::assessment::load::validate (3x)
  300 (15.00%)  /rustc/x/library/core/src/slice/cmp.rs:weigh::assessment::load::validate
  200 (10.00%)  src/assessment/load.rs:weigh::assessment::load::validate [/bin/weigh]
  100 ( 5.00%)  /rustc/x/quicksort.rs:core::slice::sort::stable::quicksort::quicksort'2 [/bin/weigh]
   50 ( 2.50%)  /rustc/x/quicksort.rs:core::slice::sort::stable::quicksort::quicksort [/bin/weigh]
";

    #[test]
    fn self_costs_are_summed_per_function_across_inlined_files() {
        let rows = by_function(SELF, false);
        assert!(rows.contains(&("weigh::assessment::load::validate".into(), 500)));
        assert!(rows.contains(&("__memcmp_avx2_movbe".into(), 500)));
        assert!(rows.contains(&(
            "core::slice::sort::stable::quicksort::quicksort".into(),
            150
        )));
        assert_eq!(total(SELF), Some(2_000));
    }

    #[test]
    fn inclusive_costs_skip_recursive_activations_and_runtime_frames() {
        let text = "\
  900 (90.00%)  ???:main [/bin/weigh]
  800 (80.00%)  /rustc/x/quicksort.rs:core::slice::sort::stable::quicksort::quicksort'2 [/bin/weigh]
  500 (50.00%)  /rustc/x/quicksort.rs:core::slice::sort::stable::quicksort::quicksort [/bin/weigh]
";
        assert_eq!(
            by_function(text, true),
            vec![(
                "core::slice::sort::stable::quicksort::quicksort".into(),
                500
            )]
        );
    }

    #[test]
    fn inclusive_costs_take_the_largest_row() {
        let rows = by_function(SELF, true);
        assert!(rows.contains(&("weigh::assessment::load::validate".into(), 300)));
    }

    #[test]
    fn callers_are_read_from_the_caller_tree() {
        let tree = "\
  400 (20.00%)  < /rustc/x/cmp.rs:weigh::assessment::load::canonical_order (7x)
  100 ( 5.00%)  < /rustc/x/cmp.rs:weigh::report::view::build (2x)
  500 (25.00%)  *  ./string/memcmp.S:__memcmp_avx2_movbe [/usr/lib/libc.so.6]

   10 ( 0.50%)  < /rustc/x/cmp.rs:other::caller (1x)
   10 ( 0.50%)  *  src/x.rs:other::function [/bin/weigh]
";
        let rows = callers(tree, "__memcmp_avx2_movbe");
        assert_eq!(
            rows,
            vec![
                ("weigh::assessment::load::canonical_order".into(), 400),
                ("weigh::report::view::build".into(), 100)
            ]
        );
    }
}
