//! A game that is one `KaaScene`: its root runs a manager script that spawns the rest.

use bevy::prelude::*;
use bevy_kaa::{KaaScene, Script};

/// Spawns a 2D camera and the scene root with its manager script; everything else (court,
/// players, score text) the script spawns as the root's children, so it shares the scene's VM.
#[derive(Clone, Copy, Debug)]
pub struct ManagedScene {
    /// The root entity's `Name`.
    pub name: &'static str,
    /// The manager script's asset path.
    pub script: &'static str,
}

impl Plugin for ManagedScene {
    fn build(&self, app: &mut App) {
        let game = *self;
        app.add_systems(
            Startup,
            move |mut commands: Commands, assets: Res<AssetServer>| {
                commands.spawn(Camera2d);
                commands.spawn((
                    Name::new(game.name),
                    KaaScene,
                    Transform::default(),
                    Visibility::default(),
                    Script::new(assets.load(game.script)),
                ));
            },
        );
    }
}
