//! `cargo run --example pong`: W/S or arrows move your paddle; first to 5 wins; R restarts.
//! Gameplay is in assets/scripts/pong/; edit it while the game runs.

fn main() -> bevy::app::AppExit {
    kaa_games::run_game("Kaa: pong", kaa_games::pong::PONG)
}
