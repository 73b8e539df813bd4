"""``cgn-seal sandbox``: run the sandbox server, and ``cgn-seal sandbox ops …`` to act as operator.

Cheap to import: FastAPI and uvicorn are imported inside the handlers. The ops commands open the
sandbox database directly (safe while the server runs: SQLite WAL), so no port is needed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cgn_seal_desktop.sandbox.context import Ctx

__all__ = ["default_data_dir", "register"]

_MATERIAL_KINDS = ["business_licence", "application_form", "seal_impression",
                   "operator_id_front", "operator_id_back", "authorisation_letter"]


def default_data_dir() -> Path:
    """Where the sandbox keeps its state unless ``--data`` says otherwise."""
    from cgn_seal_desktop.paths import data_dir

    return data_dir() / "sandbox"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``sandbox`` subcommand (and ``sandbox ops …``) to the main parser."""
    p = subparsers.add_parser("sandbox", help="运行本地沙箱（在线服务的测试替身）/ "
                              "run the local sandbox of the online service",
                              description="运行沙箱服务器（数据保存在 --data）/ "
                              "Run the sandbox server (state kept in --data).")
    p.add_argument("--host", default="127.0.0.1",
                   help="监听地址（默认本机回环）/ address to listen on (default loopback)")
    p.add_argument("--port", type=int, default=8765,
                   help="端口（默认 8765；0 = 任意空闲端口）/ port (default 8765; 0 = any free)")
    p.add_argument("--data", type=Path, default=None, help="数据目录 / state directory")
    p.add_argument("--allow-remote-ops", action="store_true",
                   help="运营台（无登录）也对其他电脑开放 / serve the operator console (which "
                        "has no login) to other computers too")
    p.set_defaults(func=_serve)
    sub = p.add_subparsers(dest="sandbox_command", metavar="ops")
    o = sub.add_parser("ops", help="运营操作（扮演微信、银行、支付平台、深圳CA）/ "
                       "operator actions on the sandbox's state")
    o.add_argument("--data", dest="ops_data", type=Path, default=None,
                   help="数据目录 / state directory")
    o.set_defaults(func=lambda _a: (o.print_help(), 2)[1])
    ops = o.add_subparsers(dest="ops_command", metavar="ACTION")

    ops.add_parser("list", help="供应商、机构认证状态、申请 / suppliers, verification "
                   "states, applications").set_defaults(func=_list)
    c = ops.add_parser("identity", help="完成经办人微信身份认证 / complete the operator's "
                       "WeChat identity check")
    c.add_argument("user", help="用户名或编号 / username or id")
    c.add_argument("action", choices=["scan", "pass", "fail"])
    c.set_defaults(func=_identity)
    c = ops.add_parser("deposit", help="显示小额打款随机码（--post：立即打款）/ show the deposit "
                       "random code (--post: deposit now)")
    c.add_argument("user", help="用户名或编号 / username or id")
    c.add_argument("--post", action="store_true",
                   help="提前打款 / make the deposit before the due date")
    c.set_defaults(func=_deposit)
    c = ops.add_parser("mark-paid", help="将待支付订单标记为已支付 / mark the open payment "
                       "order paid")
    c.add_argument("application", type=int)
    c.set_defaults(func=_mark_paid)
    c = ops.add_parser("approve", help="审核通过并寄出 UKEY / approve an application and ship "
                       "the UKEY")
    c.add_argument("application", type=int)
    c.add_argument("--courier", default="顺丰速运")
    c.add_argument("--tracking", default=None)
    c.set_defaults(func=_approve)
    c = ops.add_parser("reject", help="审核驳回 / reject an application")
    c.add_argument("application", type=int)
    c.add_argument("--reason", required=True, help="驳回原因 / reason")
    c.add_argument("--redo", nargs="*", default=[], choices=_MATERIAL_KINDS,
                   help="需重新上传的资料 / materials the supplier must upload again")
    c.set_defaults(func=_reject)
    c = ops.add_parser("issue-cert", help="签发测试机构证书（PKCS#12，不受信任）/ issue a test "
                       "organisation certificate (PKCS#12)")
    c.add_argument("application", type=int)
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--password-env", default=None,
                   help="从此环境变量读取 PKCS#12 密码 / read the PKCS#12 password from this "
                        "environment variable")
    c.set_defaults(func=_issue_cert)


def _data(args: argparse.Namespace) -> Path:
    data = getattr(args, "ops_data", None) or getattr(args, "data", None)
    return Path(data) if data else default_data_dir()


def _serve(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.sandbox.guard import is_loopback_host
    from cgn_seal_desktop.sandbox.labels import SANDBOX_MARK
    from cgn_seal_desktop.sandbox.server import serve_forever

    data = _data(args)
    console_host = args.host
    if args.allow_remote_ops:
        print("警告 / warning: --allow-remote-ops: 运营操作没有登录，能访问 "
              f"{args.host}:{args.port} 的任何人都能使用 / the sandbox's operator actions have "
              f"no login; anyone who can reach {args.host}:{args.port} can use them",
              file=sys.stderr)
    elif not is_loopback_host(args.host):
        console_host = "127.0.0.1"
        print(f"提示 / note: {args.host} 不是本机回环地址：供应商接口在该地址提供，运营台和手机页面"
              f"只在本机提供（--allow-remote-ops 可改变）/ {args.host} is not loopback: the "
              "supplier API is served there, the operator console and phone pages only on this "
              "computer (--allow-remote-ops changes that)", file=sys.stderr)
    print(f"沙箱数据目录 / sandbox data: {data}")
    if ":" in console_host:
        console_host = f"[{console_host}]"
    print(f"运营台 / operator console: http://{console_host}:{args.port}/ops")
    print(f"{SANDBOX_MARK}：沙箱中的一切均为测试数据 / everything in the sandbox is test data")
    try:
        serve_forever(data, args.host, args.port, remote_ops=args.allow_remote_ops)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"无法启动沙箱 / cannot start sandbox: {exc}", file=sys.stderr)
        return 1
    return 0


