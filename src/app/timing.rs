//! Moving visits in time: trading places in the day, moving to another
//! day, and the meeting that runs late (`+`/`-` shift the rest of the day,
//! `]`/`[` lengthen or shorten the selected visit and push or pull the
//! rest). Each says what it moved, why it could not, and what now
//! overlaps.

use super::edit::capitalise;
use super::{App, Level};
use crate::domain::ops::{self, Direction, OpError, Plan};
use crate::domain::problems::ProblemKind;
use crate::present::format_duration;

/// "1 visit", "3 visits".
fn visits(n: usize) -> String {
    match n {
        1 => "1 visit".to_string(),
        n => format!("{n} visits"),
    }
}

/// Why an operation is not possible, in the status bar's words.
fn refusal(err: &OpError) -> String {
    match err {
        OpError::TooShort(title, length, by) => format!(
            "\"{title}\" lasts {}: too short to shorten by {by} min",
            format_duration(*length)
        ),
        other => other.to_string(),
    }
}

impl App {
    pub(super) fn move_within_day(&mut self, direction: Direction) {
        let plan = self.selected_index().ok_or(OpError::NoVisit).and_then(|i| {
            ops::move_within_day(self.plan.mission(), self.plan.index(), i, direction)
        });
        if self.run_plan(plan, "move visit").is_some() {
            self.report_overlaps();
        }
    }

    pub(super) fn move_to_day(&mut self, direction: Direction) {
        let plan = self
            .selected_index()
            .ok_or(OpError::NoVisit)
            .and_then(|i| ops::move_to_day(self.plan.mission(), self.plan.index(), i, direction));
        if self.run_plan(plan, "move visit to another day").is_some() {
            self.report_overlaps();
        }
    }

    /// `+`/`-`: the selected visit and every later timed one of its day
    /// move by `minutes`.
    pub(super) fn ripple(&mut self, minutes: i64) {
        let plan = self
            .selected_index()
            .ok_or(OpError::NoVisit)
            .and_then(|i| ops::ripple(self.plan.mission(), self.plan.index(), i, minutes));
        let step = minutes.abs();
        let label = if minutes >= 0 {
            format!("delay the rest of the day by {step} min")
        } else {
            format!("bring the rest of the day forward by {step} min")
        };
        if let Some(moved) = self.run_plan(plan, &label) {
            self.info(if minutes >= 0 {
                format!("Delayed {} by {step} min.", visits(moved))
            } else {
                format!("Brought {} forward by {step} min.", visits(moved))
            });
            self.report_overlaps();
        }
    }

    /// `]`/`[`: the selected visit ends `minutes` later (earlier), and the
    /// later timed visits of its day move as much.
    pub(super) fn resize(&mut self, minutes: i64) {
        let plan = self
            .selected_index()
            .ok_or(OpError::NoVisit)
            .and_then(|i| ops::resize(self.plan.mission(), self.plan.index(), i, minutes));
        let step = minutes.abs();
        let title = self
            .selected_visit()
            .map(|v| v.title.clone())
            .unwrap_or_default();
        let label = if minutes >= 0 {
            format!("lengthen \"{title}\" by {step} min")
        } else {
            format!("shorten \"{title}\" by {step} min")
        };
        let Some(moved) = self.run_plan(plan, &label) else {
            return;
        };
        let length = self
            .selected_visit()
            .and_then(|v| v.duration())
            .map(format_duration)
            .unwrap_or_default();
        let (done, rest) = if minutes >= 0 {
            ("Lengthened", format!("delayed {} after it", visits(moved)))
        } else {
            (
                "Shortened",
                format!("brought {} after it forward", visits(moved)),
            )
        };
        self.info(match moved {
            0 => format!("{done} \"{title}\" to {length}."),
            _ => format!("{done} \"{title}\" to {length} and {rest} by {step} min."),
        });
        self.report_overlaps();
    }

    /// Applies a planned operation, or says why it is not possible.
    /// Returns how many visits moved when it was applied.
    fn run_plan(&mut self, plan: Result<Plan, OpError>, label: &str) -> Option<usize> {
        let plan = match plan {
            Ok(plan) => plan,
            Err(err) => {
                self.info(format!("{}; nothing moved.", capitalise(&refusal(&err))));
                return None;
            }
        };
        // Operations act on the selected visit; the selection follows it.
        let focus = self.selected_visit().map(|v| v.key);
        let moved = plan.moved;
        self.apply(plan.edit, label, focus).then_some(moved)
    }

    /// Warns in the status bar when the selected visit now overlaps
    /// another for someone, after what the status bar already says: the
    /// plan's own overlap problem, so the warning and the `!` marks agree
    /// (two visits at the same time for different people are no overlap).
    pub(super) fn report_overlaps(&mut self) {
        let Some(key) = self.selected_visit().map(|v| v.key) else {
            return;
        };
        let overlaps: Vec<&str> = self
            .plan
            .problems()
            .of_visit(key)
            .filter(|p| p.kind == ProblemKind::Overlap)
            .map(|p| p.message.as_str())
            .collect();
        let Some(first) = overlaps.first() else {
            return;
        };
        let more = match overlaps.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        let warning = format!("{first}{more}");
        let said = match self.message.take() {
            Some(m) if m.level == Level::Info => format!("{} ", m.text),
            _ => String::new(),
        };
        self.warn(format!("{said}{warning}"));
    }
}
