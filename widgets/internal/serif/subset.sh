#!/usr/bin/env bash
# Re-makes the bundled Noto Serif subsets from Debian's fonts-noto-core
# (20201225-1: Noto Serif 2.004, SIL OFL 1.1, see OFL.txt). Kept: Latin
# (with Extended-A/B and Additional: German, English and the names of
# most European and Vietnamese actors), Greek, Cyrillic, combining marks,
# punctuation, currency and a few symbols - about 225 KB a style instead
# of 600. Runes outside fall back to Fyne's fonts and the system's.
# Needs: apt-get install python3-fonttools (run it with Debian's python3).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download fonts-noto-core >/dev/null && dpkg -x fonts-noto-core_*.deb x)
for s in Regular Italic Bold; do
  /usr/bin/python3 -m fontTools.subset "$tmp/x/usr/share/fonts/truetype/noto/NotoSerif-$s.ttf" \
    --unicodes="U+0020-007E,U+00A0-024F,U+0259,U+02B9-02DD,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-2193,U+2212,U+2215,U+2219,U+221E,U+2248,U+2260-2265,U+25CC,U+FB00-FB06,U+FEFF,U+FFFD" \
    --layout-features='*' --no-hinting --desubroutinize --output-file="NotoSerif-$s.ttf"
done
