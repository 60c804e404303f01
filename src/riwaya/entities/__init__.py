"""Entities: the knowledge base, recognition (KB, rules, a trained CRF) and resolution across articles."""
