//! Pong gameplay, headless with the real scripts.

mod common;

use bevy::prelude::*;
use bevy_kaa::{KaaTrigger, ScriptValue};
use common::*;
use kaa_games::pong::PONG;

#[test]
fn the_player_scores_when_the_ai_misses_and_the_game_ends_at_five() {
    let mut app = game_app(&repo_assets(), PONG);
    run_until(&mut app, "pong to start", 20000, |a| {
        !scripted(a, "scripts.pong.ai").is_empty()
    });
    let ai = scripted(&mut app, "scripts.pong.ai")[0];
    // Freeze the AI: every serve goes its way, so it misses each one.
    app.world_mut()
        .write_message(KaaTrigger::new(ai, "set_speed", vec![ScriptValue::Int(0)]));
    run_until(&mut app, "game over", 3000, |a| {
        !messages(a, "game_over").is_empty()
    });
    assert!(errors(&app).is_empty(), "{:?}", errors(&app));
    assert_eq!(
        messages(&app, "point"),
        vec![ScriptValue::Str("left".into()); 5]
    );
    assert_eq!(
        messages(&app, "game_over"),
        vec![ScriptValue::List(vec![
            ScriptValue::Int(5),
            ScriptValue::Int(0)
        ])]
    );
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t.starts_with("5 : 0")), "{shown:?}");
    // R restarts: the score is back to 0 : 0.
    tap(&mut app, KeyCode::KeyR);
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t == "0 : 0"), "{shown:?}");
}

#[test]
fn the_player_paddle_follows_the_keys() {
    let mut app = game_app(&repo_assets(), PONG);
    run_until(&mut app, "pong to start", 20000, |a| {
        !scripted(a, "scripts.pong.paddle").is_empty()
    });
    let p = scripted(&mut app, "scripts.pong.paddle")[0];
    let y0 = translation(&app, p).y;
    key(&mut app, KeyCode::KeyW, true);
    for _ in 0..10 {
        app.update();
    }
    key(&mut app, KeyCode::KeyW, false);
    app.update();
    // 420 px/s for 10 frames of 16 ms.
    let moved = translation(&app, p).y - y0;
    assert!((moved - 67.2).abs() < 0.01, "moved {moved}");
}
