#!/usr/bin/env bash
# Builds hunalign (danielvarga/hunalign, LGPL-2.1) from its public source into a directory outside the
# repository and prints the binary's path; its code is never committed here.
# Usage: HUNALIGN=$(benches/build_hunalign.sh [DEST])      DEST defaults to ../hunalign-build
# Source: a local git mirror when HUNALIGN_GIT points to one, otherwise a shallow clone from GitHub.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=${1:-../hunalign-build}
if [ ! -x "$DEST/src/hunalign/hunalign" ]; then
  rm -rf "$DEST"
  mkdir -p "$DEST"
  if [ -n "${HUNALIGN_GIT:-}" ]; then
    git --git-dir="$HUNALIGN_GIT" archive HEAD src | tar -x -C "$DEST"
  else
    git clone --depth 1 https://github.com/danielvarga/hunalign "$DEST" >&2
  fi
  make -C "$DEST/src/hunalign" >&2
fi
realpath "$DEST/src/hunalign/hunalign"
