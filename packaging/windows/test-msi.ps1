<#
.SYNOPSIS
  Install, check, upgrade and remove the MSI on a real Windows machine (run elevated).

.DESCRIPTION
  What packaging/wine-smoke.sh cannot prove under Wine: per-machine shortcuts for all users, the
  real Windows Installer and console. ci-windows.yml runs it on the MSI it has just built:

    powershell -ExecutionPolicy Bypass -File packaging\windows\test-msi.ps1 `
        -Msi dist\cgn-seal-desktop-<version>-x64.msi [-PreviousMsi OLD.msi] [-LogDir logs]

  1. with -PreviousMsi: installs that (older) release first;
  2. installs -Msi silently, per machine (a major upgrade over 1);
  3. checks exactly one "Programs and Features" entry, of -Msi's version, and the install folder;
  4. runs the installed cgn-seal.exe --self-test and `verify` on the bundled sample, output
     piped (the runner's ANSI code page, cp1252 on GitHub's runners);
  5. checks the all-users shortcuts: %ProgramData%\Microsoft\Windows\Start Menu\Programs\
     CGN Seal Desktop\<name>.lnk and %PUBLIC%\Desktop\<name>.lnk, both starting
     cgn-seal-desktop.exe;
  6. with -PreviousMsi: installing the older MSI again is refused (downgrade, exit 1603);
  7. msiexec /x, then: no install folder, no shortcuts, no registry values, no entry.
  msiexec's verbose logs and the program's output go to -LogDir. Exits non-zero on any failure.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$Msi,
    [string]$PreviousMsi = "",
    [string]$LogDir = "logs"
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
# The program writes UTF-8 when piped; read it as such.
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
$OutputEncoding = [System.Text.Encoding]::UTF8

New-Item -ItemType Directory -Force -Path $LogDir | Out-Null
$LogDir = (Resolve-Path $LogDir).Path
$Msi = (Resolve-Path $Msi).Path
if ($PreviousMsi) { $PreviousMsi = (Resolve-Path $PreviousMsi).Path }
$InstallDir = Join-Path $env:ProgramFiles "CGN Seal Desktop"
$UninstallKeys = @("HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall",
                   "HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall")

function Get-MsiProperty([string]$Path, [string]$Table, [string]$Column, [string]$Where) {
    # The Windows Installer automation interface (no WiX tools needed).
    $installer = New-Object -ComObject WindowsInstaller.Installer
    $db = $installer.GetType().InvokeMember("OpenDatabase", "InvokeMethod", $null, $installer, @($Path, 0))
    $sql = "SELECT ``$Column`` FROM ``$Table``"
    if ($Where) { $sql += " WHERE $Where" }
    $view = $db.GetType().InvokeMember("OpenView", "InvokeMethod", $null, $db, @($sql))
    $view.GetType().InvokeMember("Execute", "InvokeMethod", $null, $view, $null) | Out-Null
    $record = $view.GetType().InvokeMember("Fetch", "InvokeMethod", $null, $view, $null)
    $value = $record.GetType().InvokeMember("StringData", "GetProperty", $null, $record, 1)
    $view.GetType().InvokeMember("Close", "InvokeMethod", $null, $view, $null) | Out-Null
    [void][Runtime.InteropServices.Marshal]::ReleaseComObject($view)
    [void][Runtime.InteropServices.Marshal]::ReleaseComObject($db)
    return $value
}

function Invoke-Msiexec([string]$Action, [string]$Package, [string]$Name) {
    $log = Join-Path $LogDir "msiexec-$Name.log"
    Write-Host ">> msiexec $Action $(Split-Path -Leaf $Package) /qn ($log)"
    $p = Start-Process -FilePath "msiexec.exe" -Wait -PassThru -ArgumentList @(
        $Action, "`"$Package`"", "/qn", "/norestart", "/l*v", "`"$log`"")
    return $p.ExitCode
}

function Assert-Ok([int]$Code, [string]$What) {
    # 3010: success, a reboot is needed to finish (never expected here, but not a failure).
    if ($Code -ne 0 -and $Code -ne 3010) { throw "$What failed: msiexec exit code $Code" }
}

function Get-ProductEntries {
    foreach ($key in $UninstallKeys) {
        if (-not (Test-Path $key)) { continue }
        Get-ChildItem $key | ForEach-Object {
            $p = Get-ItemProperty $_.PSPath
            $name = $p.PSObject.Properties["DisplayName"]
            if ($name -and $name.Value -like "*CGN Seal Desktop*") { $p }
        }
    }
}

function Invoke-Installed([string]$Name, [string[]]$Arguments) {
    # Piped (captured) output: the console code page is not in play, as in a build script.
    $exe = Join-Path $InstallDir "cgn-seal.exe"
    $log = Join-Path $LogDir "$Name.txt"
    Write-Host ">> $exe $($Arguments -join ' ')"
    $output = & $exe @Arguments
    $code = $LASTEXITCODE
    $output | Set-Content -Path $log -Encoding UTF8
    $output | ForEach-Object { Write-Host "   $_" }
    if ($code -ne 0) { throw "cgn-seal.exe $($Arguments -join ' ') exited $code" }
    return ($output -join "`n")
}

