//! Pieces shared by several pages.

pub mod badges;
pub mod header;
pub mod notices;
