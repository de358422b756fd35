//! Every integration test in one binary: one link of the crate (and of bevy, with the `gui`
//! feature) instead of one per file, which dominated a fresh clone's `cargo test`. Each module
//! is one area; `common` holds the shared builders.

mod common;

mod autosave;
mod bad_inputs;
mod batch;
mod branch;
mod class_screens;
mod cli;
mod debrief;
mod determinism;
mod economy;
mod export_controls;
mod forecast;
mod gui_smoke;
mod hotseat;
mod i18n;
mod i18n_class;
mod i18n_model;
mod i18n_ui;
mod injects;
mod layout;
mod leadership;
mod lesson;
mod lockstep;
mod network;
mod panels;
mod politics;
mod properties;
mod replay;
mod saves;
mod scenarios;
mod schedule;
mod sides;
mod timeline;
mod tutorial;
mod validate;
