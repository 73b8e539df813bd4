"""Keep the benchmarks out of the default ``pytest`` run: nothing here is collected.

The suite is a script, ``python -m tests.benchmarks.run``; its modules are not tests.
"""

collect_ignore_glob = ["*.py"]
