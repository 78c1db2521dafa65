//! The participant URL as a QR code drawn with Unicode half blocks, for phones in the room.

use qrcode::QrCode;
use qrcode::render::unicode::Dense1x2;

/// The QR code of `url` as lines of text (dark modules drawn light, for a dark terminal, with
/// the quiet zone around them); `None` if the URL is too long for a QR code.
pub fn render(url: &str) -> Option<String> {
    let code = QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<Dense1x2>()
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_participant_url_renders_as_a_square_block_of_half_blocks() {
        let url = "http://192.168.1.20:8080/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        let art = render(url).expect("fits a QR code");
        let lines: Vec<&str> = art.lines().collect();
        let width = lines[0].chars().count();
        assert!(lines.iter().all(|l| l.chars().count() == width));
        // Two modules a line: the height is about half the width.
        assert!(
            (width / 2..=width / 2 + 1).contains(&lines.len()),
            "{width}x{}",
            lines.len()
        );
        assert!(art.contains('▀') || art.contains('▄'));
    }
}
