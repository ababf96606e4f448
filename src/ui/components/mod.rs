//! Pieces shared by several pages.

pub mod badges;
pub mod blob_image;
pub mod choice_list;
pub mod header;
pub mod notices;
pub mod qr_code;
pub mod text_field;
