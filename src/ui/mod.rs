//! Pages and components. They read state through the contexts in `state` and change it only
//! through `Jobs::dispatch` / `Jobs::create`.

pub mod app;
pub mod check_in_app;
pub mod components;
pub mod desk_app;
pub mod order_app;
pub mod pages;
