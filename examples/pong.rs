//! `cargo run --example pong`: W/S or arrows move your paddle; first to 5 wins; R restarts.
//! Gameplay is in assets/scripts/pong/; edit it while the game runs.

use bevy::prelude::*;
use bevy_kaa::KaaPlugin;
use kaa_games::pong::PongGame;
use kaa_games::screenshot::ScreenshotOnRequest;

fn main() {
    App::new()
        .add_plugins((
            DefaultPlugins.set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Kaa: pong".into(),
                    ..default()
                }),
                ..default()
            }),
            KaaPlugin::default(),
            PongGame,
            ScreenshotOnRequest,
        ))
        .run();
}
