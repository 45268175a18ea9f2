//! `KAA_SCREENSHOT=path.png cargo run --example NAME`: the game saves a screenshot after a few
//! seconds of play and exits (used by `docs/screenshots.sh`).

use bevy::prelude::*;
use bevy::render::view::screenshot::{save_to_disk, Screenshot};

/// Added by every example; does nothing unless `KAA_SCREENSHOT` is set.
pub struct ScreenshotOnRequest;

#[derive(Resource)]
struct Request {
    path: String,
    frames: u32,
}

impl Plugin for ScreenshotOnRequest {
    fn build(&self, app: &mut App) {
        if let Ok(path) = std::env::var("KAA_SCREENSHOT") {
            app.insert_resource(Request { path, frames: 0 })
                .add_systems(Last, take);
        }
    }
}

/// Frame 180 (about 3 s): capture; frame 240: exit (the capture is written in between).
fn take(mut req: ResMut<Request>, mut commands: Commands, mut exit: MessageWriter<AppExit>) {
    req.frames += 1;
    if req.frames == 180 {
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(req.path.clone()));
    }
    if req.frames == 240 {
        exit.write(AppExit::Success);
    }
}
