//! Components that attach scripts to entities and give scene subtrees their own VM.

use crate::asset::ScriptAsset;
use bevy::asset::Handle;
use bevy::prelude::{Component, Entity};

/// Attach a script: its module's `Script` subclass becomes this entity's script instance.
///
/// ```no_run
/// # use bevy::prelude::*;
/// # use bevy_kaa::Script;
/// fn setup(mut commands: Commands, asset_server: Res<AssetServer>) {
///     commands.spawn((Transform::default(), Script::new(asset_server.load("scripts/paddle.py"))));
/// }
/// ```
#[derive(Component, Debug, Clone)]
pub struct Script {
    pub asset: Handle<ScriptAsset>,
}

impl Script {
    pub fn new(asset: Handle<ScriptAsset>) -> Self {
        Script { asset }
    }
}

/// Marks a scene root: scripts on it and its descendants run in their own VM (own globals,
/// heap, memory limit and tasks). Despawning the root drops that VM.
#[derive(Component, Debug, Clone, Copy, Default)]
pub struct KaaScene;

/// The running instance of an entity's script (added by the runner).
#[derive(Component, Debug)]
pub struct ScriptInstance {
    /// The scene root whose VM runs it; None for the app's default VM.
    pub scene: Option<Entity>,
    pub module: String,
}
