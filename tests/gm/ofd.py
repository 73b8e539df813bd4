"""OFD packages (GB/T 33190) made here, and sealed the way Chinese seal tools do it.

:func:`make_ofd` writes a small valid OFD (OFD.xml, Document.xml, page contents with text);
:func:`seal_ofd` adds one seal: the list ``Doc_0/Signs/Signatures.xml`` (created or extended),
``Sign_N/Signature.xml`` with a Reference (SM3 CheckValue) for every file of the package, the
seal ``Seal.esl`` and ``SignedValue.dat`` — an SES_Signature (v1/v4) over SM3(Signature.xml),
or SM2 CMS over Signature.xml. ``protect_list=True`` also references Signatures.xml (ofdrw's
"whole protected" mode); the default leaves it out ("continue signing").
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import zipfile
from pathlib import Path

from cgn_seal_desktop.seal.gm import sm2
from tests.gm import cms as cmsb
from tests.gm import ses as sesb
from tests.gm.pki import Sm2Issued

NS = "http://www.ofdspec.org/2016"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _page(text: str) -> str:
    return (f'{HEAD}<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="10">'
            f'<ofd:TextObject ID="11" Boundary="20 20 170 20" Font="3" Size="5">'
            f'<ofd:TextCode X="0" Y="5">{text}</ofd:TextCode></ofd:TextObject>'
            f'</ofd:Layer></ofd:Content></ofd:Page>')


def make_ofd_files(pages: int = 2, text: str = "中广核电子商务平台 OFD 测试文件"
                   ) -> dict[str, bytes]:
    """The entries of an unsealed OFD package."""
    page_refs = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                        for i in range(pages))
    files = {
        "OFD.xml": (f'{HEAD}<ofd:OFD xmlns:ofd="{NS}" Version="1.1" DocType="OFD"><ofd:DocBody>'
                    f'<ofd:DocInfo><ofd:DocID>cgn-test</ofd:DocID></ofd:DocInfo>'
                    f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'),
        "Doc_0/Document.xml": (
            f'{HEAD}<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:MaxUnitID>100'
            f'</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>'
            f'</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
            f'<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>'),
        "Doc_0/PublicRes.xml": (f'{HEAD}<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
                                f'<ofd:Font ID="3" FontName="宋体"/></ofd:Fonts></ofd:Res>'),
    }
    for i in range(pages):
        files[f"Doc_0/Pages/Page_{i}/Content.xml"] = _page(f"{text} 第 {i + 1} 页")
    return {k: v.encode() for k, v in files.items()}


def write_zip(files: dict[str, bytes], path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return path


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def make_ofd(path: Path, pages: int = 2, text: str = "中广核电子商务平台 OFD 测试文件") -> Path:
    return write_zip(make_ofd_files(pages, text), path)


def seal_files(files: dict[str, bytes], signer: Sm2Issued, maker: Sm2Issued | None = None, *,
               kind: str = "ses-v4", page: int = 1, protect_list: bool = False,
               when: dt.datetime | None = None, seal: bytes | None = None,
               raw_signature: bool = False) -> dict[str, bytes]:
    """*files* with one more seal (kind ``ses-v1``, ``ses-v4``, ``ses-v5``, ``cms``, ``gm-cms``)."""
    files = dict(files)
    ofd_xml = files["OFD.xml"].decode()
    if "<ofd:Signatures>" not in ofd_xml:
        ofd_xml = ofd_xml.replace("</ofd:DocRoot>",
                                  "</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml"
                                  "</ofd:Signatures>")
        files["OFD.xml"] = ofd_xml.encode()
    list_path = "Doc_0/Signs/Signatures.xml"
    existing = files.get(list_path, f'{HEAD}<ofd:Signatures xmlns:ofd="{NS}"><ofd:MaxSignId>0'
                         '</ofd:MaxSignId></ofd:Signatures>'.encode()).decode()
    n = existing.count("<ofd:Signature ")
    entry = f'<ofd:Signature ID="{n + 1}" Type="Seal" BaseLoc="Sign_{n}/Signature.xml"/>'
    existing = existing.replace(f"<ofd:MaxSignId>{n}</ofd:MaxSignId>",
                                f"<ofd:MaxSignId>{n + 1}</ofd:MaxSignId>")
    files[list_path] = existing.replace("</ofd:Signatures>", entry + "</ofd:Signatures>").encode()
    sign_dir = f"Doc_0/Signs/Sign_{n}"
    refs = "".join(
        f'<ofd:Reference FileRef="/{name}"><ofd:CheckValue>'
        f'{base64.b64encode(sm2.sm3(data)).decode()}</ofd:CheckValue></ofd:Reference>'
        for name, data in sorted(files.items())
        if protect_list or name != list_path)
    when = when or dt.datetime.now(dt.UTC).replace(microsecond=0)
    is_ses = kind.startswith("ses")
    seal_xml = '<ofd:Seal><ofd:BaseLoc>Seal.esl</ofd:BaseLoc></ofd:Seal>' if is_ses else ""
    signature_xml = (
        f'{HEAD}<ofd:Signature xmlns:ofd="{NS}"><ofd:SignedInfo>'
        f'<ofd:Provider ProviderName="cgn-seal-tests" Company="CGN" Version="1.0"/>'
        f'<ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod>'
        f'<ofd:SignatureDateTime>{when.strftime("%Y-%m-%d %H:%M:%S")}</ofd:SignatureDateTime>'
        f'<ofd:References CheckMethod="1.2.156.10197.1.401">{refs}</ofd:References>'
        f'<ofd:StampAnnot ID="1" PageRef="{page}" Boundary="120 230 40 40"/>{seal_xml}'
        f'</ofd:SignedInfo><ofd:SignedValue>/{sign_dir}/SignedValue.dat</ofd:SignedValue>'
        f'</ofd:Signature>').encode()
    files[f"{sign_dir}/Signature.xml"] = signature_xml
    if is_ses:
        version = int(kind.rsplit("v", 1)[1])
        assert maker is not None, "an SES seal needs its maker"
        seal = seal or sesb.make_seal(maker, [signer], version=version)
        files[f"{sign_dir}/Seal.esl"] = seal
        files[f"{sign_dir}/SignedValue.dat"] = sesb.sign_seal(
            seal, signer, sm2.sm3(signature_xml), version=version, when=when,
            raw_signature=raw_signature, property_info=f"/{sign_dir}/Signature.xml")
    else:
        files[f"{sign_dir}/SignedValue.dat"] = cmsb.signed_data(
            signature_xml, [signer], family="gm" if kind == "gm-cms" else "pkcs7",
            raw_signature=raw_signature, signing_time=when)
    return files


def seal_ofd(src: Path, out: Path, signer: Sm2Issued, maker: Sm2Issued | None = None,
             **kwargs: object) -> Path:
    """Seal the OFD at *src* into *out* (see :func:`seal_files`)."""
    return write_zip(seal_files(read_zip(src), signer, maker, **kwargs), out)  # type: ignore[arg-type]
