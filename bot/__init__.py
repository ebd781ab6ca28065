"""Plain-Python core of the Poortwachter assistant. Never imports Rasa."""