$Version = Get-MsiProperty $Msi "Property" "Value" "``Property`` = 'ProductVersion'"
$ProductCode = Get-MsiProperty $Msi "Property" "Value" "``Property`` = 'ProductCode'"
# Shortcut names are "SHORT~1|Long name" in the MSI; Windows uses the long one.
$ShortcutName = (Get-MsiProperty $Msi "Shortcut" "Name" "``Shortcut`` = 'DesktopAppShortcut'").Split("|")[-1]
$Shortcuts = @(
    (Join-Path $env:ProgramData "Microsoft\Windows\Start Menu\Programs\CGN Seal Desktop\$ShortcutName.lnk"),
    (Join-Path $env:PUBLIC "Desktop\$ShortcutName.lnk"))
Write-Host ">> $Msi : version $Version, product code $ProductCode"

# --- 1, 2: (previous release, then) this MSI ---------------------------------------------------
if ($PreviousMsi) {
    $previousVersion = Get-MsiProperty $PreviousMsi "Property" "Value" "``Property`` = 'ProductVersion'"
    Assert-Ok (Invoke-Msiexec "/i" $PreviousMsi "install-previous") "installing $previousVersion"
    Write-Host "   $previousVersion installed; upgrading to $Version"
}
Assert-Ok (Invoke-Msiexec "/i" $Msi "install") "installing $Version"

# --- 3: one entry, this version ------------------------------------------------------------------
$entries = @(Get-ProductEntries)
if ($entries.Count -ne 1) { throw "expected 1 Programs and Features entry, found $($entries.Count)" }
if ($entries[0].DisplayVersion -ne $Version) {
    throw "installed version is $($entries[0].DisplayVersion), expected $Version"
}
foreach ($f in @("cgn-seal.exe", "cgn-seal-desktop.exe", "_internal\python311.dll")) {
    if (-not (Test-Path (Join-Path $InstallDir $f))) { throw "not installed: $f" }
}

# --- 4: the installed program ----------------------------------------------------------------
$env:QT_QPA_PLATFORM = "offscreen"
$env:CGN_SEAL_HOME = Join-Path $LogDir "selftest-home"
$selftest = Invoke-Installed "self-test" @("--self-test")
if ($selftest -notmatch "(?m)^self-test: passed") { throw "the installed self-test did not pass" }
$samples = Join-Path $InstallDir "_internal\resources\samples"
$verify = Invoke-Installed "verify" @("verify", (Join-Path $samples "sample-signed.pdf"),
                                      "--trust", (Join-Path $samples "sample-root.pem"))
if ($verify -notmatch "all seals valid") { throw "verify did not report a valid seal" }
Remove-Item Env:QT_QPA_PLATFORM, Env:CGN_SEAL_HOME

# --- 5: all-users shortcuts ----------------------------------------------------------------------
$shell = New-Object -ComObject WScript.Shell
foreach ($lnk in $Shortcuts) {
    if (-not (Test-Path -LiteralPath $lnk)) { throw "shortcut missing: $lnk" }
    $target = $shell.CreateShortcut($lnk).TargetPath
    if ($target -ne (Join-Path $InstallDir "cgn-seal-desktop.exe")) { throw "$lnk starts $target" }
    Write-Host "   shortcut $lnk -> $target"
}

# --- 6: downgrade refused ------------------------------------------------------------------------
if ($PreviousMsi) {
    $code = Invoke-Msiexec "/i" $PreviousMsi "downgrade"
    if ($code -ne 1603) { throw "installing the older MSI over $Version exited $code, expected 1603" }
    $entries = @(Get-ProductEntries)
    if ($entries.Count -ne 1 -or $entries[0].DisplayVersion -ne $Version) {
        throw "the refused downgrade changed the installed product"
    }
}

# --- 7: uninstall leaves nothing -----------------------------------------------------------------
Assert-Ok (Invoke-Msiexec "/x" $Msi "uninstall") "uninstalling $Version"
if (Test-Path $InstallDir) { throw "files left in $InstallDir" }
foreach ($lnk in $Shortcuts) { if (Test-Path -LiteralPath $lnk) { throw "shortcut left: $lnk" } }
foreach ($key in @("HKLM:\SOFTWARE\cgn-seal-desktop", "HKCU:\SOFTWARE\cgn-seal-desktop")) {
    if (Test-Path $key) { throw "registry key left: $key" }
}
if (@(Get-ProductEntries).Count -ne 0) { throw "a Programs and Features entry is left" }
Write-Host ">> MSI test passed: install, self-test, verify, shortcuts, upgrade, uninstall"
