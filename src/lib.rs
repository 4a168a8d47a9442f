//! itinera: a terminal itinerary planner for delegation trips.
//!
//! The data path is one way in and one way out:
//! file text -> [`file`] (DTOs, validation with spans) -> [`domain::Mission`]
//! -> [`app`] state -> [`ui`] views and [`export`]s, and back to disk through
//! [`file::save`], which rewrites only what changed.
//!
//! The app never touches the disk or the terminal: it returns effects
//! (save, reload, keep unsaved changes, quit) that the [`runner`] performs
//! on the document on disk ([`store`]) and reports back. Keys, actions and
//! the configuration are [`input`]'s; text shared by the screen and the
//! exports is [`present`]'s.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod cli;
pub mod diff;
pub mod domain;
pub mod error;
pub mod export;
pub mod file;
pub mod import;
pub mod input;
pub mod lock;
pub mod owner;
pub mod paths;
pub mod present;
pub mod publish;
pub mod runner;
pub mod store;
pub mod ui;
