"""``cgn-seal``: the desktop program by default, subcommands for scripting.

Imports stay inside the handlers so ``cgn-seal verify`` starts without loading Qt or the
server stack.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cgn_seal_desktop import __version__
from cgn_seal_desktop.cli_commands import cmd_change_pin, cmd_sign, cmd_tokens, cmd_verify
from cgn_seal_desktop.consoleio import use_utf8_output

__all__ = ["build_parser", "gui_main", "main"]

_SUBCOMMANDS = {"tokens", "sign", "verify", "sandbox", "gui", "demo-ukey", "change-pin"}

_DESCRIPTION = """\
中广核电子商务平台 数字证书(电子印章) 客户端。不带子命令时启动图形界面。
Desktop client for the CGN e-commerce platform's digital certificate / e-seal.
Without a subcommand the graphical program starts (optionally with FILE.pdf open).
"""


def _rect(value: str) -> tuple[float, float, float, float]:
    try:
        parts = [float(v) for v in value.split(",")]
    except ValueError:
        parts = []
    if len(parts) != 4:
        raise argparse.ArgumentTypeError("矩形应为 X0,Y0,X1,Y1 / rect must be X0,Y0,X1,Y1")
    x0, y0, x1, y1 = parts
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _hex(value: str) -> bytes:
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise argparse.ArgumentTypeError("应为十六进制 / must be hexadecimal") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cgn-seal", description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cgn-seal {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="详细日志 / verbose logging")
    parser.add_argument("--self-test", action="store_true",
                        help="自检程序组件后退出 / check the bundled parts load, then exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("tokens", help="列出 UKEY 驱动、UKEY、PIN 状态与证书 / list drivers, "
                       "UKEYs, PIN state and certificates")
    p.add_argument("--module", help="UKEY 驱动路径 (PKCS#11 或 SKF) / driver path (PKCS#11 or "
                   "SKF)")
    p.add_argument("--json", action="store_true", help="JSON 输出 / JSON output")
    p.set_defaults(func=cmd_tokens)

    p = sub.add_parser("sign", help="用 UKEY 在 PDF 上盖章 / stamp a PDF with the UKEY")
    p.add_argument("input", metavar="IN.pdf")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf",
                   help="输出文件(不会覆盖原文件) / output file (never the input)")
    p.add_argument("--page", type=int, default=1, help="页码(从 1 开始) / page, 1-based")
    p.add_argument("--rect", type=_rect, metavar="X0,Y0,X1,Y1",
                   help="印章位置,PDF 坐标(点,左下角为原点) / seal area in PDF points, "
                        "origin bottom-left")
    p.add_argument("--field", help="签入已有的空签名域 / sign into this empty signature field")
    p.add_argument("--seal-image", metavar="PNG", help="印章图片 / seal image (PNG/JPG)")
    p.add_argument("--module", help="UKEY 驱动路径 (PKCS#11 或 SKF) / driver path (PKCS#11 or "
                   "SKF)")
    p.add_argument("--token", metavar="LABEL", help="UKEY 标签 / token label")
    p.add_argument("--cert-id", type=_hex, metavar="HEX", help="证书 CKA_ID / certificate ID")
    p.add_argument("--pin-stdin", action="store_true",
                   help="从标准输入读取一行 PIN / read the PIN as one line of stdin")
    p.add_argument("--confirm-final-try", action="store_true",
                   help="PIN 仅剩最后一次机会时仍然尝试 / try even on the final PIN attempt")
    p.add_argument("--reason", default="盖章自检", help="签名原因 / signing reason")
    p.add_argument("--location", help="签名地点 / signing location")
    p.add_argument("--overwrite", action="store_true",
                   help="覆盖已存在的输出文件 / replace an existing output file")
    p.add_argument("--sm2-format", choices=("pkcs7", "gm"),
                   help="SM2 印章的签名格式：pkcs7 = 标准 PKCS#7 OID (默认)，gm = GM/T 0010 OID / "
                        "CMS of an SM2 seal: standard PKCS#7 OIDs (default) or GM/T 0010 OIDs")
    p.set_defaults(func=cmd_sign)

    p = sub.add_parser("change-pin", help="修改 UKEY 的 PIN 码 / change the UKEY's PIN")
    p.add_argument("--module", help="UKEY 驱动路径 (PKCS#11 或 SKF) / driver path (PKCS#11 or "
                   "SKF)")
    p.add_argument("--token", metavar="LABEL", help="UKEY 标签 / token label")
    p.add_argument("--pin-stdin", action="store_true",
                   help="从标准输入读取三行：当前 PIN、新 PIN、新 PIN / read three lines of "
                        "stdin: current PIN, new PIN, new PIN again")
    p.add_argument("--confirm-final-try", action="store_true",
                   help="PIN 仅剩最后一次机会时仍然尝试 / try even on the final PIN attempt")
    p.set_defaults(func=cmd_change_pin)

    p = sub.add_parser("verify", help="验证 PDF 或 OFD 文件中的所有印章(离线) / "
                                     "verify every seal in a PDF or OFD, offline")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--trust", action="append", default=[], metavar="PEM",
                   help="本次额外信任的根证书 / extra trust root for this run (repeatable)")
    p.add_argument("--json", action="store_true", help="JSON 报告 / JSON report")
    p.add_argument("--password-stdin", action="store_true",
                   help="从标准输入读取 PDF 打开密码 / read the PDF password from stdin")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("demo-ukey", help="创建用于试用的软件 UKEY (SoftHSM2, PIN 123456) / "
                       "create a software test UKEY to try the self-check")
    p.add_argument("--sm2", action="store_true",
                   help="国密 SM2 软件 SKF UKEY \"CGN-DEMO-SM2\" (需要 gcc 与 libssl-dev) / an SM2 "
                        "software SKF UKEY (needs gcc and libssl-dev)")
    p.set_defaults(func=_cmd_demo_ukey)

    p = sub.add_parser("gui", help="启动图形界面 / start the graphical program")
    p.add_argument("file", nargs="?", metavar="FILE.pdf")
    p.set_defaults(func=_cmd_gui)

    try:
        from cgn_seal_desktop.sandbox.cli import register
    except ImportError:  # a build without the sandbox
        pass
    else:
        register(sub)
    return parser


def _cmd_demo_ukey(args: argparse.Namespace) -> int:
    if args.sm2:
        from cgn_seal_desktop.demo.softskf_ukey import main as sm2_main

        return sm2_main()
    from cgn_seal_desktop.demo.softhsm_ukey import main as demo_main

    return demo_main()


def _cmd_gui(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.ui.app import run_gui

    return run_gui([args.file] if args.file else [])


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``cgn-seal``; returns the process exit code."""
    use_utf8_output()  # before anything prints: piped output on Windows is in the ANSI code page
    args_list = list(sys.argv[1:] if argv is None else argv)
    # `cgn-seal FILE.pdf` opens the file in the GUI.
    if args_list and not args_list[0].startswith("-") and args_list[0] not in _SUBCOMMANDS:
        args_list = ["gui", *args_list]
    parser = build_parser()
    args = parser.parse_args(args_list)
    from cgn_seal_desktop.logsetup import setup_logging

    setup_logging(verbose=args.verbose, log_file=args.command in (None, "gui"))
    if args.self_test:
        from cgn_seal_desktop.bundle_check import run_self_test

        return run_self_test()
    if args.command in ("tokens", "sign", "change-pin"):
        from cgn_seal_desktop.demo import activate

        activate()  # the demo UKEYs (if made) are visible to the CLI as to the GUI
    if args.command is None:
        return _cmd_gui(argparse.Namespace(file=None))
    code: int = args.func(args)
    return code


def gui_main() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main(["gui", *sys.argv[1:]])
