//! `cargo run --example breakout`: A/D or arrows move the paddle, Space launches the ball, R
//! restarts after a game over. Gameplay is in assets/scripts/breakout/; edit it while it runs.

fn main() -> bevy::app::AppExit {
    kaa_games::run_game("Kaa: breakout", kaa_games::breakout::BREAKOUT)
}
