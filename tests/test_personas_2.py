"""Persona conversations (issue 19, point 8): sick employees, over HTTP, BOT_TODAY=2026-11-23.

Written from the personas, the spec (shared/spec/timeline.md) and the issue by someone who has
not read the implementation. Every expected date was computed by hand from the spec:
sick day k of a case is the date of D + k - 1 (several periods: skipping the gaps), e.g. the
last day of loondoorbetaling is sick day 728, the WIA-aanvraag sick day 651, the latest start
of spoor 2 sick day 406 (or the eerstejaarsevaluatie + 42 days).

The personas are employees: on a permanent contract, on a temporary contract, with two sick
periods, near (or past) the AOW age, and a careless user who types little. They write as real
people type: short, without years, with typos, corrections and follow-ups. The assertions
check what the user sees: the dates, the answer before any refining question, who acts (an
employee is never handed the employer's task), a next step for a late step, facts that are
not asked again, buttons where a choice is asked, and never the apology.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.live_server import LiveServer, texts

pytestmark = pytest.mark.model

APOLOGY = "Sorry, er ging bij mij iets mis"

# Telling an employee to do the employer's task (issue 19: "Wat nu: start spoor 2 direct met
# een re-integratiebureau" was said to an employee), or addressing them as the employer.
EMPLOYER_ORDERS = (
    "wat nu: start spoor 2",
    "start spoor 2 direct",
    "start spoor 2 nu",
    "schakel een re-integratiebureau in",
    "meld de ziekte nu",
    "als werkgever",
)

# The optional refining questions, which may only come after the answer (issue 19, point 5).
OPTIONAL_QUESTIONS = ("eerstejaarsevaluatie al", "spoor 2 al gestart")


@dataclass
class Turn:
    """What the user saw after one message (and after answering the role question, if asked)."""

    text: str
    seen: str  # everything shown for this message, the reply before the role question included
    buttons: list[str]
    timeline: dict[str, Any] | None


@dataclass
class Chat:
    """One conversation of one employee; the role question is answered 'werknemer', once."""

    server: LiveServer
    sender: str
    role_answered: bool = False
    history: list[Turn] = field(default_factory=list)

    def say(self, message: str) -> Turn:
        reply = self.server.chat(self.sender, message)
        role_question = [m for m in reply if any(is_role_button(p) for p in payloads([m]))]
        seen = texts([m for m in reply if m not in role_question])
        assert APOLOGY not in texts(reply), f"apology after {message!r}:\n{texts(reply)}"
        if role_question:
            assert not self.role_answered, f"role asked again after {message!r}:\n{seen}"
            self.role_answered = True
            reply = self.server.chat(self.sender, '/inform_role{"role": "werknemer"}')
            seen += "\n" + texts(reply)
        assert APOLOGY not in seen, f"apology after {message!r}:\n{seen}"
        turn = Turn(texts(reply), seen, payloads(reply), timeline_of(reply))
        self.history.append(turn)
        return turn

    def confirm_if_asked(self, turn: Turn) -> Turn:
        """A date on its own is echoed with 'klopt dat?' and Ja/Nee buttons: say 'ja'."""
        if "klopt dat?" not in turn.text.lower():
            return turn
        assert {"/affirm", "/deny"} <= set(turn.buttons), turn  # a choice gets buttons
        return self.say("ja")

    def tell(self, message: str) -> str:
        """Give a fact (confirming the echo if asked); everything the user saw meanwhile."""
        start = len(self.history)
        self.confirm_if_asked(self.say(message))
        return "\n".join(t.seen for t in self.history[start:])


def is_role_button(payload: str) -> bool:
    return payload.startswith("/inform_role")


def payloads(reply: list[dict[str, Any]]) -> list[str]:
    return [str(b["payload"]) for m in reply for b in m.get("buttons", [])]


def timeline_of(reply: list[dict[str, Any]]) -> dict[str, Any] | None:
    for message in reply:
        custom = message.get("custom") or {}
        if custom.get("type") == "timeline":
            timeline: dict[str, Any] = custom["timeline"]
            return timeline
    return None


def sentences(text: str) -> list[str]:
    """Sentences and lines, without Markdown bold; "art. 64 WIA" is not a sentence end."""
    plain = text.replace("**", "")
    pieces = [s for s in re.split(r"(?<=[.?!])\s+|\n+", plain) if s.strip()]
    joined: list[str] = []
    for piece in pieces:
        if joined and re.search(r"\b(art|bijv|o\.a|lid)\.$", joined[-1], re.IGNORECASE):
            joined[-1] += " " + piece
        else:
            joined.append(piece)
    return joined


def assert_answer_first(turn: Turn, answer: str) -> None:
    """The answer is in the first two sentences (one may echo the sick day), before any
    optional question about the eerstejaarsevaluatie or spoor 2."""
    opening = " ".join(sentences(turn.text)[:2])
    assert answer in opening, f"{answer!r} not in the opening:\n{turn.text}"
    position = turn.text.replace("**", "").find(answer)
    for question in OPTIONAL_QUESTIONS:
        asked = turn.text.replace("**", "").find(question)
        assert asked == -1 or asked > position, f"asked {question!r} first:\n{turn.text}"


def assert_no_employer_orders(seen: Turn | str) -> None:
    text = seen.seen if isinstance(seen, Turn) else seen
    for order in EMPLOYER_ORDERS:
        assert order not in text.lower(), f"employee told {order!r}:\n{text}"


REQUEST = re.compile(r"^(noem|typ|schrijf|geef|vul)\b", re.IGNORECASE)


def assert_not_asked(turn: Turn, *words: str) -> None:
    """No question or request in this turn asks for a fact the user already gave."""
    for sentence in sentences(turn.seen):
        if sentence.rstrip().endswith("?") or REQUEST.match(sentence.strip()):
            for word in words:
                assert word not in sentence.lower(), f"asked again: {sentence!r}\n{turn.seen}"


def assert_first_sick_day(turn: Turn, iso: str) -> None:
    """A personal answer carries the case it computed with (README: the `custom` payload)."""
    assert turn.timeline is not None, f"no personal answer:\n{turn.text}"
    assert turn.timeline["case"]["first_sick_day"] == iso, turn.timeline["case"]


SICK_DAY_WORDS = ("ziektedag", "ziek geworden", "sinds wanneer")


# --- Persona 1: Sanne, permanent contract (vast contract) --------------------------------


def test_vast_overview_then_salary_then_spoor2_not_started(live_server: LiveServer) -> None:
    """Sanne, permanent contract, sick since 3 March (this year: 2026) asks what to do when,
    then how long she is paid, then says spoor 2 has not started. D = 2026-03-03: end of pay
    sick day 728 = Monday 28 February 2028, WIA-aanvraag Monday 13 December 2027, spoor 2 at
    the latest (eerstejaarsevaluatie unknown) Monday 12 April 2027."""
    chat = Chat(live_server, "p2-vast-overview")
    turn = chat.say("hoi, ik ben sinds 3 maart ziek. wat moet ik wanneer doen?")
    assert "dinsdag 3 maart 2026" in turn.seen
    assert "maandag 13 december 2027" in turn.text  # the WIA-aanvraag, her own step
    assert "maandag 28 februari 2028" in turn.text
    assert_first_sick_day(turn, "2026-03-03")
    assert_no_employer_orders(turn)

    turn = chat.say("hoe lang krijg ik nog salaris?")
    assert_answer_first(turn, "maandag 28 februari 2028")
    assert_not_asked(turn, *SICK_DAY_WORDS)

    turn = chat.say("spoor 2 is nog niet gestart")
    assert "Is spoor 2 al gestart" not in turn.seen
    assert "maandag 12 april 2027" in turn.text
    assert_no_employer_orders(turn)
    assert_not_asked(turn, *SICK_DAY_WORDS, "spoor 2")
    assert "werkgever" in turn.text  # spoor 2 is the employer's step, said so


def test_vast_salary_question_first_then_the_date(live_server: LiveServer) -> None:
    """Sanne asks how long she keeps her pay before giving any date; then gives the date
    without a year. D = 2026-01-12: last day of pay Sunday 9 January 2028. The answer comes
    first, not questions about the eerstejaarsevaluatie or spoor 2 or a table."""
    chat = Chat(live_server, "p2-vast-salary")
    turn = chat.say("hoe lang krijg ik nog salaris?")
    assert "ziektedag" in turn.seen  # it cannot answer without the first sick day
    assert "niet mee helpen" not in turn.seen  # pay while sick is this assistant's subject
    assert "maandag 12 januari 2026" in chat.tell("ben ziek sinds 12 januari")
    turn = chat.history[-1]
    assert_answer_first(turn, "zondag 9 januari 2028")
    assert_first_sick_day(turn, "2026-01-12")
    turn = chat.say("en tot wanneer moet de wia aanvraag binnen zijn?")
    assert "zondag 24 oktober 2027" in turn.text
    assert_not_asked(turn, *SICK_DAY_WORDS)


def test_vast_late_wia_aanvraag_gets_a_next_step(live_server: LiveServer) -> None:
    """Sanne has been sick since 15 January 2025 and has not applied for WIA. The deadline
    (sick day 651) was Tuesday 27 October 2026, almost four weeks ago. She must hear that it
    is late, what to do now (apply at UWV herself, with the re-integratieverslag from her
    employer), and the risk (pay over the delay; art. 7:629 BW / art. 64 WIA). When she
    applies today (27 days late), the end of pay moves from Tuesday 12 January 2027 by 27
    days to Monday 8 February 2027 (spec 4, art. 7:629 lid 11 BW)."""
    chat = Chat(live_server, "p2-vast-late-wia")
    assert "woensdag 15 januari 2025" in chat.tell("ik ben al sinds 15 januari 2025 ziek")

    turn = chat.say("ik heb de wia aanvraag nog niet gedaan. wat moet ik nu doen?")
    text = turn.text
    assert "dinsdag 27 oktober 2026" in text
    assert "te laat" in text.lower() or "voorbij" in text.lower()
    assert "UWV" in text and "nu aan" in text  # what to do now, and at whom
    assert "re-integratieverslag" in text
    assert "loon" in text and "vertraging" in text  # the risk
    assert "art. 64 WIA" in text or "7:629" in text  # the source
    assert "WIA" in " ".join(sentences(text)[:2])  # the late step itself comes first
    assert_no_employer_orders(turn)

    turn = chat.say("ok ik heb hem vandaag ingediend. tot wanneer krijg ik nu loon?")
    assert_answer_first(turn, "maandag 8 februari 2027")
    assert "dinsdag 12 januari 2027" not in " ".join(sentences(turn.text)[:2])


def test_vast_what_to_do_today_is_not_a_new_sick_day(live_server: LiveServer) -> None:
    """Sanne, sick since 6 October 2026, asks what to do today. "Vandaag" is today, not a new
    first sick day. The probleemanalyse (sick day 42: Monday 16 November 2026) has passed and
    is not known to be done: late items first; then the plan van aanpak, due within 14 days
    (sick day 56: Monday 30 November 2026). Each with who acts; for her, what she can do."""
    chat = Chat(live_server, "p2-vast-today")
    assert "dinsdag 6 oktober 2026" in chat.tell("ziek sinds 6 oktober")

    turn = chat.say("wat moet ik vandaag doen?")
    assert "23 november 2026, klopt dat" not in turn.seen.lower()
    assert_first_sick_day(turn, "2026-10-06")
    text = turn.text
    assert "maandag 16 november 2026" in text and "maandag 30 november 2026" in text
    assert text.index("maandag 16 november 2026") < text.index("maandag 30 november 2026")
    assert "bedrijfsarts" in text and "werkgever" in text  # who acts
    assert_no_employer_orders(turn)

    turn = chat.say("en hoe lang krijg ik loon?")
    assert_answer_first(turn, "maandag 2 oktober 2028")  # D + 727: still 6 October


def test_vast_no_plan_van_aanpak_yet(live_server: LiveServer) -> None:
    """Sanne, sick since 31 August (2026), has no plan van aanpak yet. Deadline: week 8, sick
    day 56 = Sunday 25 October 2026: late. She hears what she can do (ask her employer or
    casemanager; a deskundigenoordeel at UWV), not the employer's task. Then she says the
    probleemanalyse was made on 5 October: the plan van aanpak was due two weeks later,
    Monday 19 October 2026 (earlier than week 8), and that fact is not asked again."""
    chat = Chat(live_server, "p2-vast-late-pva")
    text = chat.tell(
        "ik ben sinds 31 augustus ziek en er is nog steeds geen plan van aanpak. is dat erg?"
    )
    assert "maandag 31 augustus 2026" in text
    assert "zondag 25 oktober 2026" in text
    assert "te laat" in text.lower() or "voorbij" in text.lower()
    assert "werkgever" in text and "deskundigenoordeel" in text
    assert "Deze datum is al voorbij." not in text or "Vraag" in text  # never only that
    assert_no_employer_orders(text)

    turn = chat.say("de probleemanalyse is wel gemaakt hoor, op 5 oktober")
    assert "maandag 19 oktober 2026" in turn.text
    assert_not_asked(turn, *SICK_DAY_WORDS)

    turn = chat.say("wat moet ik nu doen?")
    assert "plan van aanpak" in turn.text.lower()
    assert_not_asked(turn, "probleemanalyse", *SICK_DAY_WORDS)
    assert_no_employer_orders(turn)


def test_vast_planned_eerstejaarsevaluatie_is_used(live_server: LiveServer) -> None:
    """Sanne, sick since 9 February (2026), has her eerstejaarsevaluatie planned on 20 January
    (2027, inside the window Monday 21 December 2026 - Sunday 7 February 2027). A planned date
    is not an error (spec 6.1): spoor 2 at the latest 42 days later, Wednesday 3 March 2027.
    Then "spoor 2 is nog niet gestart" is used, not asked again."""
    chat = Chat(live_server, "p2-vast-planned-eje")
    assert "maandag 9 februari 2026" in chat.tell("ik ben sinds 9 februari ziek")

    turn = chat.say("mijn eerstejaarsevaluatie is gepland op 20 januari")
    assert "20 januari 2027" in turn.seen and "toekomst" not in turn.seen
    assert_not_asked(turn, *SICK_DAY_WORDS)

    turn = chat.say("wanneer moet spoor 2 dan uiterlijk beginnen?")
    assert "woensdag 3 maart 2027" in turn.text
    assert_not_asked(turn, "eerstejaarsevaluatie", *SICK_DAY_WORDS)

    turn = chat.say("spoor 2 is nog niet gestart")
    assert "Is spoor 2 al gestart" not in turn.seen
    assert "woensdag 3 maart 2027" in turn.text
    assert_not_asked(turn, "eerstejaarsevaluatie", "spoor 2")
    assert_no_employer_orders(turn)


# --- Persona 2: Mo, temporary contract ----------------------------------------------------


def test_tijdelijk_contract_told_over_several_messages(live_server: LiveServer) -> None:
    """Mo, on a temporary contract, tells his case in pieces: sick since 2 November (2026),
    then that his contract ends on 31 December. His employer pays until the contract ends;
    after that he may get a Ziektewet-uitkering from UWV (spec 7: the Ziektewet safety net).
    The facts given earlier are kept: the sick day is not asked again."""
    chat = Chat(live_server, "p2-tijdelijk-pieces")
    chat.say("hallo ik ben ziek")
    assert "maandag 2 november 2026" in chat.tell("sinds 2 november")

    turn = chat.say("ik heb trouwens een tijdelijk contract, dat loopt af op 31 december")
    assert "31 december 2026" in turn.text
    assert "Ziektewet" in turn.text
    assert_not_asked(turn, *SICK_DAY_WORDS)

    turn = chat.say("krijg ik na 31 december nog loon van mijn werkgever?")
    assert "Ziektewet" in turn.text and "UWV" in turn.text
    assert_not_asked(turn, *SICK_DAY_WORDS)
    assert "zondag 29 oktober 2028" not in " ".join(sentences(turn.text)[:3])  # not 104 weeks


def test_tijdelijk_contract_question_in_english(live_server: LiveServer) -> None:
    """Mo's colleague Alex, an expat on a temporary contract, asks in English. He gets a short
    English note that the assistant answers in Dutch, and the answer itself: sick since
    1 June 2026, last day of pay (104 weeks) Sunday 28 May 2028. Then, in Dutch, his contract
    end (1 March 2027) is flagged with the Ziektewet."""
    chat = Chat(live_server, "p2-tijdelijk-english")
    turn = chat.say(
        "Hi, I have been sick since 1 June 2026. How long will my employer keep paying my salary?"
    )
    assert "Dutch" in turn.seen  # the English note
    assert "zondag 28 mei 2028" in turn.seen
    assert_first_sick_day(turn, "2026-06-01")

    turn = chat.say("sorry in het nederlands dan: mijn contract is tijdelijk, tot 1 maart 2027")
    assert "1 maart 2027" in turn.text and "Ziektewet" in turn.text
    assert_not_asked(turn, *SICK_DAY_WORDS)


# --- Persona 3: Ingrid, two sick periods --------------------------------------------------

ISSUE_CASE_END_OF_PAY = "woensdag 24 maart 2027"  # 3 Mar - 25 Apr 2025 + since 20 May 2025


def test_two_periods_in_order_over_several_messages(live_server: LiveServer) -> None:
    """Ingrid was sick 3 March - 25 April 2025 (54 days) and again since 20 May 2025: a gap of
    24 days, so the periods add up (spec 1.1). Sick day 728 falls on Wednesday 24 March 2027.
    The answer says the periods were added up, with the 24 days' gap."""
    chat = Chat(live_server, "p2-periods-order")
    chat.tell("ik was ziek van 3 maart tot 25 april 2025")
    chat.tell("en sinds 20 mei 2025 ben ik weer ziek")
    turn = chat.say("hoe lang krijg ik nog salaris?")
    assert_answer_first(turn, ISSUE_CASE_END_OF_PAY)
    assert "opgeteld" in turn.seen and "24 dagen" in turn.seen
    assert_first_sick_day(turn, "2025-03-03")
    assert_not_asked(turn, *SICK_DAY_WORDS)


