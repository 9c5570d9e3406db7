"""Outpost's performance suite: a seeded generator for a large clinic and the benchmarks
that report figures on it (not part of the test run). See benchmarks/README.md."""
