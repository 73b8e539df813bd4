<#
.SYNOPSIS
  Build the Windows installer: PyInstaller bundle -> self-test -> WiX 3 -> MSI (optionally signed).

.DESCRIPTION
  Run from any directory on a 64-bit Windows machine with Python 3.11+ (x64) and the WiX Toolset
  v3.14 (candle/light/heat; `choco install wixtoolset --version 3.14.1 -y`, or pass -InstallWix).
  WiX v3 is used because Product.wxs is WiX 3 schema, the same source wixl checks on Linux.

    powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

  Steps: venv in packaging\build\venv-win, `pip install .[package]`, PyInstaller with
  packaging\cgn-seal.spec, `cgn-seal.exe --self-test` inside the bundle (offscreen), optional
  code signing of the two executables, heat (file list) + candle + light with WixUIExtension
  (licence dialog, zh-CN UI), optional signing of the MSI.
  Output: dist\cgn-seal-desktop-<version>-x64.msi

  Code signing happens only when CGN_SIGN_PFX (path of a .pfx) is set; CGN_SIGN_PASSWORD is its
  password, CGN_SIGN_TIMESTAMP_URL the RFC 3161 server (default http://timestamp.digicert.com).
#>
[CmdletBinding()]
param(
    [string]$Python = "py",
    [string[]]$PythonArgs = @("-3.11"),
    [switch]$InstallWix,
    [switch]$SkipSelfTest
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
# The program writes UTF-8 when its output is piped (cgn_seal_desktop/consoleio.py); without this
# PowerShell would decode the self-test's lines in the console's OEM code page.
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
$OutputEncoding = [System.Text.Encoding]::UTF8

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root
$Build = Join-Path $Root "packaging\build"
$Venv = Join-Path $Build "venv-win"
$Bundle = Join-Path $Build "dist\cgn-seal-desktop"
$WixOut = Join-Path $Build "wix"
$Dist = Join-Path $Root "dist"
$started = Get-Date

# Every native command goes through here: PowerShell does not stop on a non-zero exit code.
function Invoke-Checked([string]$Exe, [string[]]$Arguments, [int[]]$SuccessCodes = @(0)) {
    Write-Host ">> $Exe $($Arguments -join ' ')"
    & $Exe @Arguments
    if ($SuccessCodes -notcontains $LASTEXITCODE) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

function Find-SignTool {
    $cmd = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    $kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
    $found = Get-ChildItem -Path $kits -Filter signtool.exe -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -match "\\x64\\" } | Sort-Object FullName | Select-Object -Last 1
    if (-not $found) { throw "signtool.exe not found (install the Windows 10/11 SDK)" }
    return $found.FullName
}

function Invoke-Sign([string[]]$Files) {
    if (-not $env:CGN_SIGN_PFX) { return }
    $signtool = Find-SignTool
    $ts = if ($env:CGN_SIGN_TIMESTAMP_URL) { $env:CGN_SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    $signArgs = @("sign", "/fd", "sha256", "/tr", $ts, "/td", "sha256", "/f", $env:CGN_SIGN_PFX)
    if ($env:CGN_SIGN_PASSWORD) { $signArgs += @("/p", $env:CGN_SIGN_PASSWORD) }
    # The password goes to signtool only; never echoed.
    Write-Host ">> signtool sign $($Files -join ' ')"
    & $signtool @signArgs @Files
    if ($LASTEXITCODE -ne 0) { throw "signtool failed with exit code $LASTEXITCODE" }
}

function Find-WixBin {
    $dirs = @()
    if ($env:WIX) { $dirs += (Join-Path $env:WIX "bin") }
    $dirs += Get-ChildItem -Path ${env:ProgramFiles(x86)} -Filter "WiX Toolset v3*" -Directory -ErrorAction SilentlyContinue |
        Sort-Object Name | ForEach-Object { Join-Path $_.FullName "bin" }
    foreach ($d in $dirs) { if (Test-Path (Join-Path $d "candle.exe")) { return $d } }
    return $null
}

# --- 1. Python environment ------------------------------------------------------------------
if (-not (Test-Path (Join-Path $Venv "Scripts\python.exe"))) {
    Invoke-Checked $Python ($PythonArgs + @("-m", "venv", $Venv))
}
$Py = Join-Path $Venv "Scripts\python.exe"
Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $Py @("-m", "pip", "install", "--quiet", ".[package]")
$Version = & $Py -c "import cgn_seal_desktop; print(cgn_seal_desktop.__version__)"
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "cannot read cgn_seal_desktop.__version__ (exit code $LASTEXITCODE)" }
$Version = "$Version".Trim()
Write-Host ">> cgn-seal-desktop $Version"

# --- 2. PyInstaller bundle + self-test --------------------------------------------------------
Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", (Join-Path $Build "dist"), "--workpath", (Join-Path $Build "work"),
    "packaging\cgn-seal.spec")
if (-not $SkipSelfTest) {
    $env:QT_QPA_PLATFORM = "offscreen"
    $env:CGN_SEAL_HOME = Join-Path $Build "selftest-home"
    Invoke-Checked (Join-Path $Bundle "cgn-seal.exe") @("--self-test")
    Remove-Item Env:QT_QPA_PLATFORM, Env:CGN_SEAL_HOME
}
Invoke-Sign @((Join-Path $Bundle "cgn-seal-desktop.exe"), (Join-Path $Bundle "cgn-seal.exe"))

# --- 3. WiX 3: heat (file list), candle, light ------------------------------------------------
$WixBin = Find-WixBin
if (-not $WixBin -and $InstallWix) {
    # Chocolatey: 3010 = installed, a reboot is pending (WiX works without it); 1641 = reboot started.
    Invoke-Checked "choco" @("install", "wixtoolset", "--version", "3.14.1", "-y", "--no-progress") -SuccessCodes @(0, 1641, 3010)
    $env:WIX = Join-Path ${env:ProgramFiles(x86)} "WiX Toolset v3.14\"
    $WixBin = Find-WixBin
}
if (-not $WixBin) { throw "WiX Toolset v3 not found: install it (choco install wixtoolset) or pass -InstallWix" }

New-Item -ItemType Directory -Force -Path $WixOut, $Dist | Out-Null
# Version.wxi (from __version__), License.rtf (AGPL) for the licence dialog, app.ico (16-256 px).
Invoke-Checked $Py @("packaging\wix\stage.py", $Bundle, $WixOut, "--no-harvest")
Invoke-Checked (Join-Path $WixBin "heat.exe") @("dir", $Bundle, "-nologo", "-cg", "AppFiles",
    "-dr", "INSTALLDIR", "-srd", "-sreg", "-scom", "-ag", "-var", "var.SourceDir",
    "-out", (Join-Path $WixOut "Files.wxs"))
$Icon = Join-Path $WixOut "app.ico"
# One candle call per source with an explicit -out: a directory -out ending in "\" breaks
# native-argument quoting when the path contains spaces.
$objects = @()
foreach ($src in @((Join-Path $Root "packaging\wix\Product.wxs"), (Join-Path $Root "packaging\wix\UI.wxs"),
                   (Join-Path $WixOut "Files.wxs"))) {
    $obj = Join-Path $WixOut ([IO.Path]::GetFileNameWithoutExtension($src) + ".wixobj")
    Invoke-Checked (Join-Path $WixBin "candle.exe") @("-nologo", "-arch", "x64",
        "-ext", "WixUIExtension", "-I$WixOut",
        "-dSourceDir=$Bundle", "-dIconFile=$Icon", "-dWin64=yes", "-dWithWixUI=1",
        "-dLicenseRtf=$(Join-Path $WixOut 'License.rtf')",
        "-out", $obj, $src)
    $objects += $obj
}
$Msi = Join-Path $Dist "cgn-seal-desktop-$Version-x64.msi"
Invoke-Checked (Join-Path $WixBin "light.exe") (@("-nologo", "-ext", "WixUIExtension",
    "-cultures:zh-CN", "-spdb", "-out", $Msi) + $objects)
Invoke-Sign @($Msi)

$size = "{0:N1} MB" -f ((Get-Item $Msi).Length / 1MB)
$secs = [int]((Get-Date) - $started).TotalSeconds
Write-Host ">> $Msi ($size) in $secs s"