def test_two_periods_earlier_one_added_later_without_year(live_server: LiveServer) -> None:
    """Ingrid starts with her current period (since 20 May 2025), then adds the earlier one
    without a year ("van 3 maart tot 25 april"): the year comes from the conversation (2025),
    and adding the earlier period must not replace the current one. End of pay: Wednesday
    24 March 2027; the first sick day of the case is Monday 3 March 2025."""
    chat = Chat(live_server, "p2-periods-reverse")
    chat.tell("ik ben sinds 20 mei 2025 ziek")
    # The year from the context, in the echo of the period (the answer after "ja" rightly
    # names later deadlines in March and April 2026).
    echo = chat.say("daarvoor was ik ook al ziek, van 3 maart tot 25 april")
    assert "maart 2026" not in echo.seen and "april 2026" not in echo.seen
    chat.confirm_if_asked(echo)
    turn = chat.say("tot wanneer krijg ik loon?")
    assert_answer_first(turn, ISSUE_CASE_END_OF_PAY)
    assert "opgeteld" in turn.seen
    assert_first_sick_day(turn, "2025-03-03")
    assert turn.timeline is not None
    assert len(turn.timeline["case"]["periods_added_up"]) == 2


def test_two_periods_with_a_corrected_year(live_server: LiveServer) -> None:
    """Ingrid gives the earlier period in the wrong year (2024: that would be a separate,
    closed case) and corrects it: "dat was ook 2025". After the correction the periods add
    up: end of pay Wednesday 24 March 2027 (not Sunday 16 May 2027, the 20 May 2025 case on
    its own: sick day 728 from 20 May 2025)."""
    chat = Chat(live_server, "p2-periods-correction")
    turn = chat.say("sinds 20 mei 2025 weer ziek. daarvoor ook van 3 maart tot 25 april 2024")
    assert "25 april 2024" in turn.seen  # echoed as typed: the user sees the mistake
    assert "3 maart 2025" in chat.tell("oh nee sorry, dat was ook in 2025")
    turn = chat.say("hoe lang nog loon dan?")
    assert_answer_first(turn, ISSUE_CASE_END_OF_PAY)
    assert "zondag 16 mei 2027" not in turn.text
    assert_first_sick_day(turn, "2025-03-03")


