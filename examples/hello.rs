//! `cargo run --example hello`: one sprite moved by one script (assets/scripts/hello.py).
//! Arrow keys or WASD move it. Edit the script while the game runs: it reloads in place.

fn main() -> bevy::app::AppExit {
    kaa_games::run_game("Kaa: hello", kaa_games::hello::HelloGame)
}
