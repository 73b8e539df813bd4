"""The SKF tests use the software SKF UKEY of ``tests/softskf.py`` (fixtures ``softskf`` and
``skf_device``, registered session-wide by ``tests/conftest.py``)."""

from tests.softskf import ORG, PIN, SoftSkf

__all__ = ["ORG", "PIN", "SoftSkf"]
