//! How a command ends when it cannot do its work: the exit code it means
//! and what to print on standard error. Used by the commands (`crate::cli`)
//! and the planner's terminal session (`crate::runner`) alike.

use std::process::ExitCode;

/// A command's failure, with the exit code it means.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
        }
    }

    /// A usage error (exit 2): a file that cannot be read or written, a
    /// bad argument.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::new(2, message)
    }

    /// Prints the message on standard error and gives the exit code.
    pub fn report(self) -> ExitCode {
        if !self.message.is_empty() {
            eprint!("{}", self.message);
        }
        ExitCode::from(self.code)
    }
}
