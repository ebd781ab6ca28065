"""Where the service meets Rasa's internals (kept small: Rasa Open Source is in maintenance)."""
