//! One file per screen.

pub mod check_in;
pub mod job_list;
pub mod job_page;
pub mod new_job;
pub mod not_found;
pub mod order;
pub mod settings;
pub mod sync;
