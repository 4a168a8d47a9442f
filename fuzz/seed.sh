#!/usr/bin/env bash
# Seeds the fuzz corpora from the test fixtures (see docs/fuzzing.md):
#   corpus/load   every mission file of tests/fixtures and data/
#   corpus/edits  each fixture that loads, a NUL, then a few actions
#                 (move, delay, copy, save, edit the title, delete, undo,
#                 redo, a failed save)
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load corpus/edits
for file in ../tests/fixtures/*/*.toml ../data/*.toml; do
    name="$(basename "$(dirname "$file")")-$(basename "$file")"
    cp "$file" "corpus/load/$name"
done
actions='\0\x00\x06\x0a\x0e\xd2\x11\xb4\x03ABC\x1d\xd2\x0f\x16\x18\x10\x1d\x1b\xd2\xdc\x16\x16'
for file in ../tests/fixtures/valid/*.toml ../tests/fixtures/roundtrip/*.toml ../data/*.toml; do
    name="$(basename "$(dirname "$file")")-$(basename "$file")"
    { cat "$file"; printf "$actions"; } >"corpus/edits/$name"
done
echo "corpus/load: $(ls corpus/load | wc -l) files; corpus/edits: $(ls corpus/edits | wc -l) files"
