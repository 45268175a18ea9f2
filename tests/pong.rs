//! Pong gameplay, headless with the real scripts.

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy_kaa::{KaaPlugin, KaaTrigger, ScriptError, ScriptInstance, ScriptMessage, ScriptValue};
use kaa_games::pong::PongGame;
use std::path::Path;
use std::time::Duration;

#[derive(Resource, Default)]
struct Seen {
    messages: Vec<ScriptMessage>,
    errors: Vec<ScriptError>,
}

fn collect(
    mut m: MessageReader<ScriptMessage>,
    mut e: MessageReader<ScriptError>,
    mut seen: ResMut<Seen>,
) {
    seen.messages.extend(m.read().cloned());
    seen.errors.extend(e.read().cloned());
}

fn script_entity(app: &mut App, module: &str) -> Option<Entity> {
    let mut q = app.world_mut().query::<(Entity, &ScriptInstance)>();
    q.iter(app.world())
        .find(|(_, i)| i.module == module)
        .map(|(e, _)| e)
}

#[test]
fn the_player_scores_when_the_ai_misses_and_the_game_ends_at_five() {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        AssetPlugin {
            file_path: Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("assets")
                .display()
                .to_string(),
            ..default()
        },
        KaaPlugin::default(),
        PongGame,
    ))
    .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        16,
    )))
    .init_resource::<ButtonInput<KeyCode>>()
    .init_resource::<Seen>()
    .add_systems(PostUpdate, collect);
    let start = std::time::Instant::now();
    let ai = loop {
        app.update();
        if let Some(e) = script_entity(&mut app, "scripts.pong.ai") {
            break e;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "pong did not start: {:?}",
            app.world().resource::<Seen>().errors
        );
    };
    // Freeze the AI: every serve goes its way, so it misses each one.
    app.world_mut()
        .write_message(KaaTrigger::new(ai, "set_speed", vec![ScriptValue::Int(0)]));
    let mut frames = 0;
    while !app
        .world()
        .resource::<Seen>()
        .messages
        .iter()
        .any(|m| m.name == "game_over")
    {
        app.update();
        frames += 1;
        let seen = app.world().resource::<Seen>();
        assert!(
            frames < 3000,
            "no game over: {:?} {:?}",
            seen.messages,
            seen.errors.first()
        );
    }
    let seen = app.world().resource::<Seen>();
    assert!(seen.errors.is_empty(), "{:?}", seen.errors);
    let points: Vec<&ScriptValue> = seen
        .messages
        .iter()
        .filter(|m| m.name == "point")
        .map(|m| &m.payload)
        .collect();
    assert_eq!(points, vec![&ScriptValue::Str("left".into()); 5]);
    let over = seen
        .messages
        .iter()
        .find(|m| m.name == "game_over")
        .map(|m| m.payload.clone());
    assert_eq!(
        over,
        Some(ScriptValue::List(vec![
            ScriptValue::Int(5),
            ScriptValue::Int(0)
        ]))
    );
    let mut texts = app.world_mut().query::<&Text2d>();
    let shown: Vec<String> = texts.iter(app.world()).map(|t| t.0.clone()).collect();
    assert!(shown.iter().any(|t| t.starts_with("5 : 0")), "{shown:?}");
}
