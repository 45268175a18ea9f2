//! `bevy_kaa`: Kaa scripts in Bevy 0.19.
//!
//! ```no_run
//! use bevy::prelude::*;
//! use bevy_kaa::{KaaPlugin, Script};
//!
//! App::new()
//!     .add_plugins((DefaultPlugins, KaaPlugin::default()))
//!     .add_systems(Startup, |mut commands: Commands, assets: Res<AssetServer>| {
//!         commands.spawn((Transform::default(), Script::new(assets.load("scripts/paddle.py"))));
//!     })
//!     .run();
//! ```
//!
//! A script file defines a subclass of `bevy.Script`; each entity with a [`Script`] gets an
//! instance whose hooks (`start`, `update(dt)`, `on_reload`, `on_destroy`) run every frame in
//! `Update` (`fixed_update(dt)` in `FixedUpdate`), then
//! script tasks run until [`KaaSettings::frame_budget`] is spent. Editing a script reloads it in
//! place: instances keep their state and get the new methods. A [`KaaScene`] root gives its
//! subtree its own VM.

mod asset;
mod bindings;
pub mod diagnostics;
mod events;
mod live_refs;
pub mod math;
mod reflect_data;
mod runner;
mod script;
mod vec_place;

pub use asset::{
    check_syntax, PendingErrors, ScriptAsset, ScriptError, ScriptLoadError, ScriptLoader,
};
pub use bindings::{ComponentRefs, ComponentType, EntityObj};
pub use events::{KaaTrigger, ScriptMessage, ScriptValue};
pub use kaa;
pub use runner::{run_fixed_scripts, run_scripts, KaaVms, ScriptVm};
pub use script::{KaaScene, Script, ScriptInstance};

use bevy::app::{App, FixedUpdate, Plugin, Update};
use bevy::asset::AssetApp;
use bevy::prelude::{IntoScheduleConfigs, Resource, SystemSet};
use std::time::Duration;

/// Limits and budgets for every VM the plugin runs.
#[derive(Resource, Debug, Clone)]
pub struct KaaSettings {
    /// Wall-clock time per frame for script tasks (hooks are bounded by `hook_fuel`).
    pub frame_budget: Duration,
    /// Heap limit per VM, in bytes: past it scripts get MemoryError.
    pub memory_limit: usize,
    pub recursion_limit: usize,
    /// Instructions one hook call (`update`, `start`, ...) may run: a runaway hook is stopped
    /// with an error instead of freezing the frame.
    pub hook_fuel: u64,
}

impl Default for KaaSettings {
    fn default() -> Self {
        KaaSettings {
            frame_budget: Duration::from_millis(2),
            memory_limit: 256 << 20,
            recursion_limit: 1000,
            hook_fuel: 5_000_000,
        }
    }
}

/// Where the plugin's systems run, for ordering your own around them.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum KaaSystems {
    /// Hooks and tasks, in `Update`.
    Run,
    /// `fixed_update` hooks, in `FixedUpdate`.
    Fixed,
}

/// Adds script assets, the runner and the VMs.
#[derive(Default)]
pub struct KaaPlugin {
    pub settings: KaaSettings,
}

impl Plugin for KaaPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<asset::PendingErrors>()
            .init_asset::<ScriptAsset>()
            .init_asset_loader::<ScriptLoader>()
            .add_message::<ScriptError>()
            .add_message::<KaaTrigger>()
            .add_message::<ScriptMessage>()
            .insert_resource(self.settings.clone())
            .init_resource::<KaaVms>()
            .add_systems(Update, run_scripts.in_set(KaaSystems::Run))
            .add_systems(FixedUpdate, run_fixed_scripts.in_set(KaaSystems::Fixed));
    }
}