def test_two_periods_four_weeks_apart_start_a_new_case(live_server: LiveServer) -> None:
    """Ingrid was sick 6 January - 14 February (2026, year from the same message) and since
    16 March 2026: a gap of 29 days (>= 28), so a new case starts on 16 March 2026 (spec 1.1).
    Her eerstejaarsevaluatie window: sick days 316-364 of the new case, Monday 25 January
    2027 - Sunday 14 March 2027 (added up it would wrongly be 16 December 2026 - 2 February
    2027)."""
    chat = Chat(live_server, "p2-periods-new-case")
    chat.tell("ik was van 6 januari tot 14 februari ziek, en sinds 16 maart 2026 weer")
    turn = chat.say("wanneer moet mijn eerstejaarsevaluatie zijn?")
    assert "maandag 25 januari 2027" in turn.text and "zondag 14 maart 2027" in turn.text
    assert "woensdag 16 december 2026" not in turn.text
    assert_first_sick_day(turn, "2026-03-16")
    assert_not_asked(turn, *SICK_DAY_WORDS)


def test_two_periods_spoor2_not_started_what_now(live_server: LiveServer) -> None:
    """Ingrid (3 March - 25 April 2025, sick again since 20 May 2025: added up) says spoor 2
    has not started. Spoor 2 was due by sick day 406: Wednesday 6 May 2026, 201 days ago.
    She is told it is late and what she can do (ask her employer, a deskundigenoordeel),
    never to start spoor 2 herself; "spoor 2 is nog niet gestart" is not asked again."""
    chat = Chat(live_server, "p2-periods-spoor2")
    seen = chat.tell("ik ben ziek sinds 20 mei 2025, daarvoor van 3 maart t/m 25 april 2025 ook")
    assert "maandag 3 maart 2025" in seen
    assert_no_employer_orders(seen)  # the overview speaks to her, not to her employer
    turn = chat.say("spoor 2 is nog niet gestart")
    text = turn.text
    assert "woensdag 6 mei 2026" in text
    assert "201 dagen" in text
    assert "deskundigenoordeel" in text and "werkgever" in text
    assert "Is spoor 2 al gestart" not in turn.seen
    assert_no_employer_orders(turn)

    turn = chat.say("wat moet ik nu doen?")
    assert "spoor 2" in turn.text.lower() and "werkgever" in turn.text
    assert_not_asked(turn, "spoor 2", *SICK_DAY_WORDS)
    assert_no_employer_orders(turn)
    assert_first_sick_day(turn, "2025-03-03")


