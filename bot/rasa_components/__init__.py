"""Custom Rasa components. The only code in bot/ that imports Rasa; each wraps plain Python."""
