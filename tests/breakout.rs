//! Breakout gameplay, headless with the real scripts.

mod common;

use bevy::prelude::*;
use bevy_kaa::ScriptValue;
use common::*;
use kaa_games::breakout::BREAKOUT;

const BRICK: &str = "scripts.breakout.brick";

fn started() -> App {
    started_at(&repo_assets())
}

/// A game whose paddle, ball and 40 bricks have all started (scripts load in any order).
fn started_at(root: &std::path::Path) -> App {
    let mut app = game_app(root, BREAKOUT);
    run_until(&mut app, "the first level", 20000, |a| {
        scripted(a, BRICK).len() == 40
            && !scripted(a, "scripts.breakout.ball").is_empty()
            && !scripted(a, "scripts.breakout.paddle").is_empty()
    });
    app
}

fn brick_destroyed(app: &App) -> Vec<Entity> {
    messages(app, "brick_destroyed")
        .into_iter()
        .filter_map(|m| match m {
            ScriptValue::List(v) => match v.first() {
                Some(ScriptValue::Entity(e)) => Some(*e),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

#[test]
fn the_ball_destroys_a_brick_and_a_life_is_lost_when_it_falls() {
    let mut app = started();
    let ball = scripted(&mut app, "scripts.breakout.ball")[0];
    app.update();
    let y0 = translation(&app, ball).y;
    tap(&mut app, KeyCode::Space);
    assert!(translation(&app, ball).y > y0, "Space launches the ball");
    // Keep the paddle far left: the ball comes back down somewhere it is not.
    key(&mut app, KeyCode::KeyA, true);
    run_until(&mut app, "a brick destroyed", 600, |a| {
        !brick_destroyed(a).is_empty()
    });
    let hit = brick_destroyed(&app)[0];
    app.update();
    assert!(app.world().get_entity(hit).is_err(), "the brick is gone");
    assert_eq!(scripted(&mut app, BRICK).len(), 39);
    assert!(texts(&mut app).iter().any(|t| t.starts_with("Score 10 ")));
    run_until(&mut app, "a life lost", 600, |a| {
        !messages(a, "life_lost").is_empty()
    });
    assert_eq!(messages(&app, "life_lost"), vec![ScriptValue::Int(2)]);
    assert!(texts(&mut app).iter().any(|t| t.contains("Lives 2")));
    assert!(errors(&app).is_empty(), "{:?}", errors(&app));
}

#[test]
fn clearing_a_level_builds_the_next_one() {
    // Learn which brick the serve hits first...
    let mut app = started();
    tap(&mut app, KeyCode::Space);
    run_until(&mut app, "a brick destroyed", 600, |a| {
        !brick_destroyed(a).is_empty()
    });
    let first = brick_destroyed(&app)[0];
    drop(app);
    // ...then, in a fresh game, take every other brick away (the game counts bricks through
    // their on_destroy, as it does for hits) and let the ball clear the level.
    let mut app = started();
    let bricks = scripted(&mut app, BRICK);
    assert!(bricks.contains(&first), "the same layout and entity order");
    for b in bricks.into_iter().filter(|b| *b != first) {
        app.world_mut().entity_mut(b).despawn();
    }
    app.update();
    assert!(messages(&app, "level_cleared").is_empty());
    tap(&mut app, KeyCode::Space);
    run_until(&mut app, "the level cleared", 600, |a| {
        !messages(a, "level_cleared").is_empty()
    });
    assert_eq!(messages(&app, "level_cleared"), vec![ScriptValue::Int(1)]);
    // Level 2 has 41 bricks in another shape; it appears after a pause.
    run_until(&mut app, "level 2's bricks", 300, |a| {
        scripted(a, BRICK).len() == 41
    });
    assert!(texts(&mut app).iter().any(|t| t.ends_with("Level 2")));
    assert!(errors(&app).is_empty(), "{:?}", errors(&app));
}

#[test]
fn power_ups_fall_from_every_fourth_brick_and_wear_off() {
    let mut app = started();
    let paddle = scripted(&mut app, "scripts.breakout.paddle")[0];
    let width = |a: &App| {
        a.world()
            .get::<Sprite>(paddle)
            .and_then(|s| s.custom_size)
            .map_or(0.0, |s| s.x)
    };
    assert_eq!(width(&app), 104.0);
    // Four bricks "hit" by messages, as the ball would send them.
    let bricks = scripted(&mut app, BRICK);
    let ones: Vec<Entity> = bricks
        .iter()
        .copied()
        .filter(|b| translation(&app, *b).y < 150.0)
        .take(4)
        .collect();
    assert_eq!(ones.len(), 4);
    for b in &ones {
        app.world_mut().write_message(bevy_kaa::KaaTrigger::new(
            *b,
            "hit",
            vec![ScriptValue::Int(1)],
        ));
    }
    app.update();
    assert_eq!(brick_destroyed(&app).len(), 4);
    // The power-up falls from the fourth brick (once its script has loaded); put the
    // paddle under it.
    run_until(&mut app, "a power-up", 20000, |a| {
        !scripted(a, "scripts.breakout.powerup").is_empty()
    });
    let pu = scripted(&mut app, "scripts.breakout.powerup")[0];
    let x = translation(&app, pu).x;
    if let Some(mut t) = app.world_mut().get_mut::<Transform>(paddle) {
        t.translation.x = x;
    }
    run_until(&mut app, "the power-up caught", 400, |a| {
        !messages(a, "power_up").is_empty()
    });
    assert_eq!(
        messages(&app, "power_up"),
        vec![ScriptValue::Str("wide".into())]
    );
    app.update();
    assert!((width(&app) - 166.4).abs() < 0.01, "wide: {}", width(&app));
    // Eight seconds later (500 frames of 16 ms) it wears off.
    run_until(&mut app, "the power-up to wear off", 560, |a| {
        !messages(a, "power_down").is_empty()
    });
    assert_eq!(width(&app), 104.0);
    assert!(errors(&app).is_empty(), "{:?}", errors(&app));
}

#[test]
fn editing_the_config_on_disk_retunes_the_running_game() {
    let root = std::env::temp_dir().join(format!("kaa-breakout-{}", std::process::id()));
    let dir = root.join("scripts/breakout");
    std::fs::create_dir_all(&dir).expect("temp assets");
    for f in std::fs::read_dir(repo_assets().join("scripts/breakout")).expect("scripts") {
        let f = f.expect("entry").path();
        std::fs::copy(&f, dir.join(f.file_name().expect("name"))).expect("copy");
    }
    let mut app = started_at(&root);
    let paddle = scripted(&mut app, "scripts.breakout.paddle")[0];
    key(&mut app, KeyCode::KeyD, true);
    app.update();
    // One frame's move, from the middle (so the walls never clamp it).
    let step = |a: &mut App| {
        if let Some(mut t) = a.world_mut().get_mut::<Transform>(paddle) {
            t.translation.x = 0.0;
        }
        a.update();
        translation(a, paddle).x
    };
    assert!((step(&mut app) - 9.6).abs() < 0.01, "600 px/s");
    let before = scripted(&mut app, BRICK);
    let config = dir.join("config.py");
    let src = std::fs::read_to_string(&config).expect("config.py");
    // A broken save first: reported, and the game keeps running on the old code.
    std::fs::write(
        &config,
        src.replace("PADDLE_SPEED = 600.0", "PADDLE_SPEED = = 1"),
    )
    .expect("edit");
    run_until(&mut app, "the syntax error", 20000, |a| {
        !errors(a).is_empty()
    });
    let err = &errors(&app)[0];
    assert_eq!(
        (err.path.as_str(), err.line, err.message.as_str()),
        (
            "scripts/breakout/config.py",
            Some(8),
            "SyntaxError: invalid syntax (config.py, line 8)"
        )
    );
    assert!((step(&mut app) - 9.6).abs() < 0.01, "still 600 px/s");
    std::fs::write(
        &config,
        src.replace("PADDLE_SPEED = 600.0", "PADDLE_SPEED = 300.0"),
    )
    .expect("edit");
    run_until(&mut app, "the fix to take effect", 20000, |a| {
        (step(a) - 4.8).abs() < 0.01
    });
    key(&mut app, KeyCode::KeyD, false);
    // Reloads keep state: the same bricks (none rebuilt; the ball may have broken some).
    let after = scripted(&mut app, BRICK);
    assert!(after.iter().all(|b| before.contains(b)), "{after:?}");
    assert!(errors(&app).len() == 1, "{:?}", errors(&app));
    let _ = std::fs::remove_dir_all(&root);
}
