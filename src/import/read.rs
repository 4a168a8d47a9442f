//! Reading the events of an `.ics` file, for `itinera import` and the
//! planner's import alike.

use std::path::Path;

use super::event::{Event, events};
use crate::file::line_col;
use crate::file::open::{ReadError, read_regular};
use crate::file::source::MAX_FILE_BYTES;

/// Why the events of a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadFailure {
    /// The file cannot be read, or is too large: "cannot read x.ics: …".
    File(String),
    /// A problem in the text, at its line and column (from 1).
    Text {
        line: usize,
        col: usize,
        message: String,
    },
}

/// The events of the iCalendar file at `path`.
pub fn read(path: &Path) -> Result<Vec<Event>, ReadFailure> {
    let name = path.display();
    let bytes = match read_regular(path, MAX_FILE_BYTES) {
        Ok((bytes, _)) => bytes,
        Err(ReadError::TooLarge { len }) => {
            return Err(ReadFailure::File(format!(
                "{name} is {len} bytes; itinera imports calendars of up to {} MB",
                MAX_FILE_BYTES >> 20
            )));
        }
        Err(err) => return Err(ReadFailure::File(format!("cannot read {name}: {err}"))),
    };
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let (line, col) = line_col(&text, text.len());
        ReadFailure::Text {
            line,
            col,
            message: "not UTF-8 text; an iCalendar file is UTF-8".into(),
        }
    })?;
    events(&text).map_err(|err| ReadFailure::Text {
        line: err.line,
        col: err.col,
        message: err.message,
    })
}
