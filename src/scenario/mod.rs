//! Scenarios in RON: the schema, loading with positioned errors, and validation.

pub mod load;
pub mod locate;
pub mod parameters;
pub mod schema;
pub mod validate;

pub use load::{
    Diagnostic, Diagnostics, load_commands, load_scenario, looks_like_commands, parse_commands,
    parse_scenario, read_text,
};
pub use schema::*;
