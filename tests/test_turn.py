"""bot.turn.decide: one test per outcome kind and per threshold boundary, without Rasa.

The FAQ classifier and the keyword search are the real ones (trained from knowledge/ in a
few seconds); the NLU opinions are given, as Rasa would hand them to the action.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.conversation import CaseState
from bot.dutch.text import keywords
from bot.faq.answers import SKIP_ROLE
from bot.faq.classifier import rank
from bot.faq.search import faq_index, out_of_scope_index, out_of_scope_lead
from bot.intents import Intent
from bot.knowledge.base import knowledge
from bot.turn import (
    STARTER_ENTRIES,
    THRESHOLDS,
    ConversationState,
    Kind,
    NluOpinions,
    Outcome,
    SmallTalk,
    Thresholds,
    choose_faq_entry,
    decide,
)

TODAY = date(2026, 11, 23)
FRESH = ConversationState(today=TODAY)
QUESTION = "wat is passend werk precies"  # the classifier picks passend_werk
HOLIDAYS = "hoeveel vakantiedagen heb ik nog dit jaar"  # the classifier's out-of-scope class
UNCLEAR = "dat spoor ding"  # the classifier is unsure (score < 0.3) and does not pick spoor2
GIBBERISH = "qwerty zxcvb"  # no keyword matches anything


def said(text: str, intent: Intent | None = Intent.FAQ, **extra: object) -> NluOpinions:
    return NluOpinions(text, intent, 0.95, **extra)  # type: ignore[arg-type]


def role_variant_entry() -> str:
    return next(e.id for e in knowledge().entries if e.has_role_variants)


def test_the_texts_used_here_mean_what_the_tests_assume() -> None:
    assert rank(QUESTION)[0].id == "passend_werk"
    assert rank(HOLIDAYS)[0].id == "<buiten bereik>"
    assert rank(UNCLEAR)[0].id != "spoor2"
    assert rank(UNCLEAR)[0].score < THRESHOLDS.unsure_classifier_alone


# --- one test per kind -------------------------------------------------------------


def test_case_step_when_the_dialogue_claims_the_message() -> None:
    state = replace(FRESH, case=CaseState(candidate=(("2026-03-03", None),), awaiting="confirm"))
    outcome = decide(said("ja", Intent.AFFIRM), state)
    assert (outcome.kind, outcome.reason) == (Kind.CASE_STEP, "dialogue_claims")
    outcome = decide(said("ik ben sinds 3 maart 2026 ziek", Intent.INFORM_SICK_DAY), FRESH)
    assert outcome.kind is Kind.CASE_STEP


def test_case_step_when_a_vetoed_question_comes_where_the_dialogue_waits() -> None:
    waiting = replace(FRESH, case=CaseState(awaiting="first_sick_day"))
    outcome = decide(said("xkcd blabla qwerty", Intent.FAQ), waiting)
    assert outcome.kind is Kind.CASE_STEP
    assert outcome.reason == "dialogue_awaits_answer+no_known_word"
    # Known words vetoed by the classifier's out-of-scope class: the same.
    vetoed = decide(said("nog een ding", Intent.FAQ), waiting)
    assert (vetoed.kind, vetoed.reason) == (
        Kind.CASE_STEP,
        "dialogue_awaits_answer+classifier_out_of_scope",
    )
    # A FAQ question the models answer is still answered there.
    assert decide(said(QUESTION), waiting).kind is Kind.FAQ_ANSWER


def test_faq_answer_from_the_classifier() -> None:
    outcome = decide(said(QUESTION), FRESH)
    assert outcome == Outcome(Kind.FAQ_ANSWER, "classifier", entry="passend_werk")


def test_role_question_when_the_answer_depends_on_an_unknown_role() -> None:
    entry = knowledge().entry(role_variant_entry())
    assert entry is not None and rank(entry.title)[0].id == entry.id
    outcome = decide(said(entry.title), FRESH)
    assert outcome.kind is Kind.ROLE_QUESTION
    assert outcome.entry == outcome.pending_faq == entry.id
    # With the role known, the answer itself.
    known = decide(said(entry.title), replace(FRESH, role="werkgever"))
    assert (known.kind, known.role, known.pending_faq) == (Kind.FAQ_ANSWER, "werkgever", None)


def test_the_role_answers_the_waiting_question() -> None:
    entry = role_variant_entry()
    state = replace(FRESH, pending_faq=entry)
    outcome = decide(said("ik ben werknemer", Intent.INFORM_ROLE, button_role="werknemer"), state)
    assert outcome == Outcome(
        Kind.FAQ_ANSWER, "role_for_waiting_question", "werknemer", None, entry=entry
    )
    skipped = decide(said("sla over", Intent.INFORM_ROLE, button_role=SKIP_ROLE), state)
    assert (skipped.kind, skipped.entry) == (Kind.FAQ_ANSWER, entry)
    assert skipped.role == SKIP_ROLE and skipped.remembered_role is None


def test_suggestions_when_not_understood_and_the_classifier_unsure() -> None:
    outcome = decide(said(UNCLEAR, Intent.NOT_UNDERSTOOD), FRESH)
    assert outcome.kind is Kind.SUGGESTIONS
    assert outcome.reason == "diet_unsure_classifier<0.3"
    assert 1 <= len(outcome.suggestions) <= 3
    assert outcome.forget_message


def test_not_understood_when_nothing_fits() -> None:
    outcome = decide(said(GIBBERISH, Intent.NOT_UNDERSTOOD), FRESH)
    assert outcome.kind is Kind.NOT_UNDERSTOOD
    assert outcome.suggestions == () and outcome.forget_message
    # An intent that is not ours counts as not understood.
    assert decide(said(GIBBERISH, None), FRESH).kind is Kind.NOT_UNDERSTOOD


def test_out_of_scope_with_its_category() -> None:
    outcome = decide(said(HOLIDAYS, Intent.FAQ), FRESH)
    assert (outcome.kind, outcome.reason) == (Kind.OUT_OF_SCOPE, "classifier_out_of_scope")
    assert outcome.category == "vakantie_verlof" and not outcome.forget_message
    # DIET's "out of scope" stands when the classifier is unsure.
    diet = decide(said(UNCLEAR, Intent.OUT_OF_SCOPE), FRESH)
    assert (diet.kind, diet.reason) == (Kind.OUT_OF_SCOPE, "diet_unsure_classifier<0.3")


def test_a_sure_classifier_answers_alone_over_an_unsure_diet_from_its_threshold_on() -> None:
    score = rank(QUESTION, limit=1)[0].score
    for intent in (Intent.OUT_OF_SCOPE, Intent.NOT_UNDERSTOOD):
        opinions = said(QUESTION, intent)
        at = decide(opinions, FRESH, replace(THRESHOLDS, unsure_classifier_alone=score))
        assert (at.kind, at.entry) == (Kind.FAQ_ANSWER, "passend_werk")
        assert at.reason == f"diet_unsure_classifier>={score:g}"
        above = decide(opinions, FRESH, replace(THRESHOLDS, unsure_classifier_alone=score + 1e-6))
        assert above.kind is not Kind.FAQ_ANSWER


@pytest.mark.parametrize(
    ("intent", "talk"),
    [
        (Intent.GREET, SmallTalk.GREET),
        (Intent.THANK, SmallTalk.THANK),
        (Intent.GOODBYE, SmallTalk.GOODBYE),
        (Intent.CAPABILITIES, SmallTalk.CAPABILITIES),
        (Intent.INFORM_ROLE, SmallTalk.ROLE_NOTED),
        (Intent.AFFIRM, SmallTalk.NOTHING_OPEN),
        (Intent.DENY, SmallTalk.NOTHING_OPEN),
        (Intent.SKIP, SmallTalk.NOTHING_OPEN),
    ],
)
def test_small_talk(intent: Intent, talk: SmallTalk) -> None:
    outcome = decide(said("hallo", intent), FRESH)
    assert (outcome.kind, outcome.small_talk) == (Kind.SMALL_TALK, talk)


def test_the_role_in_a_message_is_remembered() -> None:
    outcome = decide(said("ik ben werkgever", Intent.INFORM_ROLE), FRESH)
    assert (outcome.reason, outcome.remembered_role) == ("role_given", "werkgever")


def test_a_faq_button_answers_its_entry_without_second_guess() -> None:
    outcome = decide(said("/faq", button_entry="wachtdagen"), FRESH)
    assert outcome == Outcome(Kind.FAQ_ANSWER, "button", entry="wachtdagen")


def test_a_button_for_an_entry_that_is_gone_gets_what_the_assistant_can_do() -> None:
    outcome = decide(said("/faq", button_entry="bestaat_niet"), replace(FRESH, pending_faq="x"))
    assert (outcome.kind, outcome.small_talk) == (Kind.SMALL_TALK, SmallTalk.CAPABILITIES)
    assert outcome.reason == "unknown_entry" and outcome.pending_faq is None


def test_a_general_when_question_offers_to_compute_the_date() -> None:
    text = "wanneer moet spoor 2 starten?"
    outcome = decide(said(text), FRESH)
    assert outcome.kind is Kind.FAQ_ANSWER and outcome.offer_personal_date
    # Not when the case is known: then the dialogue answers a "wanneer" question itself.
    known = replace(FRESH, case=CaseState(periods=(("2026-01-05", None),)))
    assert decide(said(text), known).kind is Kind.CASE_STEP


# --- one test per threshold boundary -----------------------------------------------


def test_keyword_lead_vetoes_above_its_threshold() -> None:
    lead = out_of_scope_lead(QUESTION)
    at = choose_faq_entry(QUESTION, Intent.FAQ, Thresholds(keyword_out_of_scope_lead=lead))
    assert at.entry == "passend_werk"
    below = Thresholds(keyword_out_of_scope_lead=lead - 1e-6)
    vetoed = choose_faq_entry(QUESTION, Intent.FAQ, below)
    assert vetoed.entry is None and vetoed.out_of_scope
    assert vetoed.reason.startswith("keywords_out_of_scope>")
    assert decide(said(QUESTION), FRESH, below).kind is Kind.OUT_OF_SCOPE


def test_a_classifier_pick_below_its_threshold_is_never_a_button() -> None:
    second = next(g for g in rank(QUESTION, limit=3) if g.id != "passend_werk")
    at = decide(said(QUESTION), FRESH, replace(THRESHOLDS, classifier_pick=second.score))
    assert at.entry == "passend_werk" and at.alternative == second.id
    above = replace(THRESHOLDS, classifier_pick=second.score + 1e-6)
    assert decide(said(QUESTION), FRESH, above).alternative is None
    # The same threshold for suggestions (the keyword search switched off to see it alone).
    best = rank(UNCLEAR, limit=1)[0]
    quiet = replace(THRESHOLDS, keyword_suggestion=float("inf"), classifier_pick=best.score)
    suggested = decide(said(UNCLEAR, Intent.NOT_UNDERSTOOD), FRESH, quiet)
    assert suggested.suggestions == (best.id,)
    noise = replace(quiet, classifier_pick=best.score + 1e-6)
    assert decide(said(UNCLEAR, Intent.NOT_UNDERSTOOD), FRESH, noise).kind is Kind.NOT_UNDERSTOOD


def test_keyword_suggestions_from_their_threshold_on() -> None:
    text = "reintegratieverslag inleveren"
    best = faq_index().search(keywords(text), 1, 0.0)[0]
    # The classifier is sure of this text: keep it from answering and from suggesting, to
    # test the keywords alone.
    unsure = Thresholds(unsure_classifier_alone=float("inf"), classifier_pick=float("inf"))
    at = decide(
        said(text, Intent.NOT_UNDERSTOOD), FRESH, replace(unsure, keyword_suggestion=best.score)
    )
    assert best.id in at.suggestions
    above = replace(unsure, keyword_suggestion=best.score + 1e-6)
    assert decide(said(text, Intent.NOT_UNDERSTOOD), FRESH, above).kind is Kind.NOT_UNDERSTOOD


def test_out_of_scope_category_from_its_threshold_on() -> None:
    best = out_of_scope_index().search(keywords(HOLIDAYS), 1, 0.0)[0]
    at = decide(said(HOLIDAYS), FRESH, Thresholds(keyword_category=best.score))
    assert at.category == best.id == "vakantie_verlof"
    above = Thresholds(keyword_category=best.score + 1e-6)
    outcome = decide(said(HOLIDAYS), FRESH, above)
    assert outcome.kind is Kind.OUT_OF_SCOPE and outcome.category is None


def test_at_most_three_suggestions_two_of_them_from_the_classifier() -> None:
    text = "reintegratieverslag inleveren"
    # The classifier is sure of this text: keep it from answering, and count every pick.
    unsure = replace(THRESHOLDS, unsure_classifier_alone=float("inf"), classifier_pick=-9.0)
    top_two = tuple(g.id for g in rank(text, limit=3) if g.id != "<buiten bereik>")[:2]
    suggestions = decide(said(text, Intent.NOT_UNDERSTOOD), FRESH, unsure).suggestions
    assert suggestions[:2] == top_two
    assert len(suggestions) == THRESHOLDS.max_suggestions == 3
    one = replace(unsure, max_suggestions=1)
    assert decide(said(text, Intent.NOT_UNDERSTOOD), FRESH, one).suggestions == top_two[:1]


@pytest.mark.parametrize("text", ["blorp-xq9 snorf", "qwerty uiop", "\U0001f914"])
def test_a_message_without_a_known_word_is_not_understood_whatever_diet_says(text: str) -> None:
    for intent in (Intent.OUT_OF_SCOPE, Intent.FAQ, Intent.NOT_UNDERSTOOD):
        outcome = decide(said(text, intent), FRESH)
        assert (outcome.kind, outcome.reason) == (Kind.NOT_UNDERSTOOD, "no_known_word")
        assert outcome.suggestions == () and outcome.forget_message


def test_a_lost_user_gets_starter_questions() -> None:
    for text in ("ik snap er niks van", "ik begrijp het niet", "ik volg er niets van"):
        outcome = decide(said(text, Intent.OUT_OF_SCOPE), FRESH)
        assert (outcome.kind, outcome.reason) == (Kind.SUGGESTIONS, "user_is_lost")
        assert outcome.suggestions == STARTER_ENTRIES
        assert all(knowledge().entry(e) is not None for e in outcome.suggestions)


def test_english_is_answered_only_as_a_case_step() -> None:
    known = replace(FRESH, case=CaseState(periods=(("2026-01-05", None),)))
    sick = decide(said("I am sick since 5 January 2026, when does my salary stop?"), FRESH)
    assert sick.kind is Kind.CASE_STEP and sick.reason.startswith("english+")
    assert sick.english_text is not None and "ziek" in sick.english_text
    general = decide(said("What is the weather like tomorrow?"), known)
    assert (general.kind, general.reason) == (Kind.NOT_UNDERSTOOD, "english_not_a_case_step")
    assert general.forget_message
    assert decide(said(QUESTION), FRESH).english_text is None
