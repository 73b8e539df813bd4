"""Printable documents and the PDF model (no Qt).

Generated forms: :mod:`.application_form` (``render_application_form``),
:mod:`.seal_impression_page` (``render_seal_impression_page``), the data in :mod:`.models`
(``ApplicationFormData``), saving in :mod:`.output` (``save_pdf``). Nothing is imported here so
that the viewer's worker processes, which only need :mod:`.render`, stay light.
"""
