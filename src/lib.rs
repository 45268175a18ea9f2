//! The example games' Rust side: each game is a plugin that opens nothing itself (the example
//! binary adds `DefaultPlugins`), spawns the camera and the first entities with their scripts.
//! Gameplay lives in `assets/scripts/`. Headless tests in `tests/` reuse these plugins.

pub mod hello;
pub mod pong;
pub mod screenshot;
