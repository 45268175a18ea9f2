//! `pong`: the player's paddle (W/S or arrows) against an AI paddle; first to 5 wins, R restarts.
//! Everything but the camera and the scene root is spawned by `assets/scripts/pong/game.py`.

use bevy::prelude::*;
use bevy_kaa::{KaaScene, Script};

pub struct PongGame;

impl Plugin for PongGame {
    fn build(&self, app: &mut App) {
        app.add_systems(Startup, setup);
    }
}

fn setup(mut commands: Commands, assets: Res<AssetServer>) {
    commands.spawn(Camera2d);
    commands.spawn((
        Name::new("Pong"),
        KaaScene,
        Transform::default(),
        Visibility::default(),
        Script::new(assets.load("scripts/pong/game.py")),
    ));
}
