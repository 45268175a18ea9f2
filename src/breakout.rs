//! `breakout`: A/D or arrows move the paddle, Space launches the ball; bricks take one to three
//! hits, some drop power-ups (wide paddle, slow ball) that wear off; clear a level for the next.
//! Everything but the camera and the scene root is spawned by `assets/scripts/breakout/game.py`.

use crate::managed::ManagedScene;

pub const BREAKOUT: ManagedScene = ManagedScene {
    name: "Breakout",
    script: "scripts/breakout/game.py",
};
