#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine (see README):
#   bash packaging/dev.sh run  [ARGS...]  install everything, then start `cgn-seal ARGS...`
#   bash packaging/dev.sh test [PYTEST ARGS...]  install everything, then lint, type-check and run the tests
# Idempotent: installs only what is missing. Exits non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mode="${1:-test}"; shift || true

apt_packages=(
    python3 python3-venv python3-pip
    softhsm2 opensc poppler-utils mupdf-tools fonts-noto-cjk
    # the software SKF UKEY (tests, `cgn-seal demo-ukey --sm2`) is C over OpenSSL 3's SM2
    gcc libc6-dev libssl-dev
    # what Qt needs to run offscreen / under Xvfb
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
    xvfb wixl msitools libnss3-tools
)

install_debian_packages() {
    command -v apt-get >/dev/null 2>&1 || { echo "apt-get not found: install ${apt_packages[*]} by hand" >&2; return 0; }
    local missing=()
    for p in "${apt_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo ">> apt-get install ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

make_venv() {
    local py="${PYTHON:-python3}"
    if [ ! -x .venv/bin/python ]; then
        "$py" -m venv .venv
    fi
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test]"
}

install_debian_packages
make_venv

case "$mode" in
    run)
        exec .venv/bin/cgn-seal "$@"
        ;;
    test)
        export QT_QPA_PLATFORM=offscreen
        echo ">> ruff"; .venv/bin/ruff check cgn_seal_desktop tests
        echo ">> mypy"; .venv/bin/mypy
        echo ">> pytest"
        set +e
        .venv/bin/python -m pytest "$@"
        rc=$?
        set -e
        # pytest exit 5 means no test ran: that is a failure here.
        [ "$rc" -eq 5 ] && { echo "no tests were collected" >&2; exit 1; }
        exit "$rc"
        ;;
    *)
        echo "usage: bash packaging/dev.sh run|test [ARGS...]" >&2; exit 2
        ;;
esac
