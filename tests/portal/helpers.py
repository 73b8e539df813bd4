"""Test data and small helpers shared by the portal and sandbox tests."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx

from cgn_seal_desktop.identifiers import id_check_char, uscc_check_char
from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.portal.models import (
    ApplicationForm,
    BankAccount,
    Invoice,
    OrgElements,
    RegisterRequest,
)

#: Monday 10:00 China time: working-day arithmetic below depends on it.
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
PASSWORD = "correct horse 42"


def uscc(first17: str = "91440300MA5DAB12C") -> str:
    return first17 + uscc_check_char(first17)


def resident_id(first17: str = "44030119900101123") -> str:
    return first17 + id_check_char(first17)


def register_request(username: str, company: str = "深圳市测试科技有限公司") -> RegisterRequest:
    return RegisterRequest(username=username, password=PASSWORD, company_name=company,
                           contact_name="张三", mobile="13800138000", email=f"{username}@e.cn")


def elements(org_name: str = "深圳市测试科技有限公司", **overrides: Any) -> OrgElements:
    data: dict[str, Any] = {
        "org_name": org_name, "uscc": uscc(), "legal_rep_name": "李四",
        "legal_rep_id_type": "居民身份证", "legal_rep_id_number": resident_id(),
        "operator_name": "李四", "operator_id_number": resident_id(),
        "operator_mobile": "13912345678",
    }
    data.update(overrides)
    return OrgElements(**data)


def bank(account_name: str = "深圳市测试科技有限公司") -> BankAccount:
    return BankAccount(bank_name="中国银行", branch_name="深圳福田支行", account_name=account_name,
                       account_number="7555 1234 5678 9012")


def full_form(**overrides: Any) -> ApplicationForm:
    data: dict[str, Any] = {
        "org_address": "深圳市南山区科技南十二路 18 号", "org_phone": "0755-88886666",
        "seal_name": "深圳市测试科技有限公司", "validity_years": 2, "contact_name": "张三",
        "contact_mobile": "13800138000", "contact_email": "zs@e.cn", "mail_recipient": "张三",
        "mail_mobile": "13800138000", "mail_address": "深圳市福田区深南大道 1 号",
    }
    data.update(overrides)
    return ApplicationForm(**data)


def invoice(title: str = "深圳市测试科技有限公司") -> Invoice:
    """发票 details of the test company (税号 = its unified social credit code)."""
    return Invoice(title=title, tax_id=uscc())


def pdf_bytes(text: str = "hello") -> bytes:
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


def png_bytes() -> bytes:
    """A real 1x1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"\x00\xff\xff\xff"
    out = io.BytesIO()
    out.write(b"\x89PNG\r\n\x1a\n")
    out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)))
    out.write(chunk(b"IDAT", zlib.compress(raw)))
    out.write(chunk(b"IEND", b""))
    return out.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class LossyTransport(httpx.HTTPTransport):
    """A real HTTP transport that drops the response of matching requests *times* times:
    the server has processed the request, the client sees a broken connection."""

    def __init__(self, should_drop: Callable[[httpx.Request], bool], times: int = 1) -> None:
        super().__init__()
        self.should_drop, self.remaining, self.dropped = should_drop, times, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if self.remaining > 0 and self.should_drop(request):
            response.read()
            response.close()
            self.remaining -= 1
            self.dropped += 1
            raise httpx.ReadError("connection reset after the server answered", request=request)
        return response


def verify(client: PortalClient, ops: httpx.Client, **element_overrides: str) -> int:
    uid = client.me().id
    client.submit_elements(elements(**element_overrides))
    client.start_identity()
    ops.post(f"/ops/api/suppliers/{uid}/identity/passed").raise_for_status()
    client.submit_bank_account(bank())
    client.enter_deposit_code(ops.post(f"/ops/api/suppliers/{uid}/deposit").json()["code"])
    return uid
