"""The knowledge base: FAQ entries, facts and sources read from knowledge/, and the Rasa
training data generated from it."""
