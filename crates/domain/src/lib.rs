//! LaneCheck's domain: the job (接车单) of one vehicle visit, its lifecycle, the commands that
//! change it, the validation of what an advisor types, money in fen, the versioned stored form
//! and the storage port. Pure Rust: it never reads a clock or a random source (`now` and new
//! ids are arguments) and knows nothing of the browser. Times are UTC instants, serialised as
//! milliseconds since the Unix epoch.

pub mod catalogue;
pub mod command;
pub mod error;
pub mod gate;
pub mod history;
pub mod ids;
pub mod inspection;
pub mod job;
pub mod lifecycle;
pub mod money;
pub mod odometer;
pub mod order;
pub mod order_command;
pub mod order_seal;
pub mod phone;
pub mod plate;
pub mod prior_damage;
pub mod repair_order;
pub mod retention;
pub mod schema;
pub mod seal;
pub mod store;
pub mod store_items;
pub mod summary;
pub mod vin;

pub use command::{Applied, Command};
pub use error::DomainError;
pub use ids::{ActorId, JobId};
pub use job::{Job, NewJob, Visit};
pub use lifecycle::JobState;
