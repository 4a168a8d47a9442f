use std::process::ExitCode;

use clap::Parser;
use itinera::cli::{Cli, report_failure, run_command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(command) => run_command(command),
        None => Err(itinera::cli::Failure {
            code: 2,
            message: "error: the planner view is not available in this build; \
                      use `itinera export FILE`\n"
                .into(),
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => report_failure(failure),
    }
}