# --- Persona 4: Henk, near (and past) the AOW age -----------------------------------------


def test_aow_within_a_year(live_server: LiveServer) -> None:
    """Henk, sick since 1 September (2026), reaches the AOW age on 15 April 2027. From that day
    his employer pays at most 6 more weeks (art. 7:629 lid 2 BW; knowledge/milestones.yml):
    last day Wednesday 26 May 2027, not the 104-week date Monday 28 August 2028. Spoor 2 is not
    required when the AOW age falls within a year (spec 5)."""
    chat = Chat(live_server, "p2-aow-soon")
    chat.tell("ik ben sinds 1 september ziek. ik bereik 15 april 2027 de aow leeftijd")
    turn = chat.say("hoe lang betaalt mijn werkgever dan nog door?")
    assert_answer_first(turn, "woensdag 26 mei 2027")
    assert_not_asked(turn, *SICK_DAY_WORDS)
    assert "maandag 28 augustus 2028" not in turn.text
    assert_first_sick_day(turn, "2026-09-01")

    turn = chat.say("moet er nog een spoor 2 komen?")
    assert "AOW" in turn.text
    assert_not_asked(turn, "aow", *SICK_DAY_WORDS)
    assert turn.timeline is not None, f"no personal answer:\n{turn.text}"
    assert turn.timeline["spoor2"]["status"] == "niet_vereist"


