"""``python -m cgn_seal_desktop`` is the same as the ``cgn-seal`` command."""

import sys

from cgn_seal_desktop.cli import main

sys.exit(main())
