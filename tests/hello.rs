//! Gameplay tests for `hello`, headless (MinimalPlugins, manual time) with the real script.

mod common;

use bevy::prelude::*;
use bevy_kaa::ScriptInstance;
use common::*;
use kaa_games::hello::{HelloGame, Player};

fn player(app: &mut App) -> Entity {
    let mut q = app.world_mut().query_filtered::<Entity, With<Player>>();
    q.iter(app.world()).next().expect("the player sprite")
}

#[test]
fn arrow_keys_move_the_square_and_it_pulses() {
    let mut app = game_app(&repo_assets(), HelloGame);
    app.update();
    let p = player(&mut app);
    run_until(&mut app, "the script to start", 20000, |a| {
        a.world().get::<ScriptInstance>(p).is_some()
    });
    let x0 = app
        .world()
        .get::<Transform>(p)
        .map_or(0.0, |t| t.translation.x);
    key(&mut app, KeyCode::ArrowRight, true);
    for _ in 0..10 {
        app.update();
    }
    let x1 = app
        .world()
        .get::<Transform>(p)
        .map_or(0.0, |t| t.translation.x);
    // 300 px/s for 10 frames of 16 ms.
    assert!((x1 - x0 - 48.0).abs() < 0.01, "moved {}", x1 - x0);
    key(&mut app, KeyCode::ArrowRight, false);
    // The pulse task scales the square up, then back, once a second.
    let mut scales = Vec::new();
    for _ in 0..80 {
        app.update();
        scales.push(app.world().get::<Transform>(p).map_or(0.0, |t| t.scale.x));
    }
    assert!(
        scales.contains(&1.25) && scales.contains(&1.0),
        "{scales:?}"
    );
}

#[test]
fn editing_the_script_on_disk_changes_the_running_game() {
    let root = std::env::temp_dir().join(format!("kaa-hello-{}", std::process::id()));
    std::fs::create_dir_all(root.join("scripts")).expect("temp assets");
    let src = std::fs::read_to_string(repo_assets().join("scripts/hello.py")).expect("hello.py");
    std::fs::write(root.join("scripts/hello.py"), &src).expect("copy");
    let mut app = game_app(&root, HelloGame);
    app.update();
    let p = player(&mut app);
    run_until(&mut app, "the script to start", 20000, |a| {
        a.world().get::<ScriptInstance>(p).is_some()
    });
    key(&mut app, KeyCode::ArrowUp, true);
    let y = |a: &App| {
        a.world()
            .get::<Transform>(p)
            .map_or(0.0, |t| t.translation.y)
    };
    let step = |a: &mut App| {
        let before = y(a);
        a.update();
        y(a) - before
    };
    assert!((step(&mut app) - 4.8).abs() < 0.01, "300 px/s");
    let faster = src.replace("speed = 300.0", "speed = 900.0");
    std::fs::write(root.join("scripts/hello.py"), faster).expect("edit");
    run_until(&mut app, "the edit to take effect", 50000, |a| {
        (step(a) - 14.4).abs() < 0.01
    });
    let _ = std::fs::remove_dir_all(&root);
}