def _run_op(args: argparse.Namespace, action: object) -> int:
    """Open the database, run *action(ctx)*, print what it returns; ApiError → exit 1."""
    from cgn_seal_desktop.sandbox.clock import SystemClock
    from cgn_seal_desktop.sandbox.context import Ctx
    from cgn_seal_desktop.sandbox.db import Database
    from cgn_seal_desktop.sandbox.errors import ApiError
    from cgn_seal_desktop.sandbox.labels import error_text

    assert callable(action)
    data = _data(args)
    if not (data / "sandbox.sqlite3").exists():
        print(f"{data} 中没有沙箱数据，请先运行 `cgn-seal sandbox` / no sandbox state in {data} "
              "(start `cgn-seal sandbox` first)", file=sys.stderr)
        return 1
    db = Database(data)
    try:
        out = action(Ctx(db, SystemClock()))
    except ApiError as exc:
        print(f"错误 / error: {error_text(exc.body.code, exc.body.message)}", file=sys.stderr)
        return 1
    finally:
        db.close()
    if out:
        print(out)
    return 0


def _state(value: StrEnum) -> str:
    """A state for people (Chinese) with the machine value the API uses after it."""
    from cgn_seal_desktop.sandbox.labels import label

    return f"{label(value)} ({value.value})"


def _list(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.sandbox import ops
    from cgn_seal_desktop.sandbox.labels import missing_label

    def action(ctx: Ctx) -> str:
        lines = []
        for s in ops.overview(ctx).suppliers:
            ov = s.verification
            extra = (f"，预计打款日 / deposit expected {ov.deposit.expected_by}"
                     if ov.deposit else "")
            lines.append(f"#{s.account.id} {s.account.username} {s.account.company_name}: "
                         f"机构认证 / org-verification: {_state(ov.state)}{extra}")
            for app in s.applications:
                missing = "、".join(missing_label(m) for m in app.missing) or "-"
                lines.append(f"    申请 / application #{app.id} {app.reference}: "
                             f"{_state(app.status)}; 已缴费 / paid: "
                             f"{'是 / yes' if app.paid else '否 / no'}; 缺少 / missing: {missing}")
        return "\n".join(lines) or "还没有供应商注册 / no suppliers yet"

    return _run_op(args, action)


def _identity(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.portal.models import IdentityStatus
    from cgn_seal_desktop.sandbox import ops

    status = {"scan": IdentityStatus.SCANNED, "pass": IdentityStatus.PASSED,
              "fail": IdentityStatus.FAILED}[args.action]
    return _run_op(args, lambda ctx: "身份认证会话 / identity session: " + _state(ops.identity_set(
        ctx, ops.find_user(ctx, args.user), status, "身份核验未通过（沙箱）").status))


def _deposit(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.sandbox import ops

    def action(ctx: Ctx) -> str:
        uid = ops.find_user(ctx, args.user)
        rev = ops.deposit_post(ctx, uid) if args.post else ops.deposit_reveal(ctx, uid)
        state = ("已打款 / deposited" if rev.sent_at else
                 "尚未打款，--post 立即打款 / not yet deposited (use --post)")
        return f"随机码 / random code: {rev.code} ({state})"

    return _run_op(args, action)


def _mark_paid(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.sandbox import ops

    return _run_op(args, lambda ctx: "申请状态 / application is now: "
                   + _state(ops.mark_paid(ctx, args.application).status))


def _approve(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.portal.models import ApprovalRequest
    from cgn_seal_desktop.sandbox import ops

    def action(ctx: Ctx) -> str:
        app = ops.approve(ctx, args.application,
                          ApprovalRequest(courier=args.courier, tracking_number=args.tracking))
        assert app.shipping is not None
        return (f"审核通过 / approved; 证书序列号 / certificate serial {app.certificate_serial}; "
                f"{app.shipping.courier} {app.shipping.tracking_number}")

    return _run_op(args, action)


def _reject(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.portal.models import MaterialKind, RejectionRequest
    from cgn_seal_desktop.sandbox import ops

    req = RejectionRequest(reason=args.reason, redo_materials=[MaterialKind(k) for k in args.redo])
    return _run_op(args, lambda ctx: "申请状态 / application is now: "
                   + _state(ops.reject(ctx, args.application, req).status))


def _issue_cert(args: argparse.Namespace) -> int:
    from cgn_seal_desktop.fsutil import atomic_write_bytes
    from cgn_seal_desktop.sandbox import ops
    from cgn_seal_desktop.sandbox.labels import SANDBOX_MARK

    if args.password_env:
        password = os.environ.get(args.password_env, "")
    else:
        password = getpass.getpass("PKCS#12 密码 / password: ")
    if len(password) < 4:
        print("密码至少 4 个字符 / password must have at least 4 characters", file=sys.stderr)
        return 1

    def action(ctx: Ctx) -> str:
        data = ops.issue_test_certificate(ctx, args.application, password)
        atomic_write_bytes(args.out, data, overwrite=False)
        return (f"已写入 / wrote {args.out}（{SANDBOX_MARK}：测试CA签发，不受信任，仅供沙箱使用 / "
                "test CA — NOT trusted; for sandbox use only)")

    try:
        return _run_op(args, action)
    except FileExistsError:
        print(f"{args.out} 已存在，请换一个文件名 / {args.out} exists; choose another file",
              file=sys.stderr)
        return 1
