"""The sandbox tests reuse the portal fixtures (real server on loopback, manual clock)."""

from tests.portal.conftest import (  # noqa: F401  (fixtures are found by name)
    clock,
    make_client,
    ops_http,
    sandbox,
    sandbox_dir,
    supplier,
)
