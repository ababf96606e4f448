//! LaneCheck Sync v1 (docs/sync-v1.openapi.yaml): the wire types shared by the app, the
//! reference server and the conformance suite, and the sync engine's rules — which writes to
//! push, when to retry, and how a pulled document meets local changes. Pure Rust without web
//! dependencies: no clock, no randomness, no I/O (callers pass them in), so every rule runs and
//! is tested natively.

pub mod endpoint;
pub mod engine;
pub mod memory;
pub mod outbox;
pub mod protocol;
pub mod rebase;
pub mod report;
pub mod retry;
