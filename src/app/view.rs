//! What the user is looking at: the selected day, visit and participant,
//! the focused pane, and how the panes are scrolled. None of it is part of
//! the mission; the popups on top (help, schedule, forms, dialogs) are the
//! app's [`Mode`](super::Mode).

/// The three panes of the main screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Timeline,
    Detail,
    Participants,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Timeline, Pane::Detail, Pane::Participants];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Detail => "Visit",
            Pane::Participants => "Delegation",
        }
    }
}

/// Rows each scrollable area shows, as last laid out by the UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Viewport {
    pub timeline: usize,
    pub detail: usize,
    pub participants: usize,
    pub popup: usize,
}

/// Scroll offsets (first visible row) of the scrollable areas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scroll {
    pub timeline: usize,
    pub detail: usize,
    pub participants: usize,
}

/// The selection, the focus and the scrolling of the main screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    /// Selected day (index into the day index's dates).
    pub day: usize,
    /// Selected visit: position within the selected day.
    pub pos: usize,
    /// Selected participant (index into the delegation).
    pub participant: usize,
    pub focus: Pane,
    /// Whether the timeline pane shows every day (the agenda) or one.
    pub all_days: bool,
    /// Whether the timeline shows times on the home clock
    /// (`home_timezone`) instead of local times.
    pub home_time: bool,
    pub scroll: Scroll,
    pub viewport: Viewport,
}

impl Default for View {
    fn default() -> Self {
        View {
            day: 0,
            pos: 0,
            participant: 0,
            focus: Pane::Timeline,
            all_days: false,
            home_time: false,
            scroll: Scroll::default(),
            viewport: Viewport::default(),
        }
    }
}
