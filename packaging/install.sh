#!/usr/bin/env bash
# Install the built folder for the current user: the command, the menu entry, the icon and
# the design-file MIME type. Run from the built folder: ./install.sh [PREFIX] (default ~/.local).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${1:-$HOME/.local}
mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications" "$prefix/share/mime/packages" \
  "$prefix/share/icons/hicolor/scalable/apps"
rm -rf "$prefix/opt/backend-architect-studio"
cp -r "$here" "$prefix/opt/backend-architect-studio"
ln -sf "$prefix/opt/backend-architect-studio/studio" "$prefix/bin/studio"
cp "$here/share/backend-architect-studio.desktop" "$prefix/share/applications/"
cp "$here/share/backend-architect-studio-mime.xml" "$prefix/share/mime/packages/backend-architect-studio.xml"
cp "$here/share/backend-architect-studio.svg" "$prefix/share/icons/hicolor/scalable/apps/"
command -v update-mime-database >/dev/null && update-mime-database "$prefix/share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
echo "installed: $prefix/bin/studio"
