"""The Qt-free settings store: safe defaults, type checks, bounded recent list, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

from cgn_seal_desktop.settings import MAX_RECENT, Settings, settings_path


def test_missing_or_broken_file_gives_defaults(tmp_path: Path) -> None:
    assert Settings.load(tmp_path / "none.json") == Settings()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert Settings.load(bad) == Settings()
    bad.write_text("[1, 2]", encoding="utf-8")
    assert Settings.load(bad) == Settings()


def test_wrong_types_and_unknown_keys_are_dropped(tmp_path: Path) -> None:
    f = tmp_path / "s.json"
    f.write_text(json.dumps({
        "language": 5, "module_path": "/x/lib.so", "trust_sandbox_ca": "yes",
        "recent_files": ["a.pdf", 3], "support_qr": {"online_service": "https://q"},
        "seal_diameter_mm": 40, "pin": "123456",
    }), encoding="utf-8")
    s = Settings.load(f)
    assert s.language == "system" and s.module_path == "/x/lib.so"
    assert s.trust_sandbox_ca is False and s.recent_files == []
    assert s.support_qr == {"online_service": "https://q"} and s.seal_diameter_mm == 40
    assert not hasattr(s, "pin")
    s.save(f)
    assert "pin" not in json.loads(f.read_text(encoding="utf-8"))


def test_recent_files_most_recent_first_bounded(tmp_path: Path) -> None:
    s = Settings()
    for i in range(MAX_RECENT + 3):
        s.add_recent(tmp_path / f"{i}.pdf")
    s.add_recent(tmp_path / "5.pdf")
    assert len(s.recent_files) == MAX_RECENT
    assert s.recent_files[0] == str((tmp_path / "5.pdf").resolve())
    assert len(set(s.recent_files)) == MAX_RECENT


def test_default_location_round_trip() -> None:
    s = Settings(module_path="/opt/ukey.so", language="en")
    s.save()
    assert settings_path().is_file()
    assert Settings.load() == s
