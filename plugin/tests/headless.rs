//! Headless Bevy apps (MinimalPlugins, manual time, scripts from an in-memory asset source with
//! a fake watcher, so hot reload is deterministic) driving real frames.

use bevy::asset::io::memory::{Dir, MemoryAssetReader};
use bevy::asset::io::{AssetSourceBuilder, AssetSourceEvent, AssetSourceId, AssetWatcher};
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy_kaa::{KaaPlugin, KaaScene, KaaVms, Script, ScriptError, ScriptInstance};
use std::path::Path;
use std::time::Duration;

struct FakeWatcher;
impl AssetWatcher for FakeWatcher {}

struct Harness {
    app: App,
    dir: Dir,
    events: async_channel::Sender<AssetSourceEvent>,
}

fn harness(files: &[(&str, &str)]) -> Harness {
    let dir = Dir::default();
    for (p, text) in files {
        dir.insert_asset_text(Path::new(p), text);
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let d = dir.clone();
    let mut app = App::new();
    app.register_asset_source(
        AssetSourceId::Default,
        AssetSourceBuilder::new(move || Box::new(MemoryAssetReader { root: d.clone() }))
            .with_watcher(move |sender| {
                let _ = tx.send(sender);
                Some(Box::new(FakeWatcher))
            }),
    )
    .add_plugins((
        MinimalPlugins,
        AssetPlugin {
            watch_for_changes_override: Some(true),
            ..default()
        },
        KaaPlugin::default(),
    ))
    .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        16,
    )))
    .init_resource::<ButtonInput<KeyCode>>()
    .init_resource::<Errors>()
    .add_systems(PostUpdate, collect_errors);
    let events = rx.try_recv().expect("the watcher was created");
    Harness { app, dir, events }
}

#[derive(Resource, Default)]
struct Errors(Vec<ScriptError>);

fn collect_errors(mut reader: MessageReader<ScriptError>, mut errors: ResMut<Errors>) {
    errors.0.extend(reader.read().cloned());
}

impl Harness {
    fn spawn_script(&mut self, path: &str, extra: impl Bundle) -> Entity {
        let h = self
            .app
            .world()
            .resource::<AssetServer>()
            .load(path.to_string());
        self.app
            .world_mut()
            .spawn((Transform::default(), Script::new(h), extra))
            .id()
    }

    fn frames(&mut self, n: usize) {
        for _ in 0..n {
            self.app.update();
        }
    }

    fn translation(&self, e: Entity) -> Vec3 {
        self.app
            .world()
            .get::<Transform>(e)
            .map(|t| t.translation)
            .unwrap_or(Vec3::NAN)
    }

    fn edit(&mut self, path: &str, text: &str) {
        self.dir.insert_asset_text(Path::new(path), text);
        self.events
            .send_blocking(AssetSourceEvent::ModifiedAsset(path.into()))
            .expect("watcher channel");
    }

    fn errors(&self) -> Vec<ScriptError> {
        self.app.world().resource::<Errors>().0.clone()
    }
}

const MOVER: &str = r#"
from bevy import Script, Transform, input

class Mover(Script):
    speed = 10.0

    def start(self):
        self.ticks = 0

    def update(self, dt):
        self.ticks += 1
        t = self.entity.get(Transform)
        t.translation.x += self.speed * dt
        t.scale.x = self.ticks
        if input.pressed("ArrowUp"):
            t.translation.y += 1
"#;

#[test]
fn a_script_moves_its_entity_and_reads_input() {
    let mut h = harness(&[("scripts/mover.py", MOVER)]);
    let e = h.spawn_script("scripts/mover.py", ());
    h.frames(5);
    assert!(
        h.app.world().get::<ScriptInstance>(e).is_some(),
        "instance started"
    );
    let x = h.translation(e).x;
    assert!(x > 0.0, "moved: {x}");
    h.app
        .world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::ArrowUp);
    h.frames(3);
    assert_eq!(h.translation(e).y, 3.0, "ArrowUp held for 3 frames");
    assert!(h.errors().is_empty(), "{:?}", h.errors());
    // Ticks live in the script instance and show in scale.x.
    let ticks = h.app.world().get::<Transform>(e).map(|t| t.scale.x);
    assert!(ticks.is_some_and(|t| t >= 5.0), "{ticks:?}");
}

