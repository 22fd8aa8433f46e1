#!/usr/bin/env bash
# Build the one-folder application with PyInstaller and check that it runs without Python:
#   packaging/build.sh [PYTHON]        (default: the python3 on PATH; needs pip install '.[package]')
#   packaging/build.sh --check         only rerun the smoke check on an existing build
# Result: dist/backend-architect-studio/studio (plus the .desktop and MIME files beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
check_only=false
if [ "${1:-}" = "--check" ]; then check_only=true; shift; fi
python=${1:-python3}
dist=$(pwd)/dist/backend-architect-studio

if ! $check_only; then

"$python" -m PyInstaller --version >/dev/null 2>&1 || {
  echo "build.sh: PyInstaller is missing: $python -m pip install 'pyinstaller>=6.10'" >&2; exit 2; }
# Compile the translations so the .qm matches the committed .ts files.
lrelease="$(dirname "$(command -v "$python")")/pyside6-lrelease"
if [ -x "$lrelease" ]; then
  "$lrelease" -silent resources/i18n/studio_ko.ts resources/i18n/window_ko.ts -qm resources/i18n/studio_ko.qm
fi
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/studio.spec

# Desktop integration files travel with the folder; install.sh puts them in place.
mkdir -p "$dist/share"
cp packaging/backend-architect-studio.desktop packaging/backend-architect-studio-mime.xml "$dist/share/"
cp resources/icons/app.svg "$dist/share/backend-architect-studio.svg"
cp packaging/install.sh "$dist/"
fi

# Smoke check from a clean environment: no Python on the path, no source tree.
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
mkdir "$check/empty-path"  # nothing to find on PATH: no python, no tools
run() { env -i HOME="$check" PATH="$check/empty-path" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$dist/studio" "$@"; }
step() { echo "+ studio $*"; run "$@"; }
cd "$check"
step --version
step new -t ecommerce -o shop.json
step render shop.json -o shop.png
step render shop.json -o shop.svg
step render shop.json --view erd -o erd.pdf
step shop.json --quit-after-ms 1500 2>/dev/null  # the window opens the example, then closes cleanly
echo "window: exit $?"
file shop.png shop.svg erd.pdf 2>/dev/null || ls -l shop.png shop.svg erd.pdf
cd - >/dev/null
du -sh "$dist"
echo "built $dist"
