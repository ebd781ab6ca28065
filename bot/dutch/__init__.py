"""The Dutch language: text normalisation, date reading, date formatting, and spotting a
message in English."""