#[test]
fn editing_a_script_reloads_it_and_keeps_state() {
    let mut h = harness(&[("scripts/mover.py", MOVER)]);
    let e = h.spawn_script("scripts/mover.py", ());
    h.frames(5);
    let ticks_before = h.app.world().get::<Transform>(e).map_or(0.0, |t| t.scale.x);
    let x_before = h.translation(e).x;
    let v2 = MOVER
        .replace("t.translation.x += self.speed * dt", "t.translation.x -= 100")
        .replace("    def start(self):", "    def on_reload(self):\n        self.reloaded = True\n        self.entity.get(Transform).translation.z = 42\n\n    def start(self):");
    h.edit("scripts/mover.py", &v2);
    // The asset server picks the change up within a few frames.
    h.frames(10);
    let t = h
        .app
        .world()
        .get::<Transform>(e)
        .copied()
        .unwrap_or_default();
    assert_eq!(t.translation.z, 42.0, "on_reload ran");
    assert!(
        t.translation.x < x_before - 100.0,
        "new update code runs: {}",
        t.translation.x
    );
    assert!(
        t.scale.x > ticks_before + 3.0,
        "ticks kept counting: {} -> {}",
        ticks_before,
        t.scale.x
    );
    // A broken edit (syntax error): the old code keeps running, an error is reported.
    h.edit("scripts/mover.py", "class Broken(:\n");
    h.frames(10);
    let x_now = h.translation(e).x;
    h.frames(2);
    assert!(
        h.translation(e).x < x_now,
        "still running the last good code"
    );
    let errs = h.errors();
    assert!(
        errs.iter()
            .any(|er| er.message.starts_with("SyntaxError") && er.line == Some(1)),
        "{errs:?}"
    );
}

#[test]
fn a_runaway_hook_is_stopped_and_others_keep_running() {
    let hog = "from bevy import Script\nclass Hog(Script):\n    def update(self, dt):\n        while True:\n            pass\n";
    let mut h = harness(&[("scripts/mover.py", MOVER), ("scripts/hog.py", hog)]);
    let hog_e = h.spawn_script("scripts/hog.py", ());
    let e = h.spawn_script("scripts/mover.py", ());
    h.frames(4);
    assert!(h.translation(e).x > 0.0);
    let errs = h.errors();
    assert!(
        errs.iter()
            .any(|er| er.path == "scripts/hog.py" && er.message.contains("ran out of fuel")),
        "{errs:?}"
    );
    assert!(h.app.world().get_entity(hog_e).is_ok());
}

#[test]
fn script_errors_carry_a_traceback() {
    let bad = "from bevy import Script\nclass Bad(Script):\n    def update(self, dt):\n        return 1 / 0\n";
    let mut h = harness(&[("scripts/bad.py", bad)]);
    h.spawn_script("scripts/bad.py", ());
    h.frames(6);
    let errs = h.errors();
    let e = errs.first().expect("an error");
    assert_eq!(e.message, "ZeroDivisionError: division by zero");
    assert_eq!(e.line, Some(4));
    assert!(
        e.traceback
            .contains("File \"scripts/bad.py\", line 4, in update"),
        "{}",
        e.traceback
    );
}

#[test]
fn tasks_owned_by_entities_wait_and_die_with_them() {
    let src = r#"
from bevy import Script, Transform
from kaa import wait

class Blinker(Script):
    def start(self):
        self.start_task(self.later())

    def later(self):
        yield wait(0.1)
        self.entity.get(Transform).translation.z = 5
        while True:
            yield
            self.entity.get(Transform).translation.y += 1
"#;
    let mut h = harness(&[("scripts/blink.py", src)]);
    let e = h.spawn_script("scripts/blink.py", ());
    h.frames(3);
    assert_eq!(h.translation(e).z, 0.0, "still waiting");
    h.frames(10);
    assert_eq!(h.translation(e).z, 5.0, "the wait ended");
    assert!(h.translation(e).y > 0.0);
    h.app.world_mut().despawn(e);
    h.frames(2);
    assert!(
        h.errors().is_empty(),
        "the task ended quietly with its entity: {:?}",
        h.errors()
    );
}

#[test]
fn each_scene_root_gets_its_own_vm() {
    let counter = r#"
from bevy import Script, Transform
count = 0

class Counter(Script):
    def start(self):
        global count
        count += 1
        self.entity.get(Transform).translation.x = count
"#;
    let mut h = harness(&[("scripts/counter.py", counter)]);
    let a = h.app.world_mut().spawn(KaaScene).id();
    let b = h.app.world_mut().spawn(KaaScene).id();
    let mut kids = Vec::new();
    for root in [a, a, b] {
        let k = h.spawn_script("scripts/counter.py", ChildOf(root));
        kids.push(k);
    }
    h.frames(3);
    let xs: Vec<f32> = kids.iter().map(|k| h.translation(*k).x).collect();
    // Scene a counts to 2; scene b has its own module globals.
    let mut sorted = xs.clone();
    sorted.sort_by(f32::total_cmp);
    assert_eq!(sorted, vec![1.0, 1.0, 2.0], "{xs:?}");
    assert_eq!(h.app.world().resource::<KaaVms>().scene_count(), 2);
    h.app.world_mut().entity_mut(b).despawn();
    h.frames(1);
    assert_eq!(
        h.app.world().resource::<KaaVms>().scene_count(),
        1,
        "b's VM dropped"
    );
}
