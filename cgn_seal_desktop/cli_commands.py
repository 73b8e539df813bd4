"""Handlers of the ``tokens``, ``sign``, ``change-pin`` and ``verify`` subcommands (plain text or
JSON output).

Exit codes: 0 success; 1 the operation failed (wrong PIN, seal not valid, …); 2 the input cannot
be read or the command line is wrong. Errors are one line on stderr with a stable code; never a
traceback, never the PIN.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING, Any

from cgn_seal_desktop.errors import CgnSealError

if TYPE_CHECKING:
    from cgn_seal_desktop.ukey.pin import Pin

__all__ = ["cmd_change_pin", "cmd_sign", "cmd_tokens", "cmd_verify"]


def _fail(exc: CgnSealError, code: int = 1) -> int:
    print(f"错误 / error [{exc.code}]: {exc.message}", file=sys.stderr)
    return code


def _chosen_driver(explicit: str | None) -> str:
    """The driver the user named (``--module``), else the one chosen in the program's settings
    (empty: every driver found is asked)."""
    from cgn_seal_desktop.settings import Settings

    return explicit or Settings.load().module_path


def cmd_tokens(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.ukey.service import survey_drivers

    out: list[dict[str, Any]] = []
    for d in survey_drivers(args.module or "") or []:
        m = d.candidate
        entry: dict[str, Any] = {"path": m.path, "vendor": m.display_name, "source": m.source,
                                 "interface": m.interface, "exists": m.exists,
                                 "machine": m.machine, "machine_ok": m.machine_ok, "tokens": [],
                                 "error": None}
        if d.error is not None:
            entry["error"] = {"code": d.error.code, "message": d.error.message}
        for t in d.tokens:
            entry["tokens"].append({
                "label": t.label, "manufacturer": t.manufacturer, "model": t.model,
                "serial": t.serial, "interface": t.interface, "pin_state": t.pin_state.value,
                "pin_tries_left": t.pin_tries_left, "pin_max_tries": t.pin_max_tries,
                "certificates": [{
                    "id": c.key_id_hex, "subject": c.subject, "organization":
                    c.organization, "issuer": c.issuer, "serial": c.serial_hex,
                    "not_before": c.not_before.isoformat(),
                    "not_after": c.not_after.isoformat(),
                    "key_usage": list(c.key_usage), "key_type": c.key_type,
                    "is_ca": c.is_ca,
                } for c in t.certificates],
            })
        out.append(entry)
    if args.json:
        print(json.dumps({"modules": out}, ensure_ascii=False, indent=2))
    else:
        _print_tokens(out)
    return 0 if any(e["tokens"] for e in out) else 1


_INTERFACE = {"pkcs11": "PKCS#11", "skf": "SKF (GM/T 0016)"}
_KEY_TYPE = {"rsa": "RSA", "ec": "ECDSA", "sm2": "SM2 (国密)"}


def _pin_text(t: dict[str, Any]) -> str:
    if t["pin_tries_left"] is None:
        return t["pin_state"]
    return (f"{t['pin_state']}, 剩余 {t['pin_tries_left']}/{t['pin_max_tries']} 次 / "
            f"{t['pin_tries_left']} of {t['pin_max_tries']} tries left")


def _print_tokens(modules: list[dict[str, Any]]) -> None:
    if not modules:
        print("未找到 UKEY 驱动 / no UKEY driver (PKCS#11 module or SKF library) found")
    for m in modules:
        state = "" if m["exists"] else "  [文件不存在 / missing]"
        if m["exists"] and not m["machine_ok"]:
            state = f"  [{m['machine']} 驱动，不能使用 / {m['machine']} driver, cannot be used]"
        print(f"驱动 / module: {m['vendor']}  {m['path']}  "
              f"[{_INTERFACE.get(m['interface'], m['interface'])}]{state}")
        if m["error"]:
            print(f"  错误 / error [{m['error']['code']}]: {m['error']['message']}")
        for t in m["tokens"]:
            kind = "SKF UKEY" if t["interface"] == "skf" else "UKEY"
            print(f"  {kind}: {t['label']}  ({t['manufacturer']} {t['model']}, "
                  f"序列号 / serial {t['serial']})  PIN: {_pin_text(t)}")
            for c in t["certificates"]:
                kind = "CA" if c["is_ca"] else "证书 / cert"
                key = _KEY_TYPE.get(c["key_type"], c["key_type"])
                print(f"    {kind} id={c['id']}  {key}  {c['subject']}")
                print(f"      颁发者 / issuer: {c['issuer']}  序列号 / serial: {c['serial']}")
                print(f"      有效期 / valid: {c['not_before'][:10]} — {c['not_after'][:10]}"
                      f"  用途 / usage: {','.join(c['key_usage'])}")


def _sm2_format(explicit: str | None) -> str:
    """``--sm2-format`` if given, else the program's setting."""
    from cgn_seal_desktop.settings import Settings

    return explicit or Settings.load().sm2_format


