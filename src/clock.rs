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
/// allowed) or a date `YYYY-MM-DD` meaning 00:00:00Z. Only times weigh can write and read back
/// are accepted: years 0000 to 9999 in UTC ([`writable`]).
pub fn parse(text: &str) -> Result<Timestamp> {
    let text = text.trim();
    let parsed = if text.len() == 10
        && let Ok(date) = text.parse::<Date>()
    {
        date.to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|_| out_of_range(text))?
    } else if text.contains('[') {
        return Err(bad(text, "time-zone annotations are not accepted"));
    } else {
        text.parse::<Timestamp>().map_err(|e| {
            // Well-formed, with an offset, yet no timestamp: beyond the library's range.
            let pieces = jiff::fmt::temporal::Pieces::parse(text);
            if pieces.is_ok_and(|p| p.offset().is_some()) {
                out_of_range(text)
            } else {
                bad(text, &e.to_string())
            }
        })?
    };
    if writable(parsed) {
        Ok(parsed)
    } else {
        Err(out_of_range(text))
    }
}

/// The earliest time weigh writes: 0000-01-01T00:00:00Z.
pub const EARLIEST: &str = "0000-01-01T00:00:00Z";

/// The latest time weigh writes (the last second its time library can shift by any offset).
pub const LATEST: &str = "9999-12-30T22:00:00Z";

/// Whether weigh can write `t` as `YYYY-MM-DDTHH:MM:SSZ` and read it back: its UTC year lies in
/// 0000..=9999. Every time that reaches a file passes here (from the command line, from
/// `WEIGH_NOW`, and from files read), so no writer ever produces `-001-…`.
pub fn writable(t: Timestamp) -> bool {
    (0..=9999).contains(&t.to_zoned(jiff::tz::TimeZone::UTC).year())
}

fn out_of_range(text: &str) -> Error {
    Error::usage(
        format!("`{text}` is outside the times weigh can record ({EARLIEST} to {LATEST})"),
        "write a time in years 0000 to 9999, e.g. 2026-11-28T20:05:00Z",
    )
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
    fn refuses_times_outside_years_0000_to_9999_with_a_plain_message() {
        for text in [
            "-000001-01-01T00:00:00Z",
            "0000-01-01T00:30:00+01:00",
            "9999-12-31T23:59:59Z",
            "9999-12-31T23:59:59-01:00",
            "9999-12-31",
        ] {
            let message = parse(text).unwrap_err().to_string();
            assert!(
                message.contains("outside the times weigh can record"),
                "{text}: {message}"
            );
            assert!(!message.contains("parameter"), "{text}: {message}");
        }
        for text in ["0000-01-01T00:00:00Z", LATEST, "0000-01-01"] {
            assert!(parse(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn refuses_local_times_and_nonsense() {
        for text in ["2026-11-28T20:05:00", "yesterday", "2026-13-01", ""] {
            let message = parse(text).unwrap_err().to_string();
            assert!(
                message.contains("not a time weigh accepts"),
                "{text}: {message}"
            );
        }
    }
}
