"""What goes on the printed forms, from the wizard's server state (no Qt).

One source per printed value, so that no field is filled from a look-alike (the UKEY's mailing
address is not the organisation's address):

============================  ===============================================================
printed                       source
============================  ===============================================================
机构名称, 统一社会信用代码,   the verified six elements (:class:`~portal.models.OrgElements`)
法定代表人 (+ 证件号码),
经办人 姓名/证件号码/手机
机构地址, 单位电话,           the application form (:class:`~portal.models.ApplicationForm`)
印章名称, 有效期, 联系人,
联系邮箱, UKEY 邮寄信息
业务单号, test mark           the service (:class:`~portal.models.Application`), and the
                              built-in sandbox being in use
============================  ===============================================================
"""

from __future__ import annotations

from cgn_seal_desktop.documents.models import ApplicationFormData, AuthorisationLetterData
from cgn_seal_desktop.portal.materials import required_kinds
from cgn_seal_desktop.portal.models import (
    Account,
    Application,
    ApplicationForm,
    MaterialKind,
    OrgElements,
)
from cgn_seal_desktop.portal.validators import RESIDENT_ID

__all__ = ["application_form_data", "authorisation_letter_data", "needs_authorisation_letter",
           "test_marked"]


def test_marked(application: Application | None, sandbox: bool = False) -> bool:
    """True when printouts must carry the test mark: the built-in sandbox is in use, or the
    service says it is a test environment."""
    return sandbox or (application is not None and application.test_environment)


def needs_authorisation_letter(elements: OrgElements, application: Application | None) -> bool:
    """The 授权书 is needed: the service says so for this application, or (before there is
    one) the six elements show that the 经办人 is not the 法定代表人."""
    letter = MaterialKind.AUTHORISATION_LETTER
    if application is not None and application.required_materials:
        return letter in application.required_materials
    return letter in required_kinds(elements)


def application_form_data(account: Account, elements: OrgElements,
                          application: Application | None,
                          form: ApplicationForm | None = None, *,
                          sandbox: bool = False) -> ApplicationFormData:
    """The 申请表 contents (see the module's table for where each value comes from); *form*
    defaults to the application's saved form. *sandbox*: the built-in sandbox is in use."""
    f = form or (application.form if application is not None else ApplicationForm())
    legal_id = elements.legal_rep_id_number
    if legal_id and elements.legal_rep_id_type != RESIDENT_ID:
        legal_id = f"{elements.legal_rep_id_type}：{legal_id}"  # a passport number says so
    return ApplicationFormData(
        org_name=elements.org_name,
        uscc=elements.uscc,
        legal_rep_name=elements.legal_rep_name,
        legal_rep_id_number=legal_id,
        agent_name=elements.operator_name,
        agent_id_number=elements.operator_id_number,
        agent_mobile=elements.operator_mobile,
        email=f.contact_email or account.email,
        address=f.org_address or "",
        org_phone=f.org_phone or "",
        validity_years=f.validity_years or 1,
        application_no=application.reference if application is not None else "",
        seal_name=f.seal_name or "",
        contact_name=f.contact_name or "",
        contact_mobile=f.contact_mobile or "",
        mail_recipient=f.mail_recipient or "",
        mail_mobile=f.mail_mobile or "",
        mail_address=f.mail_address or "",
        test_mark=test_marked(application, sandbox),
    )


def authorisation_letter_data(elements: OrgElements, application: Application | None, *,
                              sandbox: bool = False) -> AuthorisationLetterData:
    """The 授权书 contents: everything from the verified six elements."""
    return AuthorisationLetterData(
        org_name=elements.org_name,
        uscc=elements.uscc,
        legal_rep_name=elements.legal_rep_name,
        legal_rep_id_type=elements.legal_rep_id_type,
        legal_rep_id_number=elements.legal_rep_id_number,
        agent_name=elements.operator_name,
        agent_id_number=elements.operator_id_number,
        agent_mobile=elements.operator_mobile,
        application_no=application.reference if application is not None else "",
        test_mark=test_marked(application, sandbox),
    )
