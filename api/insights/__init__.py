"""The service's side of the insights: counting turns, votes and consented questions, and
their tables."""
