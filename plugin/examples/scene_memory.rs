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
mod support;

use bevy::prelude::*;
use bevy_kaa::{KaaScene, KaaVms, Script};
use std::time::Duration;

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

fn run_until(app: &mut App, n: usize) {
    support::run_until_started(app, n, Duration::from_secs(60));
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
    let (mut app, _assets, script) = support::headless_app("scenes", &[("mover.py", SCRIPT)]);
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
}
