//! Number rules shared by scoring and rendering (SPEC §4, "Rounding").

/// Rounds to 9 decimals, half away from zero: what threshold comparisons and JSON use, so that
/// 0.6, 0.7, 0.8, 0.9 and 1.0 average exactly 80.
pub fn round9(x: f64) -> f64 {
    // f64::round rounds half away from zero.
    (x * 1e9).round() / 1e9
}

/// One decimal, truncated toward zero, for tables and Markdown: a shown score never seems to
/// meet a threshold it missed.
pub fn one_decimal(x: f64) -> String {
    let truncated = (round9(x) * 10.0).trunc() / 10.0;
    format!("{truncated:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_that_should_be_exact_are_exact_after_rounding() {
        let mean = (0.6 + 0.7 + 0.8 + 0.9 + 1.0) / 5.0 * 100.0;
        assert_eq!(round9(mean), 80.0);
    }

    #[test]
    fn shown_scores_truncate_toward_zero() {
        assert_eq!(one_decimal(79.99), "79.9");
        assert_eq!(one_decimal(80.0), "80.0");
        assert_eq!(one_decimal(0.0), "0.0");
    }
}
