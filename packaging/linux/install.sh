#!/bin/sh
# Installs Dramatis from this folder. As root it goes under /usr/local,
# otherwise under ~/.local. Afterwards Dramatis is in the desktop menu, the
# file manager offers "Open with Dramatis" for web pages, and 'dramatis' is
# on the PATH.
#   ./install.sh                      install (make install does the same)
#   ./install.sh --prefix DIR         install under DIR (DIR/bin, DIR/share)
#   ./install.sh --uninstall          remove what install put there; the library stays
set -eu

id=io.github.dramatis.reader
here=$(cd "$(dirname "$0")" && pwd)
prefix= action=install
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see ./install.sh --help)" >&2; exit 2 ;;
  esac
done

if [ -n "$prefix" ]; then
  case $prefix in /*) ;; *) prefix=$(pwd)/$prefix ;; esac
  bindir=$prefix/bin datadir=$prefix/share
elif [ "$(id -u)" = 0 ]; then
  bindir=/usr/local/bin datadir=/usr/local/share
else
  # The XDG base directory spec: desktop entries and icons live under
  # $XDG_DATA_HOME when it is set (and absolute).
  case ${XDG_DATA_HOME:-} in /*) datadir=$XDG_DATA_HOME ;; *) datadir=$HOME/.local/share ;; esac
  bindir=$HOME/.local/bin
fi
desktop=$datadir/applications/$id.desktop
icon=$datadir/icons/hicolor/512x512/apps/$id.png

# refresh_caches lets menus and file managers see the change at once:
# the MIME cache behind "Open with", and the icon cache where the system
# keeps one (a user folder without one is read directly).
refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$datadir/applications" 2>/dev/null || true
  fi
  if [ -f "$datadir/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q "$datadir/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "$action" = uninstall ]; then
  rm -f "$bindir/dramatis" "$desktop" "$icon"
  refresh_caches
  echo "Dramatis is uninstalled from $bindir and $datadir."
  echo "Your library is still there (~/.local/share/dramatis, or where Preferences put it)."
  exit 0
fi

src=$here/usr/local
[ -d "$src" ] || src=$here/usr
for f in "$src/bin/dramatis" "$src/share/applications/$id.desktop" "$src/share/pixmaps/$id.png"; do
  [ -f "$f" ] || { echo "install.sh: $f is missing; unpack the whole archive and run install.sh from it" >&2; exit 1; }
done

# The menu starts Dramatis by its full path: a new ~/.local/bin is on the
# PATH only from the next login. Quoted as the desktop entry spec asks when
# the path has spaces or characters the spec reserves.
exec_path=$bindir/dramatis
case $exec_path in
  *[[:space:]\"\`\$\\]*) exec_path=\"$(printf '%s' "$exec_path" | sed 's/[\\"`$]/\\\\&/g')\" ;;
esac

mkdir -p "$bindir" "$datadir/applications" "$(dirname "$icon")"
install -m 0755 "$src/bin/dramatis" "$bindir/dramatis.new" && mv -f "$bindir/dramatis.new" "$bindir/dramatis"
repl=$(printf '%s' "$exec_path" | sed 's/[|&\\]/\\&/g')
sed -e "s|^Exec=dramatis\$|Exec=$repl|" -e "s|^Exec=dramatis |Exec=$repl |" "$src/share/applications/$id.desktop" >"$desktop.new"
chmod 0644 "$desktop.new" && mv -f "$desktop.new" "$desktop"
install -m 0644 "$src/share/pixmaps/$id.png" "$icon"
refresh_caches

echo "Dramatis $("$bindir/dramatis" --version 2>/dev/null | sed 's/^dramatis //;s/,.*//') is installed:"
echo "  $bindir/dramatis"
echo "  $desktop"
echo "Find it in the desktop menu under Office, or open a saved web page with it from the file manager."
case ":$PATH:" in
  *":$bindir:"*) echo "Run 'dramatis' in a terminal for the window, 'dramatis help' for the commands." ;;
  *) echo "$bindir is not on your PATH yet: log in again (Debian's ~/.profile adds ~/.local/bin when it exists), or add it yourself." ;;
esac
