//! The borders of the three panes: the title, the focus highlight and the
//! marks of rows scrolled out of view.

use ratatui::text::Line;
use ratatui::widgets::Block;

use super::theme::Theme;
use crate::app::{App, Pane};

/// A pane's border and title, highlighted when focused.
pub fn pane_block(app: &App, theme: &Theme, pane: Pane, title: String) -> Block<'static> {
    let style = if app.view.focus == pane {
        theme.border_focused
    } else {
        theme.border
    };
    Block::bordered().title(title).border_style(style)
}

/// `block` with "↑ more" on its top border when rows are scrolled above
/// the `shown` rows from `scroll`, and "↓ more" on its bottom border when
/// some of the `total` rows are below.
pub fn more_marks(
    block: Block<'static>,
    theme: &Theme,
    scroll: usize,
    shown: usize,
    total: usize,
) -> Block<'static> {
    let mut block = block;
    if scroll > 0 && shown > 0 {
        block = block.title(Line::styled(" ↑ more ", theme.muted).right_aligned());
    }
    if scroll + shown < total && shown > 0 {
        block = block.title_bottom(Line::styled(" ↓ more ", theme.muted).right_aligned());
    }
    block
}
