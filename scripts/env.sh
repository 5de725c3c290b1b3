# Sourced by every script in scripts/: where things are, and the environment the toolchain needs.
set -euo pipefail
LOOPSCORE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# LOOPSCORE_BUILD_ROOT lets parallel work use separate build trees.
BUILD_ROOT=${LOOPSCORE_BUILD_ROOT:-$LOOPSCORE_ROOT/build}
BUILD_NATIVE=$BUILD_ROOT/native
BUILD_WASM=$BUILD_ROOT/wasm
SITE_DIR=$BUILD_ROOT/site
LOOPSCORE_CLI=$BUILD_NATIVE/cli/loopscore
SHARED_DIR=${LOOPSCORE_SHARED:-$LOOPSCORE_ROOT/../shared}
# Emscripten 3.1.6 release links need Debian's acorn module (toolchain.md pitfall 1).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
JOBS=${JOBS:-$(nproc)}
export LOOPSCORE_ROOT BUILD_ROOT BUILD_NATIVE BUILD_WASM SITE_DIR LOOPSCORE_CLI SHARED_DIR

# Prints a step heading.
step() { printf '\n== %s\n' "$*"; }
