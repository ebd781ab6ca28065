"""What one message mentions, read once per turn (issue 15, point 5).

The case conversation needs several readings of one text: the text without the time words
of a task question, the facts it tells (a loonsanctie in weeks, dated events, steps done),
the sick days, whether it names a date at all, the date that answers our open question, a
short correction ("nee, 2025"), and the personal date it asks for. `MessageReading` is that
one value. The routing (`claims_message`) and the dialogue step (`handle_turn`) take it
instead of the text, so they cannot read the same text differently.

Each part is read the first time it is needed and then kept: no part is read twice in a
turn, and a FAQ question does not pay for reading sick days it never needs. The reading
depends on what the conversation knew before the message (the first sick day, a step waiting
for its date, the month asked about, the fact our question asks for); those are its fields,
set by `bot.conversation.dialogue.read_message` from the case state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from bot.conversation.case_facts import MentionedFacts, mentioned_facts, read_fact_date
from bot.conversation.corrections import Correction, read_correction
from bot.conversation.focus import asks_for_a_date, requested_focus
from bot.conversation.sick_days import read_sick_periods
from bot.dutch.dates import DateParse, NoDate, PeriodsParse, without_task_time
from bot.dutch.dates.everyday import Everyday, everyday_dates, month_named


@dataclass(frozen=True)
class MessageReading:
    """One message as the case conversation reads it. Two readings are equal when they are
    of the same text, day and conversation context (the parts read so far do not count)."""

    text: str  # as the user typed it
    today: date
    earliest: date | None = None  # the first sick day, once known: no step lies before it
    pending: str | None = None  # the one undated step told "not done": what "hem" refers to
    month: tuple[int, int] | None = None  # (year, month) asked about: "de 15e" is in it
    awaited_fact: str | None = None  # the date fact our open question asks for

    @cached_property
    def dates_text(self) -> str:
        """The text without the time words of a task question: "wat moet ik vandaag doen?"
        names no sick day. Dates and facts are read from this text."""
        return without_task_time(self.text)

    @cached_property
    def focus(self) -> str | None:
        """The personal date the message asks about (bot.conversation.focus)."""
        return requested_focus(self.text)

    @cached_property
    def asks_date(self) -> bool:
        return asks_for_a_date(self.text)

    @cached_property
    def correction(self) -> Correction | None:
        """ "nee, 2025", "de 5e bedoel ik": a year or day that corrects the dates just given."""
        return read_correction(self.dates_text)

    @cached_property
    def facts(self) -> MentionedFacts:
        """The facts told (loonsanctie weeks, dated events, steps done, special cases)."""
        return mentioned_facts(self.dates_text, self.today, self.earliest, self.pending)

    @cached_property
    def sick_text(self) -> str:
        """The text to read sick days from: the dates of other facts blanked out."""
        return self.facts.sick_text or self.dates_text

    @cached_property
    def everyday(self) -> Everyday:
        """The sick-day text with everyday wording made plain ("begin maart": 1 maart)."""
        return everyday_dates(self.sick_text, self.today, self.month)

    @cached_property
    def sick_days(self) -> PeriodsParse:
        """The sick days as written (the reader's result, its question included); the
        dialogue merges them with the periods already known."""
        if self.month is None and self.sick_text == self.dates_text:
            return self._any_date  # the same text, read the same way
        return read_sick_periods(self.everyday.text, self.today)

    @cached_property
    def named_month(self) -> tuple[int, int] | None:
        """ "in januari 2025" without a day: the month a later "de 15e" falls in."""
        return month_named(self.sick_text, self.today)

    @cached_property
    def names_a_date(self) -> bool:
        """Does the message name a date at all, a sick day or the date of another fact?"""
        return not isinstance(self._any_date, NoDate)

    @cached_property
    def awaited_date(self) -> DateParse:
        """The date of the fact our open question asks for ("de eerstejaarsevaluatie was op
        12 mei"), or NoDate when no question waits for a date."""
        if self.awaited_fact is None:
            return NoDate()
        return read_fact_date(self.dates_text, self.today, self.awaited_fact, self.earliest)

    @cached_property
    def _any_date(self) -> PeriodsParse:
        """The whole text (other facts' dates included) read as sick days, without the month
        asked about. `sick_days` is this same reading when no text was blanked."""
        return read_sick_periods(everyday_dates(self.dates_text, self.today).text, self.today)
