//! Session tokens (SPEC §5): 256 bits from the operating system's random source, written as
//! URL-safe base64 without padding (`[A-Za-z0-9_-]`, 43 characters), compared in constant time.
//! A request carries one as `Authorization: Bearer TOKEN` or as the `token` query parameter.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Random bytes in a token: 256 bits, twice SPEC's minimum of 128.
const BYTES: usize = 32;

/// A fresh random token (also used for participant ids).
pub fn fresh() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; BYTES];
    getrandom::fill(&mut bytes)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// Compares a presented token with the real one without leaking, through timing, how much of
/// it matched.
pub fn matches(presented: &str, real: &str) -> bool {
    let (a, b) = (presented.as_bytes(), real.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The token a request presents: the `Authorization: Bearer` header when there is one, else the
/// `token` query parameter. Anywhere else (a cookie, a body field, another header) is not looked
/// at.
pub fn presented<'a>(authorization: Option<&'a str>, query: Option<&'a str>) -> Option<&'a str> {
    if let Some(header) = authorization {
        return header.strip_prefix("Bearer ").map(str::trim);
    }
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_tokens_are_43_url_safe_characters_and_differ() {
        let a = fresh().unwrap();
        let b = fresh().unwrap();
        assert_eq!(a.len(), 43, "256 bits in unpadded base64");
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-'),
            "{a}"
        );
        assert_ne!(a, b);
    }

    #[test]
    fn matches_only_the_same_token() {
        assert!(matches("abc", "abc"));
        assert!(!matches("abd", "abc"));
        assert!(!matches("ab", "abc"));
        assert!(!matches("", "abc"));
    }

    #[test]
    fn presented_reads_the_bearer_header_first_then_the_query_and_nothing_else() {
        assert_eq!(presented(Some("Bearer t1"), Some("token=t2")), Some("t1"));
        assert_eq!(presented(Some("Basic t1"), Some("token=t2")), None);
        assert_eq!(presented(None, Some("participant=p&token=t2")), Some("t2"));
        assert_eq!(presented(None, Some("xtoken=t2")), None);
        assert_eq!(presented(None, None), None);
    }
}
