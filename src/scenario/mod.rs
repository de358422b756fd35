//! Scenarios in RON: the schema, loading with positioned errors, and validation.

pub mod load;
pub mod locate;
pub mod parameters;
pub mod schema;
pub mod texts;
pub mod validate;

pub use load::{
    Diagnostic, Diagnostics, load_commands, load_scenario, looks_like_commands, parse_commands,
    parse_scenario, read_text,
};
pub use schema::*;

/// The levels folder: beside the working directory (`cargo run`), else beside the sources.
pub fn levels_dir() -> std::path::PathBuf {
    let here = std::path::PathBuf::from("levels");
    if here.is_dir() {
        here
    } else {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("levels")
    }
}
