"""Executors: run the per-article stages over inputs and write the results to the store."""
