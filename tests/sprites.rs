//! Scripts make and change sprites through reflection: colors, sizes, positions.

mod common;

use bevy::prelude::*;
use bevy_kaa::{Script, ScriptInstance};
use common::*;

#[test]
fn scripts_spawn_and_recolor_sprites() {
    let root = std::env::temp_dir().join(format!("kaa-sprites-{}", std::process::id()));
    std::fs::create_dir_all(root.join("scripts")).expect("temp dir");
    std::fs::write(
        root.join("scripts/maker.py"),
        r##"
from bevy import Script, Sprite, Transform, Color, Vec3, world, emit

class Maker(Script):
    def start(self):
        self.made = world.spawn({
            "Sprite": {"color": Color.hex("#3366ff"), "custom_size": [20, 100]},
            "Transform": {"translation": Vec3(5, 6, 0)},
        })

    def update(self, dt):
        s = self.made.get(Sprite)
        if s.color == Color.hex("#3366ff"):
            s.color = Color(1, 0, 0)
            s.custom_size = [40, 10]
        self.seen = (repr(s.color), repr(s.custom_size))
"##,
    )
    .expect("script");
    let mut app = game_app(&root, ());
    let h = app
        .world()
        .resource::<AssetServer>()
        .load("scripts/maker.py");
    let maker = app
        .world_mut()
        .spawn((Transform::default(), Script::new(h)))
        .id();
    run_until(&mut app, "the script to start", 20000, |a| {
        a.world().get::<ScriptInstance>(maker).is_some()
    });
    app.update();
    app.update();
    assert!(errors(&app).is_empty(), "{:?}", errors(&app));
    let mut q = app.world_mut().query::<(&Sprite, &Transform)>();
    let sprites: Vec<(Sprite, Transform)> =
        q.iter(app.world()).map(|(s, t)| (s.clone(), *t)).collect();
    assert_eq!(sprites.len(), 1);
    let (s, t) = &sprites[0];
    assert_eq!(s.color, Color::srgba(1.0, 0.0, 0.0, 1.0));
    assert_eq!(s.custom_size, Some(Vec2::new(40.0, 10.0)));
    assert_eq!(t.translation, Vec3::new(5.0, 6.0, 0.0));
    let _ = std::fs::remove_dir_all(&root);
}
