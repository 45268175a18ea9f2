#!/usr/bin/env bash
# Render each example game for a few seconds under Xvfb with Mesa's software Vulkan and save a
# screenshot through Bevy's screenshot API into docs/NAME.png.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v xvfb-run >/dev/null || ! ls /usr/share/vulkan/icd.d/lvp_icd*.json >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y --no-install-recommends xvfb xauth mesa-vulkan-drivers
fi
for game in hello pong breakout asteroids; do
    cargo build --example "$game"
    KAA_SCREENSHOT="$PWD/docs/$game.png" \
        xvfb-run -a -s "-screen 0 1280x720x24" cargo run --example "$game"
    echo "docs/$game.png"
done
