"""One decision per message: what kind of reply it gets, and why.

This is the one place that answers "why did the assistant say this?". `decide` takes what
the NLU thinks of a message (`NluOpinions`) and what the conversation holds
(`ConversationState`) and returns an `Outcome`: the kind of reply, the FAQ entry or
out-of-scope category it is about, and a short `reason` code naming the signal that decided
and the threshold it passed (for example "keywords_out_of_scope>1.5"). The service logs the
kind and the reason of every turn (actions/turn.py), never the text.

The rules, in the order `decide` applies them:

1. "ik ben werkgever" (or a role button) while a FAQ answer waits for the role: that answer.
2. The personal-deadline conversation claims the message (bot.conversation.claims_message: a
   date where one was asked, "ja" to "klopt dat?", "en de WIA-aanvraag?"): its next step.
   The message is read once for this (`read_message`); the case step takes that reading.
3. Small talk (hallo, dank je, doei, wat kun je?), a role given with nothing waiting for it,
   and "ja", "nee" or "sla over" with no open question: a short fixed reply.
4. A FAQ button: that entry.
5. Otherwise the FAQ classifier chooses (`choose_faq_entry`): the scikit-learn model of
   bot/faq/classifier.py; its out-of-scope class and the keyword search (bot/faq/search.py)
   can veto. When the intent model (DIET) said "out of scope" or "not understood", an entry
   is answered only when the classifier is clearly sure of it. (Rasa's response selector was
   a second opinion until the classifier alone did as well on the development set; it was
   dropped to make training and start lighter, reports/nlu_tuning.md row 33.)
5a. Before the FAQ models: a message with no word the assistant has learned ("blorp xq9",
   an emoji) is "not understood", whatever DIET thinks; and "ik snap er niks van" (the user
   says they are lost) gets "not understood" with starter questions to choose from.
6. No entry: when a veto said "not a FAQ question" and the personal-deadline conversation
   waits for an answer, its next step (as for DIET's "out of scope" in rule 2); else the
   out-of-scope reply (with the category whose reply fits), or, when DIET did not understand
   the message, up to three suggested questions (or none, when nothing fits).

A message in English (bot/dutch/english.py) goes through these rules with a few keywords in Dutch;
when they do not make it a case step, it is "not understood" with a note in English.

One threshold is not here: Rasa's FallbackClassifier (config.yml, `threshold: 0.5`,
`ambiguity_threshold: 0.1`) turns an unsure intent into Intent.NOT_UNDERSTOOD before the turn
sees the message; that happens inside the trained model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum, auto

from bot.conversation import CaseState, MessageReading, claims_message, faq_hint, read_message
from bot.dutch.english import dutch_keywords, is_english
from bot.faq.answers import SKIP_ROLE
from bot.faq.classifier import OUT_OF_SCOPE, knows_a_word, rank
from bot.faq.search import out_of_scope_category, out_of_scope_lead, suggest_faq
from bot.intents import Intent
from bot.knowledge.base import knowledge
from bot.roles import detect_role


@dataclass(frozen=True)
class Thresholds:
    """Every threshold of the turn decision. The values are those tuned on the development
    set (reports/nlu_tuning.md); change one only with `make eval` before and after."""

    # DIET said "out of scope" or "not understood": the classifier answers from this
    # decision value on (the linear SVM's own boundary is 0). Grid 0.3 / 0.1 / 0 / -0.1 /
    # -0.2 gave the same development figures without the selector (tuning row 33); 0.3
    # keeps the margin it had with the selector (row 31).
    unsure_classifier_alone: float = 0.3
    # A classifier pick other than the answer, below this decision value, is noise: never
    # offered as a button, neither as the alternative under an answer nor as a suggestion.
    # On the development set (row 33) -0.2 puts a second button under 11 of 497 right
    # answers and offers the right entry under 8 of 19 wrong ones (-0.3: 29 and 9; 0: 4 and 3).
    classifier_pick: float = -0.2
    # The keyword search (BM25) vetoes a FAQ answer when the question matches the
    # out-of-scope examples better than any FAQ entry by more than this score. Leads of 1 to
    # 2 caught the same development questions and cost no FAQ question (tuning row 25).
    keyword_out_of_scope_lead: float = 1.5
    # Least BM25 score for an entry to be suggested after "not understood": below it the
    # match is one common word. Set with the keyword search, not tuned on the sets.
    keyword_suggestion: float = 1.0
    # Least BM25 score for an out-of-scope category to get its own reply (where to go for
    # holidays, salary, ...); below it the general out-of-scope reply. Not tuned.
    keyword_category: float = 0.5
    # At most this many suggested questions, of which at most `classifier_suggestions` come
    # from the classifier's ranking (then the keyword search's): a short list to choose
    # from, not a menu.
    max_suggestions: int = 3
    classifier_suggestions: int = 2


THRESHOLDS = Thresholds()

# Intents that DIET gives a message it does not take for a FAQ question, though it may be one.
UNSURE_INTENTS = frozenset({Intent.OUT_OF_SCOPE, Intent.NOT_UNDERSTOOD})

# "Ik snap er niks van", "ik begrijp het niet": the user is lost, not asking about something
# else. They get "not understood" with questions to start from.
LOST = re.compile(
    r"\b(snap|begrijp|volg)\b[^.?!]*\b(niks|niets|het niet|er niet|geen bal|geen snars)\b"
    r"|\bik snap het niet\b|\bik begrijp het niet\b"
)
# Where a lost user can start: what the law is for, its steps, and what spoor 1 is.
STARTER_ENTRIES = ("wet_doel", "stappenplan", "spoor1")


class Kind(Enum):
    """The kinds of reply a message can get."""

    CASE_STEP = auto()  # the next step of the personal-deadline conversation
    FAQ_ANSWER = auto()  # an entry's answer, with its sources
    ROLE_QUESTION = auto()  # the entry's answer depends on the role: ask it first
    SUGGESTIONS = auto()  # "not understood", with FAQ questions as buttons
    NOT_UNDERSTOOD = auto()  # "not understood", nothing to suggest
    OUT_OF_SCOPE = auto()  # outside this law: where to go instead
    SMALL_TALK = auto()  # a short fixed reply


class SmallTalk(Enum):
    GREET = auto()
    THANK = auto()
    GOODBYE = auto()
    CAPABILITIES = auto()  # what the assistant can do (also for a FAQ button that is gone)
    ROLE_NOTED = auto()  # a role given with no question waiting for it
    NOTHING_OPEN = auto()  # "ja", "nee" or "sla over" with no question open


SMALL_TALK_INTENTS = {
    Intent.GREET: SmallTalk.GREET,
    Intent.THANK: SmallTalk.THANK,
    Intent.GOODBYE: SmallTalk.GOODBYE,
    Intent.CAPABILITIES: SmallTalk.CAPABILITIES,
}


@dataclass(frozen=True)
class NluOpinions:
    """What the NLU thinks of one message."""

    text: str
    intent: Intent | None  # DIET's intent; None: not one of ours (treated as not understood)
    intent_confidence: float  # logged only: DIET's threshold is applied inside the model
    button_entry: str | None = None  # a FAQ entry chosen with a button
    button_role: str | None = None  # a role chosen with a button (SKIP_ROLE: skipped)


@dataclass(frozen=True)
class ConversationState:
    """What the conversation holds before this message."""

    today: date
    case: CaseState = field(default_factory=CaseState)
    role: str | None = None  # the role remembered from earlier in the chat
    pending_faq: str | None = None  # a FAQ entry waiting for the user's role


@dataclass(frozen=True)
class Outcome:
    """The decision for one message. `role` and `pending_faq` are what the conversation
    remembers afterwards (the case step sets the role itself)."""

    kind: Kind
    reason: str
    role: str | None = None  # the user's role for this reply (SKIP_ROLE: both variants)
    pending_faq: str | None = None
    entry: str | None = None  # FAQ_ANSWER and ROLE_QUESTION
    alternative: str | None = None  # FAQ_ANSWER: the classifier's next pick, as a button
    category: str | None = None  # OUT_OF_SCOPE: the category, None for the general reply
    small_talk: SmallTalk | None = None
    suggestions: tuple[str, ...] = ()  # SUGGESTIONS: entry ids, best first
    offer_personal_date: bool = False  # after a "wanneer …?" answer: offer to compute it
    forget_message: bool = False  # not understood: the message must not steer the dialogue
    # The message was in English: this is its text with a few keywords in Dutch
    # (bot/dutch/english.py), for the case conversation; the reply has a short English note.
    english_text: str | None = None
    # The message as the case conversation read it to decide (bot/conversation/reading.py):
    # the case step takes it over instead of reading the text again.
    reading: MessageReading | None = field(default=None, compare=False, repr=False)

    @property
    def remembered_role(self) -> str | None:
        return None if self.role == SKIP_ROLE else self.role


@dataclass(frozen=True)
class FaqChoice:
    entry: str | None
    reason: str
    out_of_scope: bool = False  # a veto said the question is outside this law


def choose_faq_entry(text: str, intent: Intent, thresholds: Thresholds = THRESHOLDS) -> FaqChoice:
    """The FAQ entry to answer with (or None), and why; `make eval` measures this function."""
    best = rank(text, limit=1)[0]
    if best.id == OUT_OF_SCOPE:
        return FaqChoice(None, "classifier_out_of_scope", out_of_scope=True)
    lead = thresholds.keyword_out_of_scope_lead
    if out_of_scope_lead(text) > lead:
        return FaqChoice(None, f"keywords_out_of_scope>{lead:g}", out_of_scope=True)
    if intent in UNSURE_INTENTS:
        alone = thresholds.unsure_classifier_alone
        if best.score >= alone:
            return FaqChoice(best.id, f"diet_unsure_classifier>={alone:g}")
        return FaqChoice(None, f"diet_unsure_classifier<{alone:g}")
    return FaqChoice(best.id, "classifier")


def decide(
    nlu: NluOpinions, state: ConversationState, thresholds: Thresholds = THRESHOLDS
) -> Outcome:
    """What kind of reply this message gets, and why (the rules in the module docstring).
    A message in English is decided on with a few keywords in Dutch; only the case
    conversation can answer it (the FAQ models know Dutch only)."""
    if not is_english(nlu.text):
        return _decide_dutch(nlu, state, thresholds)
    mapped = dutch_keywords(nlu.text)
    outcome = _decide_dutch(replace(nlu, text=mapped), state, thresholds)
    if outcome.kind is Kind.CASE_STEP:
        return replace(outcome, reason=f"english+{outcome.reason}", english_text=mapped)
    return Outcome(
        Kind.NOT_UNDERSTOOD, "english_not_a_case_step", outcome.role, state.pending_faq,
        forget_message=True, english_text=mapped,
    )  # fmt: skip


def _decide_dutch(nlu: NluOpinions, state: ConversationState, thresholds: Thresholds) -> Outcome:
    reading = read_message(state.case, nlu.text, state.today)  # read once for this turn
    return replace(_decide_read(nlu, state, thresholds, reading), reading=reading)


def _decide_read(
    nlu: NluOpinions, state: ConversationState, thresholds: Thresholds, reading: MessageReading
) -> Outcome:
    intent = nlu.intent or Intent.NOT_UNDERSTOOD
    role = nlu.button_role or detect_role(nlu.text) or state.role
    pending = state.pending_faq
    if intent is Intent.INFORM_ROLE and pending:
        return _answer(pending, role or SKIP_ROLE, "role_for_waiting_question")
    if claims_message(state.case, reading, intent):
        return Outcome(Kind.CASE_STEP, "dialogue_claims", role, pending)
    if intent in SMALL_TALK_INTENTS:
        talk = SMALL_TALK_INTENTS[intent]
        return Outcome(Kind.SMALL_TALK, "diet_intent", role, pending, small_talk=talk)
    if intent is Intent.INFORM_ROLE:
        return Outcome(Kind.SMALL_TALK, "role_given", role, small_talk=SmallTalk.ROLE_NOTED)
    if intent in (Intent.AFFIRM, Intent.DENY, Intent.SKIP):
        talk = SmallTalk.NOTHING_OPEN
        return Outcome(Kind.SMALL_TALK, "no_open_question", role, pending, small_talk=talk)
    if nlu.button_entry:
        return _answer(nlu.button_entry, role, "button")
    if not knows_a_word(nlu.text):
        if claims_message(state.case, reading, Intent.OUT_OF_SCOPE):
            # The dialogue waits for an answer ("xkcd" where a date was asked): it says so.
            return Outcome(Kind.CASE_STEP, "dialogue_awaits_answer+no_known_word", role, pending)
        return Outcome(Kind.NOT_UNDERSTOOD, "no_known_word", role, pending, forget_message=True)
    if LOST.search(nlu.text.lower()):
        suggestions = STARTER_ENTRIES[: thresholds.max_suggestions]
        return Outcome(
            Kind.SUGGESTIONS, "user_is_lost", role, pending, suggestions=suggestions,
            forget_message=True,
        )  # fmt: skip
    return _from_the_faq(nlu, state, intent, role, thresholds, reading)


def _from_the_faq(
    nlu: NluOpinions,
    state: ConversationState,
    intent: Intent,
    role: str | None,
    thresholds: Thresholds,
    reading: MessageReading,
) -> Outcome:
    """Rules 5 and 6: what the FAQ models make of the message."""
    choice = choose_faq_entry(nlu.text, intent, thresholds)
    offer = faq_hint(state.case, nlu.text)[0] is not None
    if choice.entry is not None:
        outcome = _answer(choice.entry, role, choice.reason)
        if outcome.kind is Kind.FAQ_ANSWER:
            outcome = replace(outcome, alternative=_alternative(choice.entry, nlu, thresholds))
        return replace(outcome, offer_personal_date=offer)
    pending = state.pending_faq
    if choice.out_of_scope and claims_message(state.case, reading, Intent.OUT_OF_SCOPE):
        # Vetoed as no FAQ question while the dialogue waits for an answer ("xkcd" where a
        # date was asked): the dialogue claims it as it claims DIET's "out of scope".
        reason = f"dialogue_awaits_answer+{choice.reason}"
        return Outcome(Kind.CASE_STEP, reason, role, pending)
    if intent is not Intent.NOT_UNDERSTOOD:
        # A FAQ-like intent vetoed as out of scope, or DIET's "out of scope" not overruled.
        category = out_of_scope_category(nlu.text, thresholds.keyword_category)
        return Outcome(
            Kind.OUT_OF_SCOPE,
            choice.reason,
            role,
            pending,
            category=category,
            offer_personal_date=offer,
        )
    suggestions = _suggestions(nlu, thresholds)
    kind = Kind.SUGGESTIONS if suggestions else Kind.NOT_UNDERSTOOD
    return Outcome(kind, choice.reason, role, pending, suggestions=suggestions, forget_message=True)


def _answer(entry_id: str, role: str | None, reason: str) -> Outcome:
    """The entry's answer, or the role question when the answer depends on an unknown role."""
    entry = knowledge().entry(entry_id)
    if entry is None:  # a button or a waiting question from before knowledge/ changed
        return Outcome(Kind.SMALL_TALK, "unknown_entry", role, small_talk=SmallTalk.CAPABILITIES)
    if entry.has_role_variants and role is None:
        return Outcome(Kind.ROLE_QUESTION, reason, role, pending_faq=entry.id, entry=entry.id)
    return Outcome(Kind.FAQ_ANSWER, reason, role, entry=entry.id)


def _picks(text: str, thresholds: Thresholds) -> list[str]:
    """The classifier's likeliest entries that are not noise, best first."""
    guesses = rank(text, limit=thresholds.classifier_suggestions + 2)
    return [g.id for g in guesses if g.id != OUT_OF_SCOPE and g.score >= thresholds.classifier_pick]


def _alternative(answered: str, nlu: NluOpinions, thresholds: Thresholds) -> str | None:
    """The classifier's next pick after the answered entry, when it is not noise: offered
    as a button under the answer, so that a wrong pick costs one click."""
    return next((p for p in _picks(nlu.text, thresholds) if p != answered), None)


def _suggestions(nlu: NluOpinions, thresholds: Thresholds) -> tuple[str, ...]:
    """The classifier's likeliest entries that are not noise, then the keyword search's."""
    candidates = _picks(nlu.text, thresholds)[: thresholds.classifier_suggestions]
    found = suggest_faq(nlu.text, thresholds.max_suggestions, thresholds.keyword_suggestion)
    candidates += [c for c in found if c not in candidates]
    known = [c for c in candidates if knowledge().entry(c) is not None]
    return tuple(known[: thresholds.max_suggestions])
