//! VM memory per scene (a runner, not a timed test):
//!
//! ```text
//! cargo run --release -p bevy_kaa --example scene_memory [SCENES]
//! ```
//!
//! Spawns SCENES (default 20) `KaaScene` roots, each with one scripted child, after a first
//! one has warmed everything shared up; the bytes allocated and not freed (counted by a global
//! allocator) divided by SCENES is what one more scene VM costs: its heap, builtins, the `bevy`
//! module, the script's module and instance, caches. Then the roots are despawned and what
//! comes back is reported.

#[path = "../../interp/examples/common/mod.rs"]
mod common;

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy_kaa::{KaaPlugin, KaaScene, KaaVms, Script, ScriptInstance};
use std::time::{Duration, Instant};

const SCRIPT: &str = r#"
from bevy import Script, Transform

class Mover(Script):
    speed = 3.0

    def start(self):
        self.ticks = 0

    def update(self, dt):
        self.ticks += 1
        self.entity.get(Transform).translation.x += self.speed * dt
"#;

fn started(app: &mut App) -> usize {
    app.world_mut()
        .query::<&ScriptInstance>()
        .iter(app.world())
        .count()
}

fn run_until(app: &mut App, n: usize) {
    let start = Instant::now();
    while started(app) < n {
        app.update();
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "scripts did not start"
        );
    }
    // A few more frames: caches filled, first collections done.
    for _ in 0..5 {
        app.update();
    }
}

fn spawn_scene(app: &mut App, script: &Handle<bevy_kaa::ScriptAsset>) -> Entity {
    let root = app.world_mut().spawn(KaaScene).id();
    app.world_mut().spawn((
        Transform::default(),
        Script::new(script.clone()),
        ChildOf(root),
    ));
    root
}

fn main() {
    let scenes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20)
        .max(1);
    let root = std::env::temp_dir().join(format!("kaa-scenes-{}", std::process::id()));
    std::fs::create_dir_all(root.join("scripts")).expect("temp dir");
    std::fs::write(root.join("scripts/mover.py"), SCRIPT).expect("script");
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
    let script = app
        .world()
        .resource::<AssetServer>()
        .load("scripts/mover.py");
    // Warm-up: one scene, so what every scene shares (the asset, Bevy's tables) is paid.
    spawn_scene(&mut app, &script);
    run_until(&mut app, 1);
    let before = common::live_bytes();
    let roots: Vec<Entity> = (0..scenes)
        .map(|_| spawn_scene(&mut app, &script))
        .collect();
    run_until(&mut app, 1 + scenes);
    let after = common::live_bytes();
    let vms = app.world().resource::<KaaVms>().scene_count();
    let per = after.saturating_sub(before) / scenes;
    println!(
        "{scenes} more scene VMs ({vms} in all), one scripted entity each: {} KiB per scene",
        per / 1024
    );
    for r in roots {
        app.world_mut().entity_mut(r).despawn();
    }
    for _ in 0..3 {
        app.update();
    }
    let freed = after.saturating_sub(common::live_bytes());
    println!(
        "after despawning their roots: {} KiB freed ({:.0}% of what they took)",
        freed / 1024,
        100.0 * freed as f64 / after.saturating_sub(before).max(1) as f64
    );
    let _ = std::fs::remove_dir_all(&root);
}
