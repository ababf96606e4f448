//! Browser APIs other than IndexedDB: the clock, ids, storage persistence, connectivity, the
//! address bar, blobs, the camera, photos, the signature pad and the service worker. Nothing outside this module and `storage` touches `web_sys`.

pub mod blob;
pub mod camera;
pub mod clock;
pub mod document;
pub mod ids;
pub mod location;
pub mod online;
pub mod persist;
pub mod photo;
pub mod service_worker;
pub mod signature;
