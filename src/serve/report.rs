//! What the session shows of the report, built from the HTML report's own context: the item card
//! of the current item, the team's verdict so far (badge and bar chart), and at the end the
//! readiness report itself. Each is computed from the answers the viewer may see
//! ([`Board::visible_assessment`]), so no chart or card gives a hidden vote away.

use jiff::Timestamp;
use serde::Serialize;

use super::board::Board;
use crate::report::html::context::{self, Badge, ItemCard, ReportPage};
use crate::report::svg::BarChart;
use crate::report::view::ReportView;

/// The team's verdict so far.
#[derive(Debug, Clone, Serialize)]
pub struct Scoreboard {
    /// The verdict badge.
    pub badge: Badge,
    /// The overall and dimension scores.
    pub bars: BarChart,
}

/// What a viewer (a participant's name, or `None`) sees of the report now: the scoreboard and
/// the current item's card.
pub fn live(board: &Board, you: Option<&str>, now: Timestamp) -> (Scoreboard, Option<ItemCard>) {
    let view = view(board, you, now);
    let page = context::report_page(&view);
    let card = board
        .current()
        .and_then(|id| view.items.iter().find(|i| i.id == id))
        .map(context::item_card);
    (
        Scoreboard {
            badge: page.badge,
            bars: page.bars,
        },
        card,
    )
}

/// The readiness report's page as a viewer may see it now (the whole report once finished).
pub fn page(board: &Board, you: Option<&str>, now: Timestamp) -> ReportPage {
    context::report_page(&view(board, you, now))
}

fn view(board: &Board, you: Option<&str>, now: Timestamp) -> ReportView {
    let assessment = board.visible_assessment(you);
    let card = crate::score::score(board.checklist(), &assessment, now);
    crate::report::view::build(board.checklist(), &assessment, &card)
}
