//! From key presses to [`crate::app::Action`]s: the keymap table.

mod keymap;

pub use keymap::{Key, KeyParseError, Keymap};
