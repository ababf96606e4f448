//! Where jobs live on the device. The port (`JobStore`) and its in-memory twin are in the
//! domain crate; `idb` is the browser implementation and the only IndexedDB code.

pub mod idb;

pub use lanecheck_domain::store::{JobStore, StoreError};

/// The sync settings in the `meta` store: written by the settings page, read by the sync
/// worker before each round.
pub const SYNC_ENDPOINT_KEY: &str = "sync_endpoint";
pub const SYNC_TOKEN_KEY: &str = "sync_token";
pub const SYNC_DEVICE_KEY: &str = "sync_device";
/// Days a finished, synced job stays on the device (the domain's `retention::KEEP_DAYS` when
/// not set).
pub const KEEP_DAYS_KEY: &str = "keep_days";
/// The store's catalogue as the sync worker last downloaded it (the endpoint's JSON text),
/// its `ETag`, and when it was downloaded (milliseconds): read by the repair order's page,
/// offline too.
pub const CATALOGUE_KEY: &str = "catalogue";
pub const CATALOGUE_ETAG_KEY: &str = "catalogue_etag";
