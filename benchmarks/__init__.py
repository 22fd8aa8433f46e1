"""Benchmarks of DESIGN.md's targets; run them with ``python benchmarks/run.py``."""


class SkipBenchmark(Exception):
    """Raised by a benchmark that cannot run on this machine, with the reason."""
