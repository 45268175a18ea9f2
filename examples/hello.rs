//! `cargo run --example hello`: one sprite moved by one script (assets/scripts/hello.py).
//! Arrow keys or WASD move it. Edit the script while the game runs: it reloads in place.

use bevy::prelude::*;
use bevy_kaa::KaaPlugin;
use kaa_games::hello::HelloGame;
use kaa_games::screenshot::ScreenshotOnRequest;

fn main() {
    App::new()
        .add_plugins((
            DefaultPlugins.set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Kaa: hello".into(),
                    ..default()
                }),
                ..default()
            }),
            KaaPlugin::default(),
            HelloGame,
            ScreenshotOnRequest,
        ))
        .run();
}
