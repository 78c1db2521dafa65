//! Time as commands take it: `--at` and `--as-of` values, and "now" (`WEIGH_NOW` or the
//! system clock). The engine never reads the clock; commands pass the time in.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::error::{Error, Result};

/// The environment variable that sets "now" for every command.
pub const NOW_VAR: &str = "WEIGH_NOW";

/// Now: `WEIGH_NOW` when set, else the system clock.
pub fn now() -> Result<Timestamp> {
    match std::env::var(NOW_VAR) {
        Ok(text) => parse(&text).map_err(|e| match e {
            Error::Usage { message, help } => Error::Usage {
                message: format!("{NOW_VAR}: {message}"),
                help,
            },
            other => other,
        }),
        Err(_) => Ok(Timestamp::now()),
    }
}

/// Parses RFC 3339 with a required offset (`T`, `t` or a space as separator; fractional seconds
/// allowed) or a date `YYYY-MM-DD` meaning 00:00:00Z.
pub fn parse(text: &str) -> Result<Timestamp> {
    let text = text.trim();
    if text.len() == 10
        && let Ok(date) = text.parse::<Date>()
    {
        return date
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|e| bad(text, &e.to_string()));
    }
    if text.contains('[') {
        return Err(bad(text, "time-zone annotations are not accepted"));
    }
    text.parse::<Timestamp>()
        .map_err(|e| bad(text, &e.to_string()))
}

fn bad(text: &str, why: &str) -> Error {
    Error::usage(
        format!("`{text}` is not a time weigh accepts ({why})"),
        "write RFC 3339 with an offset, e.g. 2026-11-28T20:05:00Z, or a date such as 2026-11-28",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_rfc3339_with_any_separator_and_plain_dates() {
        let expected: Timestamp = "2026-11-28T20:05:00Z".parse().unwrap();
        for text in [
            "2026-11-28T20:05:00Z",
            "2026-11-28t20:05:00z",
            "2026-11-28 20:05:00Z",
            "2026-11-28T21:05:00+01:00",
        ] {
            assert_eq!(parse(text).unwrap(), expected, "{text}");
        }
        assert_eq!(
            parse("2026-11-28").unwrap(),
            "2026-11-28T00:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert!(parse("2026-11-28T20:05:00.250Z").is_ok());
    }

    #[test]
    fn refuses_local_times_and_nonsense() {
        for text in ["2026-11-28T20:05:00", "yesterday", "2026-13-01", ""] {
            assert!(parse(text).is_err(), "{text}");
        }
    }
}
