//! Importing calendar events (`.ics`) into a mission.
//!
//! [`events`] reads the VEVENTs of an iCalendar file, reporting a problem
//! at its line and column; [`plan`] works out, without touching a file,
//! what they do to a mission: which visits are added, which updated, and
//! which events are not imported and why. The command line
//! (`itinera import`) writes the plan's mission through the
//! format-preserving save; the planner can apply its [`ImportPlan::edit`]
//! as one undo step.
//!
//! The reader is written here rather than taken from a calendar crate:
//! it needs only the properties of a VEVENT, and problems must name the
//! line and column in the file as the person has it (see docs/design.md).

mod event;
mod fields;
mod lines;
mod plan;
mod times;

pub use event::{Event, Stamp, events};
pub use lines::IcsError;
pub use plan::{Entry, ImportPlan, Outcome, plan};
pub use times::Times;
