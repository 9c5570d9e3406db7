"""Lengths in PDF points (ReportLab's own constants carry no type information)."""

mm: float = 72 / 25.4
