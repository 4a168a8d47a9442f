use std::process::ExitCode;

use clap::Parser;
use itinera::cli::{Cli, run_command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(command) => run_command(command),
        None => itinera::runner::open(cli.file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
