"""Claims: statements grouped across articles, the relation between two statements, contradictions and
independent origins."""
