//! `hello`: one sprite moved by one script — the example to copy.

use bevy::prelude::*;
use bevy_kaa::{KaaScene, Script};

/// Spawns the camera and the scripted sprite.
pub struct HelloGame;

impl Plugin for HelloGame {
    fn build(&self, app: &mut App) {
        app.add_systems(Startup, setup);
    }
}

/// The sprite the script moves.
#[derive(Component)]
pub struct Player;

fn setup(mut commands: Commands, assets: Res<AssetServer>) {
    commands.spawn(Camera2d);
    let scene = commands
        .spawn((KaaScene, Transform::default(), Visibility::default()))
        .id();
    commands.spawn((
        Player,
        Sprite::from_color(Color::srgb(0.95, 0.45, 0.2), Vec2::splat(64.0)),
        Transform::default(),
        Script::new(assets.load("scripts/hello.py")),
        ChildOf(scene),
    ));
}
