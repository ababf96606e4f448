//! Pieces shared by several pages.

pub mod badges;
pub mod choice_list;
pub mod header;
pub mod notices;
pub mod text_field;
