//! Everything between a key press and what it asks for: the [`Action`]s a
//! user can ask of itinera, the keymap that binds keys to them, and the
//! user's `config.toml`, which rebinds keys and sets the rest.
//!
//! This layer sits below the app: it knows nothing of the planner's state
//! (only `crate::domain::suggest`, for "did you mean" in config problems).

mod action;
pub mod config;
mod key;
mod keymap;
mod modes;

pub use action::{Action, Group};
pub use config::{Config, ThemeName};
pub use key::{Key, KeyCode, KeyParseError, Modifiers};
pub use keymap::{Binding, Keymap};
pub use modes::KeyMode;
