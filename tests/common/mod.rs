//! What the games' headless tests share: an app with the real assets (MinimalPlugins, manual
//! 16 ms frames, Bevy's input plugin fed keyboard messages), and the messages scripts emit.
#![allow(dead_code)] // each test file uses its own part of this

use bevy::app::Plugins;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::input::{ButtonState, InputPlugin};
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy_kaa::{KaaPlugin, ScriptError, ScriptInstance, ScriptMessage, ScriptValue};
use std::path::Path;
use std::time::{Duration, Instant};

/// Everything scripts emitted and every script error, in order.
#[derive(Resource, Default)]
pub struct Seen {
    pub messages: Vec<ScriptMessage>,
    pub errors: Vec<ScriptError>,
}

fn collect(
    mut m: MessageReader<ScriptMessage>,
    mut e: MessageReader<ScriptError>,
    mut seen: ResMut<Seen>,
) {
    seen.messages.extend(m.read().cloned());
    seen.errors.extend(e.read().cloned());
}

pub fn repo_assets() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

/// A headless app running `game` (a plugin, or `()`) with the assets under `root` (watched
/// for edits).
pub fn game_app<M>(root: &Path, game: impl Plugins<M>) -> App {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        InputPlugin,
        AssetPlugin {
            file_path: root.display().to_string(),
            watch_for_changes_override: Some(true),
            ..default()
        },
        KaaPlugin::default(),
        game,
    ))
    .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        16,
    )))
    .init_resource::<Seen>()
    .add_systems(PostUpdate, collect);
    app
}

/// A key going down or up, as the window backend would report it.
pub fn key(app: &mut App, code: KeyCode, pressed: bool) {
    app.world_mut().write_message(KeyboardInput {
        key_code: code,
        logical_key: Key::Unidentified(NativeKey::Unidentified),
        state: if pressed {
            ButtonState::Pressed
        } else {
            ButtonState::Released
        },
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    });
}

/// Press and release `code` over two frames.
pub fn tap(app: &mut App, code: KeyCode) {
    key(app, code, true);
    app.update();
    key(app, code, false);
    app.update();
}

/// Frames until `done` holds; fails after `max_frames` or a minute (with the script errors
/// seen). Waits for scripts to load should allow many frames: loads run on other threads.
pub fn run_until(app: &mut App, what: &str, max_frames: usize, done: impl Fn(&mut App) -> bool) {
    let start = Instant::now();
    let mut frames = 0;
    while !done(app) {
        let seen = app.world().resource::<Seen>();
        assert!(
            frames < max_frames && start.elapsed() < Duration::from_secs(60),
            "timed out after {frames} frames: {what}; errors: {:?}; messages: {:?}",
            seen.errors,
            seen.messages.iter().rev().take(8).collect::<Vec<_>>()
        );
        app.update();
        frames += 1;
        // Game time is manual (16 ms a frame); the pause only lets asset loads progress.
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// Entities whose script is the module `module` (e.g. "scripts.pong.ai").
pub fn scripted(app: &mut App, module: &str) -> Vec<Entity> {
    let mut q = app.world_mut().query::<(Entity, &ScriptInstance)>();
    let mut v: Vec<Entity> = q
        .iter(app.world())
        .filter(|(_, i)| i.module == module)
        .map(|(e, _)| e)
        .collect();
    v.sort();
    v
}

/// Payloads of the messages named `name`, oldest first.
pub fn messages(app: &App, name: &str) -> Vec<ScriptValue> {
    app.world()
        .resource::<Seen>()
        .messages
        .iter()
        .filter(|m| m.name == name)
        .map(|m| m.payload.clone())
        .collect()
}

pub fn errors(app: &App) -> Vec<ScriptError> {
    app.world().resource::<Seen>().errors.clone()
}

pub fn translation(app: &App, e: Entity) -> Vec3 {
    app.world()
        .get::<Transform>(e)
        .map_or(Vec3::NAN, |t| t.translation)
}

/// All `Text2d` strings on screen.
pub fn texts(app: &mut App) -> Vec<String> {
    let mut q = app.world_mut().query::<&Text2d>();
    q.iter(app.world()).map(|t| t.0.clone()).collect()
}
