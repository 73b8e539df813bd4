"""Benchmarks against the tools users would otherwise use (issue 7).

Run with ``python -m tests.benchmarks.run [--quick] [--json OUT]``; never part of ``pytest``.
"""
