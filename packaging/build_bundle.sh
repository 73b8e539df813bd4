#!/usr/bin/env bash
# Build the PyInstaller onedir bundle on Linux and run its self-test.
#   bash packaging/build_bundle.sh            -> packaging/build/dist/cgn-seal-desktop/
#   bash packaging/build_bundle.sh --msi      also harvest the bundle and compile the WiX source
#                                             with wixl -> packaging/build/wixl-check.msi (a check
#                                             only: the real MSI is built on Windows, see
#                                             packaging/windows/build.ps1)
# Env: PYTHON (default .venv/bin/python, else /tmp/venv/bin/python, else python3).
# Installs PyInstaller (the `package` extra) into that environment if it is missing.
# Exits non-zero when the build or `cgn-seal --self-test` inside the bundle fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
start=$(date +%s)
msi=0
case "${1:-}" in
    --msi) msi=1 ;;
    "") ;;
    *) echo "usage: bash packaging/build_bundle.sh [--msi]" >&2; exit 2 ;;
esac

py="${PYTHON:-}"
if [ -z "$py" ]; then
    for c in .venv/bin/python /tmp/venv/bin/python python3; do
        if command -v "$c" >/dev/null 2>&1; then py="$c"; break; fi
    done
fi
if ! "$py" -c "import PyInstaller" 2>/dev/null; then
    echo ">> installing PyInstaller (pip install -e .[package])"
    "$py" -m pip install -q -e ".[package]"
fi

build="packaging/build"
dist="$build/dist"
bundle="$dist/cgn-seal-desktop"
mkdir -p "$build"
echo ">> pyinstaller ($("$py" -m PyInstaller --version))"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$build/work" packaging/cgn-seal.spec
built=$(date +%s)

echo ">> self-test: $bundle/cgn-seal --self-test"
export QT_QPA_PLATFORM=offscreen
# A throw-away per-user directory so the self-test never touches the builder's settings.
CGN_SEAL_HOME="$(mktemp -d)"
export CGN_SEAL_HOME
trap 'rm -rf "$CGN_SEAL_HOME"' EXIT
set +e
"$bundle/cgn-seal" --self-test
rc=$?
set -e
end=$(date +%s)
size=$(du -sh "$bundle" | cut -f1)
echo ">> bundle: $bundle ($size); build $((built - start)) s, self-test $((end - built)) s, total $((end - start)) s"
if [ "$rc" -ne 0 ]; then
    echo ">> self-test FAILED (exit $rc)" >&2
    exit "$rc"
fi
echo ">> self-test passed"
if [ "$msi" -eq 1 ]; then
    echo ">> wixl: harvest the bundle, compile packaging/wix/Product.wxs"
    "$py" packaging/wix/stage.py "$bundle" "$build/wix" --wixl "$build/wixl-check.msi"
    echo ">> $build/wixl-check.msi ($(du -sh "$build/wixl-check.msi" | cut -f1)); total $(( $(date +%s) - start )) s"
fi
