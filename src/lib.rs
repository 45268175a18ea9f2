//! The example games' Rust side: each game is a plugin that opens nothing itself (the example
//! binary adds `DefaultPlugins` through [`run_game`]), spawns the camera and the first entities
//! with their scripts. Gameplay lives in `assets/scripts/`. Headless tests in `tests/` reuse
//! these plugins.

pub mod asteroids;
pub mod breakout;
pub mod hello;
pub mod managed;
pub mod pong;
pub mod screenshot;

use bevy::prelude::*;
use bevy_kaa::KaaPlugin;

/// Open a window titled `title` and run `game` in it (with the screenshot hook for docs/).
pub fn run_game(title: &str, game: impl Plugin) -> AppExit {
    App::new()
        .add_plugins((
            DefaultPlugins.set(WindowPlugin {
                primary_window: Some(Window {
                    title: title.into(),
                    ..default()
                }),
                ..default()
            }),
            KaaPlugin::default(),
            game,
            screenshot::ScreenshotOnRequest,
        ))
        .run()
}
