"""One turn of the personal-deadline conversation: a pure function of (state, message, today).

The Rasa actions only translate: they pass the slot `case`, the text and the intent in, and
send the replies and the new state back. So the whole dialogue is testable without Rasa.

The flow: find the first sick day (or the periods that add up), echo it and ask "klopt dat?",
ask the follow-up questions the answer needs (role; for spoor 2 the eerstejaarsevaluatie, the
start of spoor 2 and the arbeidsdeskundige; each can be skipped), then answer with the deadline
engine. Questions that only refine an answer come after it: whether a step whose deadline has
passed was done (Ja/Nee; the answer is kept as a fact and the answer is given again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from bot.conversation import replies, special_cases
from bot.conversation.case_facts import STEP_DATE_FACTS
from bot.conversation.corrections import corrected
from bot.conversation.focus import NOW, OVERVIEW, SPOOR2_CHECK, asks_for_a_date, requested_focus
from bot.conversation.period_merge import Merged, merge, read_periods, without
from bot.conversation.personal_answers import PAY_END, personal_reply
from bot.conversation.reading import MessageReading
from bot.conversation.state import (
    AWAIT_CONFIRM,
    AWAIT_EJE,
    AWAIT_GEEN_TERUGKEER,
    AWAIT_ROLE,
    AWAIT_SICK_DAY,
    AWAIT_SPOOR2,
    AWAIT_STEP_DONE,
    STEPS_DONE,
    STEPS_NOT_DONE,
    CaseState,
)
from bot.deadlines.engine import compute_timeline
from bot.deadlines.model import Milestone, SickPeriod, Timeline
from bot.deadlines.periods import build_case
from bot.deadlines.rules import fact, milestone_texts
from bot.deadlines.validation import (
    TimelineInputError,
    facts_to_query,
    parse_timeline_request,
)
from bot.dutch.dates import DateFound, DateUnclear, NoDate, Period
from bot.faq.answers import SKIP_ROLE, Reply, suggestion_buttons
from bot.intents import Intent
from bot.knowledge.base import knowledge
from bot.roles import WERKGEVER, WERKNEMER

INFORM_SICK_DAY, ASK_OVERVIEW, RESTART = Intent.INFORM_SICK_DAY, Intent.ASK_OVERVIEW, Intent.RESTART
AFFIRM, DENY, SKIP = Intent.AFFIRM, Intent.DENY, Intent.SKIP
# Intents that can be an answer to a question of ours rather than a new topic.
ANSWER_INTENTS = {
    AFFIRM,
    DENY,
    SKIP,
    Intent.INFORM_ROLE,
    Intent.NOT_UNDERSTOOD,
    Intent.OUT_OF_SCOPE,
}

_SICK_WORDS = re.compile(r"\bziek|ziektedag|ziekmelding|arbeidsongeschikt", re.IGNORECASE)
# A date with holiday or leave and no word of sickness is about leave, even when DIET takes it
# for a first sick day: "mag ik op 14 oktober 12 dagen vakantie opnemen?"
_LEAVE_WORDS = re.compile(r"\b(vakantie\w*|verlof\w*|vrije dag(en)?|snipperdag(en)?)\b", re.I)
_YES = re.compile(r"^\s*(ja|jazeker|jawel|klopt|dat klopt|correct|yes|ok[eé]?|prima)\b", re.I)
_NO = re.compile(r"^\s*(nee|neen|nope|klopt niet|niet juist|fout)\b", re.I)
# "Wat bedoel je?" after a question of ours: ask it again in other words.
_WHAT_DO_YOU_MEAN = re.compile(
    r"^\W*(en\s+|maar\s+|eh+\s+|sorry,?\s+)?((wat|hoe)\s+bedoel\s+je|wat\s+bedoel\s+je\s+daarmee"
    r"|wat\s+betekent\s+dat|wat\s+vraag\s+je|welke\s+vraag|ik\s+snap\s+(de\s+vraag|het|dat)\s+niet"
    r"|ik\s+begrijp\s+(de\s+vraag|het|dat|je)\s+niet|snap\s+ik\s+niet|begrijp\s+ik\s+niet|huh)\W*$",
    re.IGNORECASE,
)
# "wat wordt dan de laatste dag?" after an answer: the same question again, with the facts
# told since (a loonsanctie, a late WIA-aanvraag). It names no step, only "then" and a date.
_SAME_QUESTION_AGAIN = re.compile(
    r"^(?=.*\?)(?=.*\bdan\b)(?=.*(\bwanneer\b|\b(laatste|welke) dag\b|\b(eind)?datum\b|"
    r"\bwat wordt (het|dat)\b))",
    re.IGNORECASE,
)
_SKIP = re.compile(r"sla (dit |die |deze )?(vraag )?over|weet ik niet|geen idee|overslaan", re.I)

# Questions asked before the answer, for the questions whose answer needs them. The overview
# and "wat moet ik nu doen?" are answered first and refined after (issue 19, point 5).
FOLLOW_UP_FOCUSES = {
    AWAIT_ROLE: {SPOOR2_CHECK, OVERVIEW, NOW},
    AWAIT_EJE: {SPOOR2_CHECK, "spoor2_uiterlijk"},
    AWAIT_SPOOR2: {SPOOR2_CHECK},
    AWAIT_GEEN_TERUGKEER: {SPOOR2_CHECK, "spoor2_uiterlijk"},
}
# Questions that refine the advice, not the date: asked after the answer (issue 19, point 5).
ASKED_AFTER_ANSWER = {AWAIT_GEEN_TERUGKEER}
# The step a date question is about: "nee" to it is kept as "not done", "ja" without a date
# as "done".
QUESTION_STEPS = {AWAIT_EJE: "eerstejaarsevaluatie", AWAIT_SPOOR2: "spoor2_uiterlijk"}
# Questions that ask for the date of a fact; the question's name is the fact's name.
QUESTION_FACTS = (AWAIT_EJE, AWAIT_SPOOR2, AWAIT_GEEN_TERUGKEER)
# Steps with a date fact; "ja" asks for the date when the date changes the answer (the spoor 2
# deadline, a late start of spoor 2, the end of pay after a late WIA-aanvraag).
STEP_DATES = STEP_DATE_FACTS
DATE_CHANGES_ANSWER = {"eerstejaarsevaluatie", "spoor2_uiterlijk", "wia_aanvraag"}
# Overdue steps a refining question may ask about: the most urgent ones only.
ASK_ABOUT_FIRST = 2


@dataclass(frozen=True)
class Message:
    text: str
    intent: Intent | None
    role: str | None  # what we know of the user's role (slot, button or this message)
    today: date
    # The text as read for the routing of this turn (bot.turn), so the dialogue does not read
    # it again; used only when it is of this text, day and case state.
    reading: MessageReading | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class TurnResult:
    replies: list[Reply]
    state: CaseState
    role: str | None


def read_message(state: CaseState, text: str, today: date) -> MessageReading:
    """The message as the conversation reads it, with what the case knew before it. Cheap:
    each part of the text is read when first needed (bot.conversation.reading)."""
    awaited = STEP_DATES.get(state.step or "") if state.awaiting == AWAIT_STEP_DONE else None
    if state.awaiting in QUESTION_FACTS:
        awaited = state.awaiting
    month = _month(state.month_hint)
    return MessageReading(text, today, case_start(state), pending_step(state), month, awaited)


def claims_turn(state: CaseState, text: str, intent: Intent | None, today: date) -> bool:
    """Does this message belong to the personal-deadline conversation?"""
    return claims_message(state, read_message(state, text, today), intent)


def claims_message(state: CaseState, reading: MessageReading, intent: Intent | None) -> bool:
    """`claims_turn` for a message already read (``read_message``)."""
    text = reading.text
    if intent in (ASK_OVERVIEW, RESTART):
        return True
    if correcting(state, reading):  # "nee, 2025" about the date just given
        return True
    if state.awaiting and _WHAT_DO_YOU_MEAN.search(text):
        return True
    if asks_same_question_again(state, reading):
        return True
    has_date = reading.names_a_date  # without task time: "wat moet ik vandaag doen?"
    if intent == INFORM_SICK_DAY and (
        state.awaiting or (has_date and not about_leave(state, text))
    ):
        return True
    if state.awaiting and (intent in ANSWER_INTENTS or has_date):
        return True
    if state.known and has_date and _NO.search(text):  # "nee, van 3 maart tot 25 april"
        return True
    if states_facts(reading):  # "er is een loonsanctie van 12 weken opgelegd"
        return True
    if intent in (AFFIRM, DENY, SKIP):
        return False
    if reading.focus and reading.asks_date:
        # "tot wanneer moeten we doorbetalen?" needs a first sick day; with a loonsanctie in
        # the question it can only be about this case.
        return state.known or has_date or bool(reading.facts.facts)
    return has_date and bool(_SICK_WORDS.search(text))


def about_leave(state: CaseState, text: str) -> bool:
    """A first message about holiday or leave that names no sickness (see _LEAVE_WORDS)."""
    return not state.known and bool(_LEAVE_WORDS.search(text)) and not _SICK_WORDS.search(text)


def asks_same_question_again(state: CaseState, reading: MessageReading) -> bool:
    """ "wat wordt dan de laatste dag?" after an answer about this case, naming no step."""
    return (
        state.known
        and state.answered is not None
        and reading.focus is None
        and bool(_SAME_QUESTION_AGAIN.search(reading.text))
    )


def states_facts(reading: MessageReading) -> bool:
    """Does the message tell a fact of the case (not ask about one)? It is kept, and the last
    question is answered again with it."""
    if "?" in reading.dates_text:
        return False
    return bool(reading.facts.facts or reading.facts.steps)


def pending_step(state: CaseState) -> str | None:
    """The one step with a date fact that the user said was not done yet and has no date:
    what "hij heeft hem alsnog verstuurd" refers to."""
    pending = [
        step
        for step in state.steps(STEPS_NOT_DONE)
        if step in STEP_DATES and STEP_DATES[step] not in state.facts
    ]
    return pending[0] if len(pending) == 1 else None


# While waiting for these (or for nothing), "nee, 2025" corrects the sick days just given.
CORRECTABLE = (None, AWAIT_CONFIRM, AWAIT_ROLE, AWAIT_SICK_DAY)


def correcting(state: CaseState, reading: MessageReading) -> bool:
    """Is the message a short correction of the year or day of the dates just given?"""
    return bool(state.given) and state.awaiting in CORRECTABLE and reading.correction is not None


def faq_hint(state: CaseState, text: str) -> tuple[str | None, CaseState]:
    """After a general FAQ answer to "wanneer moet spoor 2 starten?": offer to compute the
    date, and remember the question for when the first sick day comes."""
    focus = requested_focus(text)
    if state.known or focus is None or not asks_for_a_date(text):
        return None, state
    return replies.HINT_GIVE_SICK_DAY, replace(state, focus=focus)


def handle_turn(state: CaseState, message: Message) -> TurnResult:
    if message.intent == RESTART:
        return TurnResult(
            [{"text": replies.RESTARTED}], CaseState(awaiting=AWAIT_SICK_DAY), message.role
        )
    reading = read_message(state, message.text, message.today)
    if message.reading == reading:  # read for this turn's routing already: use those parts
        reading = message.reading
    focus, dated = reading.focus, reading.asks_date
    if asks_same_question_again(state, reading):
        focus, dated = state.answered, True
    # Dates are read without the time words of a task question ("wat moet ik vandaag doen?").
    message = replace(message, text=reading.dates_text, reading=reading)
    mentioned = reading.facts
    cases = [c for c in [*known_cases(state), *mentioned.cases] if c in special_cases.BY_ID]
    noticed = {SPECIAL_CASES: list(dict.fromkeys(cases))} if cases else {}
    state = replace(state, facts={**state.facts, **mentioned.facts, **noticed})
    for step, done in mentioned.steps.items():  # "spoor 2 is nog niet gestart"
        state = state.with_step(step, done)
    if focus and dated:
        state = replace(state, focus=focus)
    else:
        focus = None
        if state.known and not state.awaiting and (mentioned.facts or mentioned.steps):
            # A fact told after an answer: that answer again, with the fact; "spoor 2 is nog
            # niet gestart": whether spoor 2 is late, with the fact.
            spoor2_told = "spoor2_uiterlijk" in mentioned.steps
            state = replace(state, focus=SPOOR2_CHECK if spoor2_told else state.answered)
    if message.intent == ASK_OVERVIEW and focus is None:
        # "Alle termijnen" (or "wat moet ik wanneer doen?" without a known focus word).
        state = replace(state, focus=OVERVIEW)
        focus = OVERVIEW
    return _Turn(state, message, reading, asked_now=focus is not None).run()


class _Turn:
    """The steps of one turn; each returns a TurnResult when it has the last word."""

    def __init__(
        self, state: CaseState, message: Message, reading: MessageReading, asked_now: bool
    ) -> None:
        self.state = state
        self.message = message
        self.reading = reading
        mentioned = self.mentioned = reading.facts
        self.asked_now = asked_now  # the message itself asks a personal question
        # A fact told on its own, not as an answer ("spoor 2 is nog niet gestart"): the answer
        # with it comes without questions first (issue 19, point 5).
        self.told_only = not asked_now and state.awaiting is None and self.tells_facts()
        self.role = message.role if message.role != SKIP_ROLE else None
        self.intro: list[str] = []
        # "Genoteerd: …" before the answer, first for the steps the message says were (not) done.
        self.noted: list[Reply] = [
            {"text": replies.noted_step(step, done)} for step, done in mentioned.steps.items()
        ]
        self.assumed: list[str] = []  # "Ik reken met 15 januari 2025; …" for an approximate day

    def done(self, *reply: Reply) -> TurnResult:
        return TurnResult(list(reply), self.state, self.role)

    def run(self) -> TurnResult:
        awaiting = self.state.awaiting
        if awaiting and _WHAT_DO_YOU_MEAN.search(self.message.text):
            candidate = _periods(self.state.candidate)
            return self.done(replies.explained_question(awaiting, self.state.step, candidate))
        if correcting(self.state, self.reading):
            result = self.on_correction()
        elif awaiting == AWAIT_CONFIRM:
            result = self.on_confirm()
        elif awaiting == AWAIT_ROLE:
            result = self.on_role()
        elif awaiting in QUESTION_FACTS:
            result = self.on_date_question(awaiting)
        elif awaiting == AWAIT_STEP_DONE:
            result = self.on_step_done()
        else:
            result = self.on_sick_days()
        return result or self.progress()

    # --- answers to our questions -------------------------------------------------

    def on_confirm(self) -> TurnResult | None:
        text, intent = self.message.text, self.message.intent
        found = self.read_periods()
        if isinstance(found, Merged) and not self.mentioned.date_used:
            return self.confirm(found)
        if isinstance(found, DateUnclear):
            self.state = replace(self.state, awaiting=AWAIT_SICK_DAY, candidate=())
            return self.done({"text": found.question})
        if intent == DENY or _NO.search(text):
            self.state = replace(self.state, awaiting=AWAIT_SICK_DAY, candidate=())
            return self.done({"text": replies.ASK_CORRECT_DATE})
        if intent == AFFIRM or _YES.search(text):
            # A period added to (or corrected in) a case already answered: answer the last
            # question again with it.
            focus = self.state.focus or (self.state.answered if self.state.known else None)
            self.state = replace(
                self.state, periods=self.state.candidate, candidate=(), awaiting=None, focus=focus
            )
            self.intro.extend(replies.gap_lines(_periods(self.state.periods)))
            return None
        return self.done({"text": replies.CONFIRM_AGAIN, "buttons": [replies.YES, replies.NO]})

    def on_role(self) -> TurnResult | None:
        if self.message.role in (WERKNEMER, WERKGEVER):
            self.role = self.message.role
        self.state = self.state.asked_about(AWAIT_ROLE)
        return self.on_sick_days() if self.reading.names_a_date else None

    def on_date_question(self, awaiting: str) -> TurnResult | None:
        text, intent = self.message.text, self.message.intent
        step = QUESTION_STEPS.get(awaiting)
        if intent == SKIP or _SKIP.search(text):
            if step is not None and self.state.answered_yes:  # "ja", then no date
                self.state = self.state.with_step(step, done=True)
            self.state = self.state.asked_about(awaiting)
            return None
        found = self.reading.awaited_date  # of the fact `awaiting` (read_message)
        if isinstance(found, DateFound):
            self.state = self.state.with_fact(awaiting, found.value.isoformat()).asked_about(
                awaiting
            )
            return None
        if isinstance(found, DateUnclear):
            return self.done(replies.with_skip(found.question))
        if intent == DENY or _NO.search(text):
            if step is not None:  # "nee, nog niet": a fact, never asked again
                self.state = self.state.with_step(step, done=False)
            self.state = self.state.asked_about(awaiting)
            return None
        if intent == AFFIRM or _YES.search(text):
            self.state = replace(self.state, answered_yes=True)
            return self.done(replies.with_skip(replies.WHICH_DATE))
        if self.asked_now or self.tells_facts():  # a question or a fact instead: go on
            self.state = self.state.asked_about(awaiting)
            return None
        return self.done(replies.with_skip(replies.NO_DATE_IN_ANSWER))

    def on_step_done(self) -> TurnResult | None:
        """The answer to "Is de WIA-aanvraag al ingediend?" (Ja/Nee, or the date)."""
        step = self.state.step
        text, intent = self.message.text, self.message.intent
        if step is None or step not in milestone_texts():
            self.state = replace(self.state, awaiting=None, step=None)
            return None
        asked = f"{AWAIT_STEP_DONE}:{step}"
        if intent == SKIP or _SKIP.search(text):
            if self.state.answered_yes:
                self.note_step(step, done=True)
            self.state = self.state.asked_about(asked)
            return None
        date_fact = STEP_DATES.get(step)
        if date_fact is not None:
            found = self.reading.awaited_date  # of `date_fact` (read_message)
            if isinstance(found, DateFound):
                self.state = self.state.with_fact(date_fact, found.value.isoformat())
                self.state = self.state.asked_about(asked)
                self.noted.append({"text": replies.noted_date(step, found.value)})
                return None
            if isinstance(found, DateUnclear):
                return self.done(replies.with_skip(found.question))
        if self.tells_other_step(step):  # "ok, ik heb de WIA-aanvraag vandaag ingediend"
            self.state = self.state.asked_about(asked)
            return None
        if intent == DENY or _NO.search(text):
            self.note_step(step, done=False)
            self.state = self.state.asked_about(asked)
            return None
        if intent == AFFIRM or _YES.search(text):
            if step in DATE_CHANGES_ANSWER and not self.state.answered_yes:
                self.state = replace(self.state, answered_yes=True)
                return self.done(replies.with_skip(replies.WHICH_DATE))
            self.note_step(step, done=True)
            self.state = self.state.asked_about(asked)
            return None
        if self.asked_now or self.tells_facts():  # a question or a fact instead: go on
            self.state = self.state.asked_about(asked)
            return None
        return self.done(replies.step_done_question(step, again=True))

    def tells_other_step(self, step: str) -> bool:
        """Does the message tell about another step than the one asked about?"""
        told = {*self.mentioned.steps, *self.mentioned.facts}
        return bool(told - {step, STEP_DATES.get(step)})

    def tells_facts(self) -> bool:
        return bool(self.mentioned.facts or self.mentioned.steps)

    def note_step(self, step: str, done: bool) -> None:
        self.state = self.state.with_step(step, done)
        noted: Reply = {"text": replies.noted_step(step, done)}
        if noted not in self.noted:  # the message itself may have said so already
            self.noted.append(noted)

    # --- the first sick day -------------------------------------------------------

    def on_sick_days(self) -> TurnResult | None:
        if self.mentioned.date_used:
            return None if self.state.known else self.ask_sick_day()
        if self.state.known and self.asked_now and not _SICK_WORDS.search(self.reading.sick_text):
            return None  # "krijg ik na 31 december nog loon?": that date is no sick day
        found = self.read_periods()
        if isinstance(found, Merged):
            if self.asked_now:  # "ik ben sinds 5 januari ziek, wanneer moet …": use it at once
                self.use_periods(found)
                return None
            return self.confirm(found)
        if isinstance(found, DateUnclear):
            self.state = replace(self.state, awaiting=AWAIT_SICK_DAY)
            return self.done({"text": found.question})
        if self.message.intent == SKIP and self.state.awaiting == AWAIT_SICK_DAY:
            self.state = replace(self.state, awaiting=None, focus=None)
            return self.done({"text": replies.NO_SICK_DAY_NO_DATES})
        if self.state.known:
            return None
        if self.state.awaiting == AWAIT_SICK_DAY and self.message.intent != ASK_OVERVIEW:
            return self.done({"text": replies.NO_DATE_FOUND})
        return self.ask_sick_day()

    def ask_sick_day(self) -> TurnResult:
        self.state = replace(self.state, awaiting=AWAIT_SICK_DAY)
        kept = self.tells_facts() and not self.asked_now  # a fact told before the sick day
        return self.done(
            {
                "text": f"{replies.FACT_KEPT} {replies.ASK_SICK_DAY}"
                if kept
                else replies.ASK_SICK_DAY
            }
        )

    def read_periods(self) -> Merged | DateUnclear | NoDate:
        """The sick periods of the message, added to those known (or waiting for "klopt
        dat?"). After "nee, …" they replace what the previous message gave."""
        state, today, reading = self.state, self.message.today, self.reading
        known = _periods(state.candidate if state.awaiting == AWAIT_CONFIRM else state.periods)
        everyday, first = reading.everyday, reading.sick_days
        correcting_dates = state.awaiting == AWAIT_SICK_DAY and state.given  # after "nee"
        if _NO.search(reading.sick_text) or self.message.intent == DENY or correcting_dates:
            given = _periods(state.given)
            found = read_periods(everyday.text, today, without(known, given), given, first)
        else:
            found = read_periods(everyday.text, today, known, found=first)
        if isinstance(found, DateUnclear):
            month = reading.named_month  # "in januari 2025": then "de 15e" is in januari
            hint = f"{month[0]}-{month[1]:02d}" if month else None
            self.state = replace(self.state, month_hint=hint)
        elif isinstance(found, Merged):
            self.state = replace(self.state, month_hint=None)
            days = [
                day
                for p in found.given
                for day in (p.start, p.end)
                if day is not None and (day.day, day.month) in everyday.assumed
            ]
            self.assumed = [replies.assumed_line(days)] if days else []
        return found

    def on_correction(self) -> TurnResult | None:
        """ "nee, 2025" or "de 5e bedoel ik": the dates just given, with that year or day.
        Waiting for "klopt dat?": ask it again; otherwise answer the last question again."""
        correction = self.reading.correction
        given = _periods(self.state.given)
        fixed = corrected(given, correction) if correction is not None else None
        if fixed is None:
            return self.done({"text": replies.CORRECTION_UNCLEAR})
        today = self.message.today
        if any(d is not None and d > today for p in fixed for d in (p.start, p.end)):
            return self.done({"text": replies.CORRECTION_IN_FUTURE})
        confirming = self.state.awaiting == AWAIT_CONFIRM
        known = _periods(self.state.candidate if confirming else self.state.periods)
        merged = merge(without(known, given), fixed)
        if confirming or not self.state.known:
            return self.confirm(merged)
        self.use_periods(merged)
        self.state = replace(self.state, focus=self.state.answered)
        return None

    def confirm(self, merged: Merged) -> TurnResult:
        self.state = replace(
            self.state,
            candidate=_iso(merged.periods),
            given=_iso(merged.given),
            awaiting=AWAIT_CONFIRM,
        )
        return self.done(replies.confirm_reply(merged.periods, self.assumed))

    def use_periods(self, merged: Merged) -> None:
        self.state = replace(
            self.state,
            periods=_iso(merged.periods),
            given=_iso(merged.given),
            candidate=(),
            awaiting=None,
        )
        self.intro.append(replies.used_dates_line(merged.periods))
        self.intro.extend(self.assumed)

    # --- the answer -----------------------------------------------------------------

    def progress(self) -> TurnResult:
        if not self.state.known:
            return self.ask_sick_day()
        timeline = compute(self.state, self.message.today)
        if isinstance(timeline, TimelineInputError):
            return self.input_problem(timeline)
        focus = self.state.focus or OVERVIEW
        question = self.next_question(focus, timeline)
        if question is not None and question not in ASKED_AFTER_ANSWER and self.told_only:
            question = None
        if question is not None and question not in ASKED_AFTER_ANSWER:
            self.state = replace(self.state, awaiting=question)
            return self.done(*self.noted, *self.intro_reply(), replies.follow_up_question(question))
        wia_applies = timeline.milestone("wia_aanvraag") is not None  # lapses at the AOW age
        tip = replies.role_tip(self.role, wia_applies)
        notes = [tip] if tip and focus in (SPOOR2_CHECK, OVERVIEW) else []
        cases = known_cases(self.state)
        facts = self.state.facts
        reply = personal_reply(
            timeline,
            None if focus == OVERVIEW else focus,
            self.intro,
            notes,
            cautions=special_cases.cautions(cases, facts),
            source_ids=[
                *special_cases.source_ids(cases, facts),
                *(replies.role_tip_sources(self.role, wia_applies) if notes else ()),
            ],
            role=self.role,
        )
        reply["custom"]["calendar_query"] = calendar_query(self.state)
        buttons = [
            *([replies.ALL_DEADLINES] if focus == NOW else []),
            *suggestion_buttons(knowledge(), special_cases.faq_ids(cases)),
        ]
        if buttons:
            reply["buttons"] = buttons
        if question is not None:  # answer first, then the question; the focus stays
            self.state = replace(self.state, focus=focus, awaiting=question, answered=focus)
            return self.done(*self.noted, reply, replies.follow_up_question(question))
        refine = self.refining_step(focus, timeline)
        if refine is None:
            self.state = replace(self.state, focus=None, awaiting=None, answered=focus)
            return self.done(*self.noted, reply)
        # Answer first, then ask what would change it; the focus stays for the new answer.
        self.state = replace(
            self.state, awaiting=AWAIT_STEP_DONE, step=refine.id, answered_yes=False, answered=focus
        )
        return self.done(*self.noted, reply, replies.step_done_question(refine.id))

    def refining_step(self, focus: str, timeline: Timeline) -> Milestone | None:
        """An overdue step whose being done changes this answer and that nobody has told us
        about: for "wat moet ik nu doen?" the most urgent ones (done, there is nothing to
        repair; not done, it is late for sure), for the end of pay the WIA-aanvraag (a late
        one moves it). The overview and a single date say "nog niet gedaan? …" instead."""
        if focus == NOW:
            candidates = timeline.overdue_steps()[:ASK_ABOUT_FIRST]
        elif focus == PAY_END:
            candidates = [m for m in timeline.overdue_steps() if m.id == "wia_aanvraag"]
        else:
            candidates = []
        told = {*self.state.steps(STEPS_DONE), *self.state.steps(STEPS_NOT_DONE)}
        for milestone in candidates:
            if (
                milestone.id in told
                or f"{AWAIT_STEP_DONE}:{milestone.id}" in self.state.asked
                or milestone_texts()[milestone.id].done_question is None
                or _asked_before(self.state, milestone.id)
            ):
                continue
            return milestone
        return None

    def intro_reply(self) -> list[Reply]:
        return [{"text": line} for line in self.intro]

    def next_question(self, focus: str, timeline: Timeline) -> str | None:
        facts, asked = self.state.facts, self.state.asked
        eje = timeline.milestone("eerstejaarsevaluatie")
        wanted = {
            AWAIT_ROLE: self.role is None,
            AWAIT_EJE: eje is not None and eje.date <= self.message.today,
            AWAIT_SPOOR2: timeline.spoor2.status in ("achterstallig", "starten"),
            # Changes the advice only while spoor 2 is not yet late, started or excused.
            AWAIT_GEEN_TERUGKEER: timeline.spoor2.status in ("nog_niet_nodig", "starten"),
        }
        # A step the user already said was (not) done is not asked about again.
        told = {*self.state.steps(STEPS_DONE), *self.state.steps(STEPS_NOT_DONE)}
        for question, needed in wanted.items():
            if (
                needed
                and focus in FOLLOW_UP_FOCUSES[question]
                and question not in asked
                and question not in facts
                and QUESTION_STEPS.get(question) not in told
            ):
                return question
        return None

    def input_problem(self, error: TimelineInputError) -> TurnResult:
        fields = {e.field.split(".")[0].split("[")[0] for e in error.errors}
        period_fields = {"first_sick_day", "sick_periods", "reference_date"}
        if fields & period_fields:
            self.state = replace(self.state, periods=(), awaiting=AWAIT_SICK_DAY)
        else:  # a fact the user gave is wrong: forget it, keep the sick days
            self.state = replace(
                self.state, facts={k: v for k, v in self.state.facts.items() if k not in fields}
            )
        text = " ".join(e.message for e in error.errors)
        return self.done({"text": f"{text} Kun je het nog eens proberen?"})


def _asked_before(state: CaseState, step: str) -> bool:
    """The step was already the subject of a date question (answered or skipped)."""
    return any(QUESTION_STEPS.get(q) == step for q in state.asked)


SPECIAL_CASES = "special_cases"  # key in CaseState.facts: the special cases noticed so far


def known_cases(state: CaseState) -> list[str]:
    """Special cases noticed in this conversation (a pregnancy noticed before this
    version was stored as facts["zwanger"])."""
    cases = [str(c) for c in state.facts.get(SPECIAL_CASES) or []]
    if state.facts.get("zwanger") and special_cases.ZWANGER not in cases:
        cases.append(special_cases.ZWANGER)
    return cases


def case_start(state: CaseState) -> date | None:
    """The first sick day of the case, once known."""
    if not state.periods:
        return None
    try:
        periods = sorted(
            (
                SickPeriod(date.fromisoformat(start), date.fromisoformat(end) if end else None)
                for start, end in state.periods
            ),
            key=lambda p: p.start,
        )
        return build_case(periods, fact("days_samentellen_max_gap")).first_sick_day
    except (TypeError, ValueError, AssertionError):
        return None


def calendar_query(state: CaseState) -> dict[str, str]:
    """Query parameters of GET /api/timeline.ics for this case (the widget's agenda button)."""
    periods = ",".join(f"{start}..{end or ''}" for start, end in state.periods)
    facts = special_cases.engine_facts(state.facts, case_start(state))
    return {"sick_periods": periods, **facts_to_query(facts)}


def compute(state: CaseState, today: date) -> Timeline | TimelineInputError:
    raw: dict[str, Any] = {
        **special_cases.engine_facts(state.facts, case_start(state)),
        "sick_periods": [{"start": start, "end": end} for start, end in state.periods],
    }
    try:
        request = parse_timeline_request(raw, today)
    except TimelineInputError as error:
        return error
    return compute_timeline(request.periods, request.reference, request.facts)


def _periods(iso: tuple[tuple[str, str | None], ...]) -> tuple[Period, ...]:
    return tuple(
        Period(date.fromisoformat(start), date.fromisoformat(end) if end else None)
        for start, end in iso
    )


def _month(hint: str | None) -> tuple[int, int] | None:
    """ "2025-01" -> (2025, 1)."""
    try:
        year, month = (int(part) for part in (hint or "").split("-"))
    except ValueError:
        return None
    return (year, month) if 1 <= month <= 12 else None


def _iso(periods: tuple[Period, ...]) -> tuple[tuple[str, str | None], ...]:
    return tuple((p.start.isoformat(), p.end.isoformat() if p.end else None) for p in periods)
