"""Time: month names of every system, date lines and metadata dates (full expressions: text layer)."""