def test_aow_date_told_after_the_first_answer(live_server: LiveServer) -> None:
    """Henk first gets the normal end of pay for sick since 5 January 2026 (Sunday 2 January
    2028), then remembers he reaches the AOW age on 1 June 2027: the answer changes to six
    weeks later, Monday 12 July 2027."""
    chat = Chat(live_server, "p2-aow-later")
    assert "maandag 5 januari 2026" in chat.tell("ik ben ziek sinds 5 januari")
    turn = chat.say("tot wanneer krijg ik loon?")
    assert_answer_first(turn, "zondag 2 januari 2028")
    turn = chat.say("o wacht, ik word op 1 juni 2027 al aow'er")
    # From the AOW age the WIA steps lapse (spec 7): no WIA-aanvraag as his own step.
    assert "maandag 12 juli 2027" in turn.text
    assert "WIA-aanvraag doe je zelf" not in turn.text
    turn = chat.say("en tot wanneer krijg ik dan loon?")
    assert_answer_first(turn, "maandag 12 juli 2027")
    assert "zondag 2 januari 2028" not in turn.text
    assert_not_asked(turn, "aow", *SICK_DAY_WORDS)


def test_past_aow_age_gets_six_weeks(live_server: LiveServer) -> None:
    """Henk's neighbour, 68 and still working two days a week, is sick since 2 November
    (2026). Past the AOW age the employer pays 6 weeks (spec 7), not 104: the answer says so
    and does not give the 104-week date (Sunday 29 October 2028)."""
    chat = Chat(live_server, "p2-aow-past")
    chat.tell("ik ben 68 en heb al aow, werk nog 2 dagen per week. sinds 2 november ziek")
    turn = chat.say("hoeveel weken krijg ik loon?")
    assert "6 weken" in turn.text or "zes weken" in turn.text
    assert "AOW" in turn.text
    assert "zondag 29 oktober 2028" not in turn.text


