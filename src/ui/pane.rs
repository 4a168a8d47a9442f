//! The borders of the three panes: the title, the focus highlight and the
//! marks of rows scrolled out of view; and the border of a list popup.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::text::truncate;
use super::theme::Theme;
use crate::app::{App, Pane};

/// Clears `area` and draws a popup's border with `title`, cut to fit.
pub fn popup_frame(theme: &Theme, title: &str, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    Block::bordered()
        .title(truncate(title, usize::from(area.width.saturating_sub(4))))
        .border_style(theme.border_focused)
        .render(area, buf);
}

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
