//! narada: capture, group and decide on the cards of public-consultation workshops.
//!
//! The library holds everything but argument parsing: the domain model, the `SQLite` store,
//! import/export and the command implementations, so tests and benchmarks use it directly.

#![forbid(unsafe_code)]

pub mod cli;
pub mod cluster;
pub mod demo;
pub mod error;
pub mod export;
pub mod files;
pub mod import;
pub mod jobs;
pub mod model;
pub mod paths;
pub mod room;
pub mod storage;
pub mod tui;

pub use error::{Error, Result};
