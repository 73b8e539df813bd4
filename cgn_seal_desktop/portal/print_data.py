"""What goes on the printed application form, from the wizard's server state (no Qt)."""

from __future__ import annotations

from cgn_seal_desktop.documents.models import ApplicationFormData
from cgn_seal_desktop.portal.models import Account, Application, ApplicationForm, OrgElements

__all__ = ["application_form_data"]


def application_form_data(account: Account, elements: OrgElements,
                          application: Application | None,
                          form: ApplicationForm | None = None) -> ApplicationFormData:
    """The 申请表 contents: organisation from the verified six elements, contact and mailing
    data from the application *form* (defaults to the application's saved form)."""
    f = form or (application.form if application is not None else ApplicationForm())
    resident = elements.legal_rep_id_type == "居民身份证"
    return ApplicationFormData(
        org_name=elements.org_name,
        uscc=elements.uscc,
        legal_rep_name=elements.legal_rep_name,
        legal_rep_id_number=elements.legal_rep_id_number if resident else "",
        agent_name=elements.operator_name,
        agent_id_number=elements.operator_id_number,
        agent_mobile=elements.operator_mobile,
        email=f.contact_email or account.email,
        address=f.mail_address or "",
        validity_years=f.validity_years or 1,
        application_no=f"SZCA-{application.id:08d}" if application is not None else "",
    )