# --- Persona 5: Kevin, careless user who types little -------------------------------------


def test_careless_day_month_dit_jaar(live_server: LiveServer) -> None:
    """Kevin: "ziek sinds 14-4 dit jaar" means Tuesday 14 April 2026; end of pay Monday
    10 April 2028."""
    chat = Chat(live_server, "p2-careless-14-4")
    assert "dinsdag 14 april 2026" in chat.tell("ziek sinds 14-4 dit jaar")
    turn = chat.say("hoelang loon nog")
    assert_answer_first(turn, "maandag 10 april 2028")
    assert_first_sick_day(turn, "2026-04-14")


def test_careless_approximate_date_then_what_now(live_server: LiveServer) -> None:
    """Kevin: "rond de 15e januari" is accepted with a stated assumption (15 January 2026,
    Thursday). Asked what to do now: the eerstejaarsevaluatie window opens within 14 days
    (sick day 316: Thursday 26 November 2026), a step he takes with his employer."""
    chat = Chat(live_server, "p2-careless-approx")
    seen = chat.tell("ben rond de 15e januari ziek geworden")
    assert "15 januari 2026" in seen
    turn = chat.say("wat moet ik nu doen")
    assert "eerstejaarsevaluatie" in turn.text.lower()
    assert "donderdag 26 november 2026" in turn.text
    assert_not_asked(turn, *SICK_DAY_WORDS)
    assert_no_employer_orders(turn)


