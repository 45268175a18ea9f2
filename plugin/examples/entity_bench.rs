//! Script cost per frame for many scripted entities (a runner, not a timed test):
//!
//! ```text
//! cargo run --release -p bevy_kaa --example entity_bench [N] [FRAMES]
//! ```
//!
//! N entities (default 10,000), each with Transform, a custom Velocity and a script whose
//! `update` reads both and writes the Transform; compared with the same logic as a Rust system
//! in the same run.

mod support;

use bevy::prelude::*;
use bevy_kaa::Script;
use std::time::{Duration, Instant};

#[derive(Component, Reflect, Default, Clone)]
#[reflect(Component, Default)]
struct Velocity {
    x: f32,
    y: f32,
}

#[derive(Component)]
struct Native;

const SCRIPT: &str = r#"
from bevy import Script, Transform, Velocity

class Mover(Script):
    def update(self, dt):
        t = self.entity.get(Transform)
        v = self.entity.get(Velocity)
        p = t.translation
        p.x += v.x * dt
        p.y += v.y * dt
"#;

fn native_move(time: Res<Time>, mut q: Query<(&mut Transform, &Velocity), With<Native>>) {
    let dt = time.delta_secs();
    for (mut t, v) in &mut q {
        t.translation.x += v.x * dt;
        t.translation.y += v.y * dt;
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    // Measured frames (a second argument): runs with two counts give the steady per-frame
    // cost by difference, without start-up (`valgrind --tool=callgrind` on both).
    let frames: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let (mut app, _assets, h) = support::headless_app("bench", &[("mover.py", SCRIPT)]);
    app.add_systems(Update, native_move);
    for i in 0..n {
        let v = Velocity {
            x: (i % 7) as f32,
            y: 1.0,
        };
        app.world_mut()
            .spawn((Transform::default(), v.clone(), Script::new(h.clone())));
        app.world_mut().spawn((Transform::default(), v, Native));
    }
    // Let the asset load and every instance start.
    support::run_until_started(&mut app, n, Duration::from_secs(120));
    let mut script_ms = Vec::new();
    let mut native_ms = Vec::new();
    for _ in 0..frames {
        app.update();
        let store = app.world().resource::<bevy::diagnostic::DiagnosticsStore>();
        if let Some(v) = store
            .get(&bevy_kaa::diagnostics::SCRIPT_TIME)
            .and_then(|d| d.value())
        {
            script_ms.push(v);
        }
        let t = Instant::now();
        app.world_mut().run_system_cached(native_move).ok();
        native_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    script_ms.sort_by(f64::total_cmp);
    native_ms.sort_by(f64::total_cmp);
    let (s, r) = (
        script_ms[script_ms.len() / 2],
        native_ms[native_ms.len() / 2],
    );
    println!("{n} scripted entities: script time {s:.2} ms per frame (median of {frames})");
    println!(
        "same logic as a Rust system: {r:.3} ms per frame; ratio {:.0}x",
        s / r.max(1e-9)
    );
}
