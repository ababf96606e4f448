//! Browser APIs other than IndexedDB: the clock, ids, storage persistence, connectivity, the
//! address bar, blobs, the camera, photos, the signature pad, the service worker, and for
//! sync `fetch`, the pages' channel to the sync worker and the worker's own scope. Nothing outside this module and `storage` touches `web_sys`.

pub mod blob;
pub mod camera;
pub mod channel;
pub mod clock;
pub mod document;
pub mod http;
pub mod ids;
pub mod location;
pub mod online;
pub mod persist;
pub mod photo;
pub mod service_worker;
pub mod signature;
pub mod worker_scope;
