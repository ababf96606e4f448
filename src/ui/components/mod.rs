//! Pieces shared by several pages.

pub mod badges;
pub mod blob_image;
pub mod choice_list;
pub mod header;
pub mod notices;
pub mod paper_choice;
pub mod qr_code;
pub mod signature_form;
pub mod text_field;
