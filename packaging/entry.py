"""PyInstaller entry point of both executables: ``cgn-seal-desktop`` (windowed), ``cgn-seal``.

``freeze_support`` must run first: the PDF viewer renders pages in "spawn" worker processes, and a
frozen executable is re-launched as such a worker.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from cgn_seal_desktop.cli import main

    sys.exit(main())
