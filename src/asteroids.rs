//! `asteroids`: A/D or arrows rotate, W or Up thrusts, Space shoots; rocks split in two until
//! they are small; waves come from a scene-level task; after a crash the ship blinks while it is
//! invulnerable. Everything but the camera and the scene root is spawned by
//! `assets/scripts/asteroids/game.py`.

use crate::managed::ManagedScene;

pub const ASTEROIDS: ManagedScene = ManagedScene {
    name: "Asteroids",
    script: "scripts/asteroids/game.py",
};
