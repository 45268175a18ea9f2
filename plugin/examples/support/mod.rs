//! Shared by the plugin's runners: a headless app that runs scripts from a temporary asset
//! folder with manual 16 ms frames, and waiting for scripts to start.

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy_kaa::{KaaPlugin, ScriptAsset, ScriptInstance};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A temporary asset folder holding `scripts/<name>` for each `(name, source)`; removed on
/// drop.
pub struct TempAssets(pub PathBuf);

impl Drop for TempAssets {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The app (MinimalPlugins, assets from the folder, Kaa, diagnostics, manual time) and the
/// handle of `scripts/<first script>`.
pub fn headless_app(tag: &str, scripts: &[(&str, &str)]) -> (App, TempAssets, Handle<ScriptAsset>) {
    let root = std::env::temp_dir().join(format!("kaa-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(root.join("scripts")).expect("temp dir");
    for (name, source) in scripts {
        std::fs::write(root.join("scripts").join(name), source).expect("script");
    }
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        AssetPlugin {
            file_path: root.display().to_string(),
            ..default()
        },
        KaaPlugin::default(),
    ))
    .init_resource::<bevy::diagnostic::DiagnosticsStore>()
    .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        16,
    )));
    let first = scripts.first().map_or("", |(n, _)| n);
    let handle = app
        .world()
        .resource::<AssetServer>()
        .load(format!("scripts/{first}"));
    (app, TempAssets(root), handle)
}

/// Run frames until `n` script instances have started (at most `limit`).
pub fn run_until_started(app: &mut App, n: usize, limit: Duration) {
    let start = Instant::now();
    while app
        .world_mut()
        .query::<&ScriptInstance>()
        .iter(app.world())
        .count()
        < n
    {
        app.update();
        assert!(start.elapsed() < limit, "scripts did not start");
    }
}
