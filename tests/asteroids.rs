//! Asteroids gameplay, headless with the real scripts.

mod common;

use bevy::prelude::*;
use bevy_kaa::ScriptValue;
use common::*;
use kaa_games::asteroids::ASTEROIDS;

const ROCK: &str = "scripts.asteroids.rock";
const BULLET: &str = "scripts.asteroids.bullet";

/// A game whose first wave (four big rocks) is in play.
fn first_wave() -> (App, Entity) {
    let mut app = game_app(&repo_assets(), ASTEROIDS);
    run_until(&mut app, "wave 1", 20000, |a| {
        scripted(a, ROCK).len() == 4 && !scripted(a, "scripts.asteroids.ship").is_empty()
    });
    assert_eq!(messages(&app, "wave"), vec![ScriptValue::Int(1)]);
    let ship = scripted(&mut app, "scripts.asteroids.ship")[0];
    (app, ship)
}

fn put(app: &mut App, e: Entity, x: f32, y: f32) {
    if let Some(mut t) = app.world_mut().get_mut::<Transform>(e) {
        t.translation.x = x;
        t.translation.y = y;
    }
}

#[test]
fn a_shot_rock_splits_in_two() {
    let (mut app, _ship) = first_wave();
    // A first shot loads the bullet script (assets load on other threads, taking a varying
    // number of frames); wait until that bullet is gone.
    tap(&mut app, KeyCode::Space);
    run_until(&mut app, "the bullet script", 20000, |a| {
        !scripted(a, BULLET).is_empty()
    });
    run_until(&mut app, "the first bullet gone", 100, |a| {
        scripted(a, BULLET).is_empty()
    });
    let rocks = scripted(&mut app, ROCK);
    let count = rocks.len();
    // A big rock right in front of the ship (which points up), then one shot.
    put(&mut app, rocks[0], 0.0, 130.0);
    app.update();
    tap(&mut app, KeyCode::Space);
    assert_eq!(messages(&app, "shot").len(), 2);
    let broken = |a: &App| {
        messages(a, "rock_broken").into_iter().find(|m| {
            matches!(m, ScriptValue::List(v) if v.first() == Some(&ScriptValue::Entity(rocks[0])))
        })
    };
    run_until(&mut app, "the rock broken", 60, |a| broken(a).is_some());
    assert_eq!(
        broken(&app),
        Some(ScriptValue::List(vec![
            ScriptValue::Entity(rocks[0]),
            ScriptValue::Int(3),
            ScriptValue::Int(20 * messages(&app, "rock_broken").len() as i64)
        ]))
    );
    app.update();
    let now = scripted(&mut app, ROCK);
    assert!(!now.contains(&rocks[0]), "the big rock is gone");
    assert!(now.len() > count, "two halves for one big rock");
    assert!(errors(&app).is_empty(), "{:?}", errors(&app));
}

#[test]
fn an_empty_field_starts_the_next_wave() {
    let (mut app, _ship) = first_wave();
    // However the rocks go (here: taken away), their on_destroy empties the field.
    for r in scripted(&mut app, ROCK) {
        app.world_mut().entity_mut(r).despawn();
    }
    run_until(&mut app, "wave 2", 200, |a| scripted(a, ROCK).len() == 5);
    assert_eq!(
        messages(&app, "wave"),
        vec![ScriptValue::Int(1), ScriptValue::Int(2)]
    );
    assert!(texts(&mut app).iter().any(|t| t.ends_with("Wave 2")));
    assert!(errors(&app).is_empty(), "{:?}", errors(&app));
}

#[test]
fn a_collision_costs_a_life_and_the_ship_blinks_while_invulnerable() {
    let (mut app, ship) = first_wave();
    let rocks = scripted(&mut app, ROCK);
    put(&mut app, rocks[0], 0.0, 0.0);
    run_until(&mut app, "the crash", 10, |a| {
        !messages(a, "life_lost").is_empty()
    });
    assert_eq!(messages(&app, "life_lost"), vec![ScriptValue::Int(2)]);
    assert!(texts(&mut app).iter().any(|t| t.contains("Lives 2")));
    let visibility = |a: &App| a.world().get::<Visibility>(ship).copied();
    assert_eq!(visibility(&app), Some(Visibility::Hidden), "blown up");
    run_until(&mut app, "the respawn", 100, |a| {
        !messages(a, "invulnerable").is_empty()
    });
    // While invulnerable it blinks, and rocks pass through it.
    let mut seen = Vec::new();
    let mut frames = 0;
    while messages(&app, "invulnerable").len() < 2 {
        let rocks = scripted(&mut app, ROCK);
        put(&mut app, rocks[0], 0.0, 0.0);
        app.update();
        frames += 1;
        assert!(frames < 400, "invulnerability never ended");
        if let Some(v) = visibility(&app) {
            seen.push(v);
        }
    }
    // 2.4 s of 16 ms frames.
    assert!((140..=160).contains(&frames), "{frames} frames");
    let hidden = seen.iter().filter(|v| **v == Visibility::Hidden).count();
    let shown = seen.iter().filter(|v| **v == Visibility::Inherited).count();
    assert!(hidden > 40 && shown > 40, "{hidden} hidden, {shown} shown");
    assert_eq!(
        messages(&app, "life_lost").len(),
        1,
        "no life lost meanwhile"
    );
    assert_eq!(visibility(&app), Some(Visibility::Inherited));
    // Vulnerable again: the rock on top of it now costs another life.
    run_until(&mut app, "the second crash", 10, |a| {
        messages(a, "life_lost").len() == 2
    });
    assert!(errors(&app).is_empty(), "{:?}", errors(&app));
}
