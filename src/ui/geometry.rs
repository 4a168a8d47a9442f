//! Rectangles: the inside of a border, a box centred over the body, and
//! the scrolling that keeps chosen rows in a window. Shared by the layout
//! and every popup, which each work out their own size from these.

use ratatui::layout::Rect;

/// The inside of a bordered block.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// A centred box over the body, at most `max_width` wide, leaving a margin
/// when there is room.
pub fn popup(body: Rect, max_width: u16) -> Rect {
    let width = body
        .width
        .saturating_sub(8)
        .clamp(body.width.min(36), max_width);
    let height = body.height.saturating_sub(2).max(body.height.min(6));
    Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    }
}

/// `rect` cut to `height` rows (at most its own), kept centred where it
/// was: a popup as tall as its content needs, no taller.
pub fn shrink_to(rect: Rect, height: u16) -> Rect {
    let height = height.min(rect.height);
    Rect {
        y: rect.y + (rect.height - height) / 2,
        height,
        ..rect
    }
}

/// The smallest change to `scroll` that shows rows `first..=last` in a
/// window of `height` rows, without scrolling past the end of `total` rows.
pub fn scroll_to(scroll: usize, first: usize, last: usize, height: usize, total: usize) -> usize {
    if height == 0 {
        return scroll;
    }
    let mut scroll = scroll.min(total.saturating_sub(height));
    if last >= scroll + height {
        scroll = last + 1 - height;
    }
    if first < scroll {
        scroll = first;
    }
    scroll
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn popup_fits_inside_the_body() {
        for (w, h) in [(40, 7), (80, 21), (200, 60), (45, 3)] {
            let body = Rect::new(0, 2, w, h);
            let p = popup(body, 90);
            assert!(
                p.x >= body.x && p.right() <= body.right(),
                "{p:?} in {body:?}"
            );
            assert!(
                p.y >= body.y && p.bottom() <= body.bottom(),
                "{p:?} in {body:?}"
            );
        }
    }
}
