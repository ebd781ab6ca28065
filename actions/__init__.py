"""Rasa SDK actions: thin translators between Rasa and the plain-Python core in bot/."""
