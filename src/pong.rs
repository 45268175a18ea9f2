//! `pong`: the player's paddle (W/S or arrows) against an AI paddle; first to 5 wins, R restarts.
//! Everything but the camera and the scene root is spawned by `assets/scripts/pong/game.py`.

use crate::managed::ManagedScene;

pub const PONG: ManagedScene = ManagedScene {
    name: "Pong",
    script: "scripts/pong/game.py",
};