def _read_secret(prompt: str, from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(prompt)


def cmd_sign(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cgn_seal_desktop.seal.errors import InputPdfError, SealError
    from cgn_seal_desktop.seal.request import SealPlacement, SignRequest
    from cgn_seal_desktop.seal.ukey_sign import sign_with_ukey
    from cgn_seal_desktop.ukey.pin import Pin
    from cgn_seal_desktop.ukey.service import find_token

    if args.rect is None and args.field is None:
        print("错误 / error: 需要 --rect 或 --field / --rect or --field is required",
              file=sys.stderr)
        return 2
    try:
        appearance = None
        if args.seal_image:
            from cgn_seal_desktop.seal.appearance import image_to_seal_pdf

            appearance = image_to_seal_pdf(Path(args.seal_image).read_bytes())
        placement = SealPlacement(args.page, args.rect) if args.rect else None
        request = SignRequest(placement=placement, field_name=args.field,
                              appearance_pdf=appearance, reason=args.reason,
                              location=args.location, sm2_format=_sm2_format(args.sm2_format))
        token = find_token(_chosen_driver(args.module), label=args.token)
        result = sign_with_ukey(token.ref, Pin(_read_secret("UKEY PIN: ", args.pin_stdin)),
                                args.input, args.output, request, cert_id=args.cert_id,
                                confirm_final_try=args.confirm_final_try,
                                overwrite=args.overwrite)
    except OSError as exc:
        print(f"错误 / error: {exc.strerror}: {exc.filename}", file=sys.stderr)
        return 2
    except InputPdfError as exc:
        return _fail(exc, 2)
    except (SealError, CgnSealError) as exc:
        return _fail(exc, 1)
    print(f"已盖章 / signed: {result.output} (field {result.field_name}, page {result.page})")
    return 0


def _read_new_pin(from_stdin: bool) -> tuple[Pin | None, str]:
    """The new PIN typed twice, as a :class:`Pin`; (None, why) when the two differ or are
    empty. The text copies end with this frame."""
    from cgn_seal_desktop.ukey.pin import Pin

    new = _read_secret("新 PIN / new PIN: ", from_stdin)
    again = _read_secret("再次输入新 PIN / new PIN again: ", from_stdin)
    if new != again:
        return None, "两次输入的新 PIN 不一致 / the two new PINs differ"
    if not new:
        return None, "新 PIN 不能为空 / the new PIN is empty"
    return Pin(new), ""


def cmd_change_pin(args: argparse.Namespace) -> int:
    """Change the UKEY's user PIN: old PIN once, new PIN twice (hidden prompts, or three lines
    of standard input with ``--pin-stdin``). Refuses a locked PIN without trying it, and the
    final try unless confirmed."""
    from cgn_seal_desktop.ukey.errors import FinalTryNotConfirmedError, PinLockedError
    from cgn_seal_desktop.ukey.model import PinState
    from cgn_seal_desktop.ukey.pin import Pin
    from cgn_seal_desktop.ukey.service import change_pin, find_token, token_status

    try:
        token = find_token(_chosen_driver(args.module), label=args.token)
        info = token_status(token.ref)
        if info.pin_state is PinState.LOCKED:
            raise PinLockedError()
        if info.pin_tries_left is not None:
            print(f"UKEY {info.label}: 剩余 PIN 尝试次数 {info.pin_tries_left} / "
                  f"{info.pin_tries_left} PIN tries left", file=sys.stderr)
        confirm = args.confirm_final_try
        if info.pin_state is PinState.FINAL_TRY and not confirm:
            if args.pin_stdin or not sys.stdin.isatty():
                raise FinalTryNotConfirmedError()
            answer = input("再输错一次 PIN 将锁定 UKEY，确定继续吗？ / One more wrong PIN locks "
                           "the UKEY. Continue? [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "是"):
                raise FinalTryNotConfirmedError()
            confirm = True
        # PINs become wiped-after-use Pin holders at once: no frame an error passes through
        # keeps one as text.
        old = Pin(_read_secret("当前 PIN / current PIN: ", args.pin_stdin))
        new, problem = _read_new_pin(args.pin_stdin)
        if new is None:
            old.wipe()
            print(f"错误 / error: {problem}", file=sys.stderr)
            return 2
        after = change_pin(token.ref, old, new, confirm_final_try=confirm)
    except CgnSealError as exc:
        return _fail(exc, 1)
    print(f"PIN 已修改 / PIN changed: UKEY {after.label}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.seal.gm.outcome import headline
    from cgn_seal_desktop.seal.trust import trust_store_for
    from cgn_seal_desktop.seal.verify_file import verify_file
    from cgn_seal_desktop.settings import Settings

    try:
        store = trust_store_for(Settings.load(), args.trust)
    except CgnSealError as exc:
        return _fail(exc, 2)
    password = _read_secret("PDF password: ", True) if args.password_stdin else None
    report = verify_file(args.file, store, password=password)
    if args.json:
        print(report.to_json())
        return report.exit_code
    if report.verdict == "error":
        print(f"无法读取 / cannot read: {report.error}", file=sys.stderr)
        return report.exit_code
    if report.verdict == "no_signatures":
        print("文件中没有印章 / no seal in this file")
        return report.exit_code
    for s in report.signatures:
        print(f"[{s.field}] 第 {s.page or '?'} 页 / page {s.page or '?'}: "
              f"{headline(s)} / {s.status}")
        print(f"  签章人 / signer: {s.signer}  单位 / organisation: {s.organization}")
        if s.format or s.algorithm:
            print(f"  格式 / format: {s.format or '-'}  算法 / algorithm: {s.algorithm or '-'}")
        if s.seal is not None:
            print(f"  印章 / seal: {s.seal.name}  编号 / esID: {s.seal.esid}  "
                  f"有效期 / valid: {s.seal.valid_from or '-'} – {s.seal.valid_to or '-'}")
            print(f"  制章者 / maker: {s.seal.maker or '-'}")
        print(f"  签章时间 / signing time: {s.signing_time or '-'}"
              f"  签名后修改 / changes after signing: {s.changes_after_signing}")
        for m in s.messages:
            print(f"  - {m}")
    print("结论 / verdict:", "全部印章有效 / all seals valid" if report.verdict == "valid"
          else "存在无效印章 / a seal is not valid")
    return report.exit_code
