//! `bevy_kaa`: the Bevy 0.19 plugin for Kaa scripts.
//!
//! Not built yet: the interpreter core (`kaa`) comes first. See the README's Status section.

pub use kaa;
