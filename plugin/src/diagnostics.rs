//! Script diagnostics, in Bevy's `DiagnosticsStore` (shown by `LogDiagnosticsPlugin` and
//! friends): time per frame (all VMs, and per scene VM), fuel, tasks, GC time, reloads.

use bevy::diagnostic::{Diagnostic, DiagnosticMeasurement, DiagnosticPath, DiagnosticsStore};
use bevy::platform::time::Instant;
use bevy::prelude::{Entity, World};

pub const SCRIPT_TIME: DiagnosticPath = DiagnosticPath::const_new("kaa/script_time_ms");
pub const FUEL_USED: DiagnosticPath = DiagnosticPath::const_new("kaa/task_fuel");
pub const TASKS_ALIVE: DiagnosticPath = DiagnosticPath::const_new("kaa/tasks_alive");
pub const TASKS_RUN: DiagnosticPath = DiagnosticPath::const_new("kaa/tasks_run");
pub const TASKS_PREEMPTED: DiagnosticPath = DiagnosticPath::const_new("kaa/tasks_preempted");
pub const GC_TIME: DiagnosticPath = DiagnosticPath::const_new("kaa/gc_time_ms");
pub const RELOADS: DiagnosticPath = DiagnosticPath::const_new("kaa/reloads");

pub const ALL: [DiagnosticPath; 7] = [
    SCRIPT_TIME,
    FUEL_USED,
    TASKS_ALIVE,
    TASKS_RUN,
    TASKS_PREEMPTED,
    GC_TIME,
    RELOADS,
];

/// The path of one scene VM's script time.
pub fn scene_time_path(root: Entity) -> DiagnosticPath {
    DiagnosticPath::new(format!("kaa/scene/{}/script_time_ms", root.to_bits()))
}

/// One frame's totals.
#[derive(Default, Debug, Clone, Copy)]
pub struct FrameTotals {
    pub script_time_ms: f64,
    pub fuel: u64,
    pub tasks_alive: usize,
    pub tasks_run: u32,
    pub tasks_preempted: u32,
    pub gc_time_ms: f64,
    pub reloads: u32,
}

pub fn record(world: &mut World, totals: &FrameTotals, per_scene: &[(Entity, f64)]) {
    let Some(mut store) = world.get_resource_mut::<DiagnosticsStore>() else {
        return;
    };
    let now = Instant::now();
    let put = |store: &mut DiagnosticsStore, path: &DiagnosticPath, value: f64| {
        if store.get(path).is_none() {
            store.add(Diagnostic::new(path.clone()));
        }
        if let Some(d) = store.get_mut(path) {
            d.add_measurement(DiagnosticMeasurement { time: now, value });
        }
    };
    put(&mut store, &SCRIPT_TIME, totals.script_time_ms);
    put(&mut store, &FUEL_USED, totals.fuel as f64);
    put(&mut store, &TASKS_ALIVE, totals.tasks_alive as f64);
    put(&mut store, &TASKS_RUN, totals.tasks_run as f64);
    put(&mut store, &TASKS_PREEMPTED, totals.tasks_preempted as f64);
    put(&mut store, &GC_TIME, totals.gc_time_ms);
    put(&mut store, &RELOADS, totals.reloads as f64);
    for (root, ms) in per_scene {
        put(&mut store, &scene_time_path(*root), *ms);
    }
}
