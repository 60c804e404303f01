"""riwaya — who said what, through whom: provenance, framing and contradictions in Arabic news."""

__version__ = "0.1.0"
