//! Storage types shared by several builtin types.

pub mod dict;
pub mod set;
pub mod text;
