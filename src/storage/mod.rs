//! Where jobs live on the device. The port (`JobStore`) and its in-memory twin are in the
//! domain crate; `idb` is the browser implementation and the only IndexedDB code.

pub mod idb;

pub use lanecheck_domain::store::{JobStore, StoreError};
