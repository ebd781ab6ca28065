"""What the assistant records for content owners (codes, never text), the admin figures, and
the scrubbing of questions kept with consent."""
