//! `cargo run --example asteroids`: A/D or arrows rotate, W or Up thrusts, Space shoots, R
//! restarts after a game over. Gameplay is in assets/scripts/asteroids/; edit it while it runs.

fn main() -> bevy::app::AppExit {
    kaa_games::run_game("Kaa: asteroids", kaa_games::asteroids::ASTEROIDS)
}
