"""The Poortwachter deadline engine: every milestone date from the sick periods of a case.

Pure functions of their inputs, including the reference date; no clock, no Rasa.
Specification: shared/spec/timeline.md.
"""

from bot.deadlines.engine import compute_timeline
from bot.deadlines.model import CaseFacts, SickPeriod, Timeline
from bot.deadlines.validation import TimelineInputError, parse_timeline_request

__all__ = [
    "CaseFacts",
    "SickPeriod",
    "Timeline",
    "TimelineInputError",
    "compute_timeline",
    "parse_timeline_request",
]