def test_careless_corrects_the_year(live_server: LiveServer) -> None:
    """Kevin types "28-02" (read as Saturday 28 February 2026), then "nee 2025": the year of
    the date just given is corrected to Friday 28 February 2025. End of pay: sick day 728 =
    Thursday 25 February 2027."""
    chat = Chat(live_server, "p2-careless-year")
    chat.say("ziek sinds 28-02")
    assert "zaterdag 28 februari 2026" in chat.history[-1].seen
    assert "vrijdag 28 februari 2025" in chat.tell("nee 2025")
    turn = chat.say("hoe lang nog loon")
    assert_answer_first(turn, "donderdag 25 februari 2027")
    assert_first_sick_day(turn, "2025-02-28")


def test_careless_asks_what_the_question_meant(live_server: LiveServer) -> None:
    """Kevin types only a date, gets "klopt dat?" and asks "wat bedoel je?": the question is
    repeated in other words (still about 3 March 2025, still with Ja/Nee buttons), then "ja"
    goes on with the case."""
    chat = Chat(live_server, "p2-careless-what")
    turn = chat.say("3 maart 2025")
    assert "maandag 3 maart 2025" in turn.text and "klopt dat?" in turn.text.lower()
    assert {"/affirm", "/deny"} <= set(turn.buttons)
    first_question = turn.text

    turn = chat.say("wat bedoel je?")
    assert turn.text != first_question  # in other words
    assert "3 maart 2025" in turn.text and "?" in turn.text
    assert {"/affirm", "/deny"} <= set(turn.buttons)

    turn = chat.say("ja")
    assert "maandag 3 maart 2025" in turn.seen
    assert_first_sick_day(turn, "2025-03-03")
    assert_not_asked(turn, *SICK_DAY_WORDS)
