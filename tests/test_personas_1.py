"""Issue 19 point 8: employer personas (HR advisers, managers, small-business owners) in
multi-turn conversations over HTTP, BOT_TODAY = Monday 23 November 2026.

Written from the personas, the spec (shared/spec/timeline.md) and knowledge/ only, without
reading the implementation. Every expected date was computed by hand from the spec's rules
(sick day k falls on D + k - 1; gaps between added-up periods are skipped) and is written the
way the assistant writes dates ("woensdag 24 maart 2027"). Each test is one persona's
conversation, with a docstring saying who and what. The messages are typed as people type
(short, typos, several messages, corrections).

Assertions check facts (dates, who acts, what is asked, what is late) through substrings, not
whole texts. A conversation goes on to its end even after a failed check, so that one run
shows every wrong answer of that conversation; the test then fails with all failed checks and
the whole transcript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.live_server import LiveServer, texts

pytestmark = pytest.mark.model

APOLOGY = "Sorry, er ging bij mij iets mis"
ROLE_QUESTION = "Ben je zelf ziek"
EMPLOYER_ROLE_BUTTON = '/inform_role{"role": "werkgever"}'
ECHO_OPENINGS = ("Je eerste ziektedag is", "Klopt dat niet?")
# The employee's variant of a repair (knowledge/milestones.yml, repair.werknemer): never for
# these personas, who all speak about "mijn werknemer" / "medewerker" / "collega".
EMPLOYEE_ONLY = "Vraag je werkgever"


@dataclass
class Reply:
    """What the user sees after one message: the texts and the buttons."""

    messages: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return texts(self.messages)

    @property
    def buttons(self) -> list[str]:
        return [b["payload"] for m in self.messages for b in m.get("buttons", [])]

    @property
    def first_sentence(self) -> str:
        """The first sentence after a leading echo of the first sick day (an echo states an
        assumption, it does not keep the user from the answer)."""
        plain = self.text.replace("**", "")
        sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+|\n", plain) if s.strip()]
        answer = [s for s in sentences if not s.startswith(ECHO_OPENINGS)]
        return answer[0] if answer else ""

    def asks_first_sick_day(self) -> bool:
        """A question for the first sick day (or its confirmation)."""
        questions = re.findall(r"[^.?!\n]*ziektedag[^.?!\n]*\?", self.text)
        return bool(questions) or bool(re.search(r"Noem (de |je )?eerste ziektedag", self.text))

    def asks(self, question_start: str) -> bool:
        return bool(re.search(re.escape(question_start) + r"[^.?!\n]*\?", self.text))

    def says_spoor2_late(self) -> bool:
        """True for "Spoor 2 is te laat", "Uiterste start tweede spoor (te laat)" and the like."""
        return bool(re.search(r"(spoor 2|tweede spoor)[^\n]{0,40}te laat", self.text, re.I))

    def says_periods_add_up(self) -> bool:
        return any(words in self.text for words in ("opgeteld", "tellen samen op", "samengeteld"))


@dataclass
class Conversation:
    """One persona's chat. Answers the role question with the employer button when it comes
    (a fair user clicks it); every other message is written in the test."""

    server: LiveServer
    sender: str
    transcript: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def say(self, message: str) -> Reply:
        reply = self._send(message)
        if ROLE_QUESTION in reply.text:
            role_reply = self._send(EMPLOYER_ROLE_BUTTON)
            reply = Reply(reply.messages + role_reply.messages)
        return reply

    def say_yes_if_asked(self, reply: Reply) -> Reply:
        """The persona confirms a date the assistant echoed back ("…, klopt dat?")."""
        if "klopt dat?" in reply.text.lower():
            return self.say("ja")
        return reply

    def check(self, condition: bool, expectation: str) -> None:
        if not condition:
            last = self.transcript[-1] if self.transcript else ""
            self.failures.append(f"{expectation}\n    last turn: {last[:600]}")

    def check_in(self, needle: str, reply: Reply, what: str) -> None:
        self.check(needle in reply.text, f"{what}: expected {needle!r} in the answer")

    def check_not_in(self, needle: str, reply: Reply, what: str) -> None:
        self.check(needle not in reply.text, f"{what}: did not expect {needle!r}")

    def finish(self) -> None:
        """Fail with every failed check and the whole transcript (no assert introspection:
        the transcript is the readable part)."""
        if self.failures:
            pytest.fail(
                f"{len(self.failures)} failed check(s):\n- "
                + "\n- ".join(self.failures)
                + "\n\nTranscript:\n"
                + "\n".join(self.transcript),
                pytrace=False,
            )

    def _send(self, message: str) -> Reply:
        reply = Reply(self.server.chat(self.sender, message))
        buttons = f"\n    [buttons: {', '.join(reply.buttons)}]" if reply.buttons else ""
        self.transcript.append(f"USER: {message}\nBOT:  {reply.text}{buttons}")
        self.check(APOLOGY not in reply.text, f"no apology after {message!r}")
        if "klopt dat?" in reply.text.lower():
            self.check("/affirm" in reply.buttons, f"Ja/Nee buttons with the check of {message!r}")
        self.check(
            EMPLOYEE_ONLY not in reply.text,
            f"an employer is given the employer's actions, not the employee's, after {message!r}",
        )
        return reply


def chat(live_server: LiveServer, sender: str) -> Conversation:
    return Conversation(live_server, f"persona1-{sender}")


# ---------------------------------------------------------------------------------------------
# Conversations
# ---------------------------------------------------------------------------------------------


def test_hr_adviser_sick_since_3_march_asks_what_when(live_server: LiveServer) -> None:
    """Sanne, HR adviser at a logistics company. Her employee has been sick since 3 March
    (no year: the last 3 March before today, 2026). She asks for the whole picture, then
    when to report to UWV in her own words, then what to do now.

    D = 2026-03-03: probleemanalyse 13-04-2026, plan van aanpak 27-04-2026 (both passed,
    not known to be done), 42e-weeksmelding D+294 = Tuesday 22-12-2026, spoor 2 at the
    latest D+405 = 12-04-2027, last day of pay D+727 = 28-02-2028."""
    c = chat(live_server, "sanne-hr")
    reply = c.say_yes_if_asked(
        c.say("mijn werknemer is sinds 3 maart ziek, wat moet ik wanneer doen?")
    )
    c.check_in("dinsdag 3 maart 2026", reply, "3 maart without a year is 2026")
    c.check_in("dinsdag 22 december 2026", reply, "42e-weeksmelding in the overview")
    c.check_in("maandag 12 april 2027", reply, "spoor 2 deadline in the overview")
    c.check_in("maandag 28 februari 2028", reply, "last day of pay in the overview")
    c.check_in("loonsanctie", reply, "the passed plan van aanpak comes with its risk")

    reply = c.say("en wanneer moet ik haar ziek melden bij het uwv?")
    c.check_in("dinsdag 22 december 2026", reply, "the 42e-weeksmelding date for this case")
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")

    reply = c.say("wat moet ik nu doen?")
    c.check_in("Plan van aanpak", reply, "the late plan van aanpak comes first")
    c.check("werkgever" in reply.text.lower(), "who acts is named")
    c.check(
        reply.text.find("Plan van aanpak") < reply.text.find("Voortgangsgesprek")
        or "Voortgangsgesprek" not in reply.text,
        "late items before the routine voortgangsgesprek",
    )
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")
    c.finish()


def test_manager_asks_how_long_the_salary_continues(live_server: LiveServer) -> None:
    """Mark, team lead in a warehouse, asks one thing: how long his sick employee still gets
    paid. The first sentence must answer it (issue point 5), not a table or questions
    about the eerstejaarsevaluatie or spoor 2. Then a follow-up about the WIA-aanvraag.

    D = 2026-01-05 (spec example 1): last day of pay Sunday 02-01-2028, WIA-aanvraag at the
    latest Sunday 17-10-2027, done by the werknemer with the employer's re-integratieverslag."""
    c = chat(live_server, "mark-manager")
    reply = c.say_yes_if_asked(
        c.say("hoe lang krijgt mijn medewerker nog salaris? ze is sinds 5 januari 2026 ziek")
    )
    c.check(
        "zondag 2 januari 2028" in reply.first_sentence,
        f"the first sentence answers with the last day of pay (saw {reply.first_sentence!r})",
    )
    c.check(not reply.asks("Is spoor 2 al gestart"), "no spoor 2 question for a pay question")
    c.check(
        not reply.asks("Is de eerstejaarsevaluatie al geweest"),
        "no eerstejaarsevaluatie question for a pay question",
    )

    reply = c.say("en wanneer moet de wia aanvraag de deur uit?")
    c.check_in("zondag 17 oktober 2027", reply, "the WIA-aanvraag deadline of this case")
    c.check_in("re-integratieverslag", reply, "the employer's part: the re-integratieverslag")
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")

    reply = c.say("top, bedankt")
    c.check(reply.text != "", "a thank-you gets an answer")
    c.finish()


def test_hr_adviser_tells_two_sick_periods_in_order(live_server: LiveServer) -> None:
    """Fatima, HR adviser, tells the issue's case over several messages, in order: sick
    3 March - 25 April 2025, sick again since 20 May 2025. Gap = 20-05 - 25-04 - 1 = 24 days
    (< 28): the periods add up. 54 sick days in the first period, so sick day 728 is
    20-05-2025 + 727 - 54 = Wednesday 24 March 2027 (not 17 May 2027, which drops the
    first period)."""
    c = chat(live_server, "fatima-hr")
    c.say("hoi, vraagje over een medewerker met meerdere ziekteperiodes")
    reply = c.say_yes_if_asked(c.say("ze was ziek van 3 maart tot 25 april 2025"))
    reply = c.say_yes_if_asked(c.say("sinds 20 mei 2025 is ze weer ziek"))
    reply = c.say("tot wanneer moeten we loon doorbetalen?")
    c.check(
        "woensdag 24 maart 2027" in reply.first_sentence,
        f"the first sentence gives the added-up end of pay (saw {reply.first_sentence!r})",
    )
    c.check(reply.says_periods_add_up(), "the answer says the periods add up")
    c.check_in("24 dagen", reply, "the answer names the 24-day gap")
    c.check_not_in("17 mei 2027", reply, "the earlier period is not dropped")
    c.check(not reply.asks_first_sick_day(), "the known periods are not asked again")
    c.finish()


def test_owner_adds_an_earlier_period_without_a_year(live_server: LiveServer) -> None:
    """Peter, owner of a bakery with 8 staff, tells the same case backwards: first the
    current period (since 20 May 2025), then "daarvoor ... van 3 maart tot 25 april" without
    a year. The year comes from the conversation (2025, just before the current period);
    the earlier period is added, not put in place of the current one. End of pay Wednesday
    24 March 2027 (gap 24 days)."""
    c = chat(live_server, "peter-bakker")
    c.say_yes_if_asked(c.say("mijn verkoopster is sinds 20 mei 2025 ziek"))
    reply = c.say("oja, ze was daarvoor ook al ziek geweest, van 3 maart tot 25 april")
    c.check_in("3 maart 2025", reply, "the earlier period is placed in 2025")
    c.check_not_in("3 maart 2026", reply, "not in the year after the current period")
    if "3 maart 2026" in reply.text:  # he notices the wrong year and corrects it
        reply = c.say("nee, dat was in 2025")
        if reply.asks("Wat is dan de juiste") or reply.asks("Welke dag"):
            reply = c.say("van 3 maart 2025 tot 25 april 2025")
    reply = c.say_yes_if_asked(reply)
    reply = c.say("hoe lang moet ik nog loon betalen?")
    c.check_in("woensdag 24 maart 2027", reply, "end of pay with both periods added up")
    c.check(reply.says_periods_add_up(), "the answer says the periods add up")
    c.finish()


def test_hr_says_spoor2_has_not_started(live_server: LiveServer) -> None:
    """Linda, HR at a municipality. She says at once that spoor 2 has not started, so the
    assistant must not ask "Is spoor 2 al gestart?". D = 2025-09-01, eerstejaarsevaluatie
    unknown: spoor 2 at the latest D+405 = Sunday 11 October 2026, 43 days before today.
    Late: the answer gives what to do now (start with a re-integratiebureau), who (the
    werkgever) and the risk (loonsanctie). Then "wat moet ik nu doen?" puts spoor 2 first."""
    c = chat(live_server, "linda-hr")
    reply = c.say(
        "medewerker ziek sinds 1 september 2025. spoor 2 is nog niet gestart. is dat te laat?"
    )
    seen = [reply]
    if reply.asks("Is de eerstejaarsevaluatie al geweest"):
        reply = c.say("weet ik niet")
        seen.append(reply)
    all_text = "\n".join(r.text for r in seen)
    c.check(
        not any(r.asks("Is spoor 2 al gestart") for r in seen),
        "spoor 2 not started was said: not asked again",
    )
    c.check("43 dagen" in all_text, "spoor 2 is 43 days late")
    c.check("zondag 11 oktober 2026" in all_text, "the spoor 2 deadline")
    c.check("re-integratiebureau" in all_text, "the repair: start spoor 2 now")
    c.check("loonsanctie" in all_text, "the risk: a loonsanctie")

    reply = c.say("wat moet ik nu doen?")
    text = reply.text
    c.check(
        "spoor" in reply.first_sentence.lower(),
        f"the summary starts with the late spoor 2 (saw {reply.first_sentence!r})",
    )
    c.check_in("re-integratiebureau", reply, "what to do now for spoor 2")
    c.check("Wie: werkgever" in text or "de werkgever" in text, "who acts: the werkgever")
    c.check(not reply.asks("Is spoor 2 al gestart"), "spoor 2 not started is not asked again")
    c.finish()


def test_hr_late_plan_van_aanpak(live_server: LiveServer) -> None:
    """Jeroen, HR at an IT company: a colleague sick since 3 August (2026), and there is
    still no plan van aanpak. Plan van aanpak at the latest in week 8: D+55 = Sunday
    27 September 2026, 57 days ago. He must hear that it is late and get the repair (make
    it now, werkgever takes the initiative), the risk (loonsanctie) and a source; "Deze
    datum is al voorbij." alone is not an answer. "wat moet ik nu doen?" then puts the
    plan van aanpak first, not a routine voortgangsgesprek."""
    c = chat(live_server, "jeroen-hr")
    reply = c.say(
        "sinds 3 augustus is een collega ziek. het plan van aanpak is nog steeds niet "
        "gemaakt, hoe erg is dat?"
    )
    reply = c.say_yes_if_asked(reply)
    c.check_in("zondag 27 september 2026", reply, "the plan van aanpak deadline")
    c.check("te laat" in reply.text, "the answer says the plan van aanpak is late")
    c.check_in("loonsanctie", reply, "the risk of the late plan van aanpak")
    c.check("plan van aanpak nu" in reply.text, "the repair: make the plan van aanpak now")
    c.check_in("Bron:", reply, "a source for the statement of law")
    c.check(
        not reply.asks("Is het plan van aanpak al gemaakt"),
        "the user said the plan van aanpak is not made: not asked again",
    )

    reply = c.say("wat moet ik nu doen?")
    c.check(
        "plan van aanpak" in reply.first_sentence.lower(),
        f"the summary starts with the late plan van aanpak (saw {reply.first_sentence!r})",
    )
    c.check(
        not reply.asks("Is het plan van aanpak al gemaakt"),
        "the plan van aanpak is known not to be made: not asked again",
    )
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")
    c.finish()


def test_hr_late_wia_aanvraag_then_sent(live_server: LiveServer) -> None:
    """Ahmed, HR at a care organisation. His employee is sick since 6 January 2025 and the
    WIA-aanvraag has not been sent. Deadline week 93: D+650 = Sunday 18 October 2026, 36
    days ago. HR gets the repair: the werknemer applies now (the employee's own step), the
    werkgever hands over the re-integratieverslag; the risk: pay and waiting time shift.
    Then the aanvraag went out on Friday 20 November 2026: 33 days late, so the last day of
    pay moves from Sunday 03-01-2027 to Friday 05-02-2027 (art. 7:629 lid 11 BW)."""
    c = chat(live_server, "ahmed-hr")
    reply = c.say(
        "mijn werknemer is sinds 6 januari 2025 ziek en de WIA-aanvraag is nog niet "
        "ingediend. wat nu?"
    )
    reply = c.say_yes_if_asked(reply)
    c.check_in("zondag 18 oktober 2026", reply, "the WIA-aanvraag deadline")
    c.check_in("te laat", reply, "the answer says the WIA-aanvraag is late")
    c.check_in("re-integratieverslag", reply, "the employer's part of the repair")
    c.check_in("7:629 lid 11", reply, "the risk: pay and waiting time shift (art. 7:629 lid 11 BW)")
    c.check(
        "Deze datum is al voorbij." not in reply.text or "Wat nu" in reply.text,
        "a passed deadline gets a next step",
    )
    c.check(
        not reply.asks("Is de WIA-aanvraag al ingediend"),
        "the user said it was not sent: not asked again",
    )

    reply = c.say("hij heeft hem vrijdag 20 november alsnog verstuurd")
    c.check(
        not reply.asks_first_sick_day(), "the WIA-aanvraag date is not taken as a first sick day"
    )
    reply = c.say("tot wanneer moeten we dan nog doorbetalen?")
    c.check_in("vrijdag 5 februari 2027", reply, "end of pay moved by the 33-day delay")
    c.check_not_in("zondag 3 januari 2027", reply, "not the end of pay without the delay")
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")
    c.finish()


def test_hr_planned_eerstejaarsevaluatie(live_server: LiveServer) -> None:
    """Monique, HR adviser. Employee sick since 12 January (2026). The eerstejaarsevaluatie
    is planned on 14 December (2026, inside the window 23-11-2026 .. 10-01-2027). Spec 6.1:
    a planned date is used, not refused: spoor 2 at the latest 14-12-2026 + 42 = Monday
    25 January 2027, and the answer says the evaluation is planned. Then the
    42e-weeksmelding: D+294 = Monday 2 November 2026, passed."""
    c = chat(live_server, "monique-hr")
    c.say_yes_if_asked(c.say("werknemer is sinds 12 januari ziek"))
    reply = c.say(
        "de eerstejaarsevaluatie staat gepland op 14 december. wanneer moet spoor 2 dan "
        "uiterlijk starten?"
    )
    if reply.asks("Heeft een arbeidsdeskundige"):
        reply = c.say("nee")
    c.check_in("maandag 25 januari 2027", reply, "spoor 2 six weeks after the planned EJE")
    c.check_in("gepland", reply, "the answer says the evaluation is planned")
    c.check_in("14 december 2026", reply, "the planned date is repeated")
    c.check_not_in("toekomst", reply, "a planned date is not refused as 'in de toekomst'")
    c.check(
        not reply.asks("Is de eerstejaarsevaluatie al geweest"),
        "the planned evaluation is not asked again",
    )

    reply = c.say("en de 42e weeks melding?")
    c.check_in("maandag 2 november 2026", reply, "the 42e-weeksmelding date")
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")
    c.finish()


def test_owner_employee_reaches_aow_age(live_server: LiveServer) -> None:
    """Kees, owner of a small installation company. His mechanic (sick since 2 March 2026)
    reaches the AOW age on 1 June 2027. Spoor 2 would be due D+405 = Sunday 11 April 2027,
    and the AOW age falls within a year of it: spoor 2 is not required (spec 5, niet
    vereist). The employer pays until six weeks after the AOW date at most: 1 June 2027 +
    41 days = Monday 12 July 2027 (knowledge/milestones.yml explanation_aow)."""
    c = chat(live_server, "kees-installateur")
    reply = c.say(
        "mijn monteur is sinds 2 maart 2026 ziek, hij bereikt op 1 juni 2027 de aow "
        "leeftijd. moet ik nog met spoor 2 beginnen?"
    )
    reply = c.say_yes_if_asked(reply)
    if reply.asks("Is de eerstejaarsevaluatie al geweest"):
        reply = c.say("nee nog niet")
    c.check_in("AOW", reply, "the answer uses the AOW age")
    c.check(not reply.says_spoor2_late(), "spoor 2 is not called late")
    c.check(
        any(w in reply.text for w in ("niet nodig", "hoeft", "niet verplicht", "niet vereist")),
        "the answer says spoor 2 is not required: the AOW age falls within a year",
    )

    reply = c.say("en tot wanneer moet ik hem doorbetalen?")
    c.check_in("maandag 12 juli 2027", reply, "pay ends six weeks after the AOW date")
    c.check_not_in("zondag 27 februari 2028", reply, "not the normal 104-week end")
    c.finish()


def test_manager_asks_what_the_question_means(live_server: LiveServer) -> None:
    """Anouk, a new manager, asks whether spoor 2 is late (D = 2025-09-01). The assistant
    asks about the eerstejaarsevaluatie; she types "wat bedoel je?". The assistant explains
    its last question in other words and keeps the buttons. Then she answers that it has not
    been held and spoor 2 has not started: spoor 2 deadline D+405 = Sunday 11 October 2026,
    43 days late; the eerstejaarsevaluatie (window ended Sunday 30 August 2026) is late too
    and gets its repair."""
    c = chat(live_server, "anouk-manager")
    reply = c.say("mijn werknemer is sinds 1 september 2025 ziek. is spoor 2 te laat?")
    c.check_in("eerstejaarsevaluatie", reply, "the assistant asks about the evaluation")
    reply = c.say("wat bedoel je?")
    c.check_in("eerstejaarsevaluatie", reply, "the explanation is about the same question")
    c.check("?" in reply.text, "the question is asked again, in other words")
    c.check(reply.buttons != [], "the choice keeps its buttons")
    reply = c.say("die is nog niet geweest")
    if reply.asks("Is spoor 2 al gestart"):
        reply = c.say("nee, nog niet")
    c.check_in("43 dagen", reply, "spoor 2 is 43 days late")
    c.check_in("zondag 11 oktober 2026", reply, "the spoor 2 deadline")
    reply = c.say("oke. en wat moet ik nu allemaal doen?")
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")
    c.check_in("zondag 30 augustus 2026", reply, "the passed end of the evaluation window")
    c.check("eerstejaarsevaluatie nu" in reply.text, "the repair of the evaluation not held")
    c.check(reply.says_spoor2_late(), "spoor 2 is among the late steps")
    c.check(
        not reply.asks("Is de eerstejaarsevaluatie al"), "the evaluation is known not to be held"
    )
    c.check(not reply.asks("Is spoor 2 al gestart"), "spoor 2 is known not to have started")
    c.finish()


def test_international_hr_manager_writes_in_english(live_server: LiveServer) -> None:
    """Tom, HR manager at an international company, writes in English. The assistant says
    briefly, in English, that it answers in Dutch, and answers: D = 2026-02-02, the
    42e-weeksmelding is due D+294 = Monday 23 November 2026 (today, a working day). Then he
    switches to Dutch; the first sick day from the English message is kept: spoor 2 at the
    latest D+405 = Sunday 14 March 2027."""
    c = chat(live_server, "tom-hr")
    reply = c.say(
        "Hi, my employee has been sick since February 2, 2026. When do I need to report "
        "this to UWV?"
    )
    reply = c.say_yes_if_asked(reply)
    c.check("Dutch" in reply.text, "a short English note that the assistant answers in Dutch")
    c.check_in("maandag 23 november 2026", reply, "the 42e-weeksmelding date (today)")
    c.check("pensioen" not in reply.text.lower(), "not the pension reply")
    c.check("weer" not in reply.text.lower().split(), "not the weather reply")

    reply = c.say("ok, in het nederlands dan. wanneer moet spoor 2 uiterlijk starten?")
    if reply.asks("Is de eerstejaarsevaluatie al geweest"):
        reply = c.say("/skip")
    if reply.asks("Heeft een arbeidsdeskundige"):
        reply = c.say("nee")
    c.check_in("zondag 14 maart 2027", reply, "spoor 2 deadline for D = 2 February 2026")
    c.check(not reply.asks_first_sick_day(), "the first sick day from the English message is kept")
    c.finish()


def test_hr_asks_what_to_do_today(live_server: LiveServer) -> None:
    """Esther, HR at a hospital. Case D = 2026-02-02; she says the probleemanalyse and the
    plan van aanpak were done on time, then asks "wat moet ik vandaag doen?". "Vandaag" is
    today, not a new first sick day (issue point 4). Due today: the 42e-weeksmelding,
    D+294 = Monday 23 November 2026, by the werkgever. The assistant does not fail, does
    not read today as the first sick day, and does not ask again about the steps she
    reported done."""
    c = chat(live_server, "esther-hr")
    c.say_yes_if_asked(c.say("een medewerker is ziek sinds 2 februari 2026"))
    c.say("de probleemanalyse en het plan van aanpak zijn allebei op tijd gedaan")
    reply = c.say("wat moet ik vandaag doen?")
    c.check_in("42e-weeksmelding", reply, "the 42e-weeksmelding is due today")
    c.check_in("maandag 23 november 2026", reply, "by when: today")
    c.check_in("werkgever", reply, "who acts: the werkgever")
    c.check("23 november 2026, klopt dat?" not in reply.text.lower(), "today is not a sick day")
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")
    c.check(
        not reply.asks("Heeft de bedrijfsarts de probleemanalyse al gemaakt"),
        "the probleemanalyse was said to be done",
    )
    c.check(
        not reply.asks("Is het plan van aanpak al gemaakt"),
        "the plan van aanpak was said to be done",
    )

    reply = c.say("en wanneer is de eerstejaarsevaluatie?")
    c.check_in("maandag 14 december 2026", reply, "window start D+315")
    c.check_in("zondag 31 januari 2027", reply, "window end D+363")
    c.finish()


def test_manager_gives_an_approximate_date(live_server: LiveServer) -> None:
    """Bas, manager at a call centre, does not know the exact day: "rond 15 mei". The
    assistant accepts it with a stated assumption (issue point 7: "ik reken met ...") and
    computes from Friday 15 May 2026: 42e-weeksmelding D+294 = Friday 5 March 2027 (a
    working day)."""
    c = chat(live_server, "bas-manager")
    reply = c.say(
        "een van mijn teamleden is rond 15 mei ziek geworden, precieze datum weet ik niet"
    )
    c.check_in("15 mei 2026", reply, "the approximate date is read as 15 May 2026")
    c.check("reken" in reply.text, "the assumption is stated")
    if reply.asks("Weet je de precieze dag"):
        reply = c.say("nee echt geen idee. reken maar met 15 mei")
    reply = c.say_yes_if_asked(reply)
    reply = c.say("wanneer moet de ziekmelding bij uwv dan?")
    c.check_in("vrijdag 5 maart 2027", reply, "the 42e-weeksmelding for D = 15 May 2026")
    c.check(not reply.asks_first_sick_day(), "the assumed first sick day is not asked again")
    c.finish()


def test_hr_uses_day_month_and_dit_jaar(live_server: LiveServer) -> None:
    """Yvonne, HR at a primary school: "ziek sinds 14-4 dit jaar" = Tuesday 14 April 2026.
    Eerstejaarsevaluatie between D+315 = Tuesday 23 February 2027 and D+363 = Monday
    12 April 2027; last day of pay D+727 = Monday 10 April 2028."""
    c = chat(live_server, "yvonne-school")
    reply = c.say("leerkracht ziek sinds 14-4 dit jaar, wanneer moet de eerstejaarsevaluatie?")
    c.check(not reply.asks("Welke dag"), "14-4 is a whole date: the day is not asked")
    c.check_in("dinsdag 14 april 2026", reply, "14-4 dit jaar is 14 April 2026")
    if reply.asks("Welke dag"):
        reply = c.say("14 april dus")
    reply = c.say_yes_if_asked(reply)
    c.check_in("dinsdag 23 februari 2027", reply, "the window starts in week 46")
    c.check_in("maandag 12 april 2027", reply, "the window ends in week 52")

    reply = c.say("en wanneer is het laatste salaris?")
    c.check_in("maandag 10 april 2028", reply, "the last day of pay")
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")
    c.finish()


def test_hr_corrects_the_year_just_given(live_server: LiveServer) -> None:
    """Rob, HR at a housing corporation, types 2026 but means 2025 and corrects the year
    only: "oh nee sorry, 2025 bedoel ik". D = Monday 10 February 2025. WIA-aanvraag at the
    latest D+650 = Sunday 22 November 2026: yesterday, so late by one day; HR gets the
    repair (the werknemer applies now, the werkgever gives the re-integratieverslag). With
    the uncorrected year it would be 22 November 2027."""
    c = chat(live_server, "rob-hr")
    reply = c.say("werknemer ziek sinds 10 februari 2026")
    c.check_in("dinsdag 10 februari 2026", reply, "the date as typed is echoed")
    reply = c.say("oh nee sorry, 2025 bedoel ik")
    c.check_in("maandag 10 februari 2025", reply, "the corrected year")
    if reply.asks("Wat is dan de juiste eerste ziektedag"):
        reply = c.say("10-02-2025")
    reply = c.say_yes_if_asked(reply)
    reply = c.say("wanneer moest de wia aanvraag ingediend zijn?")
    if reply.asks("Is de WIA-aanvraag al ingediend"):
        reply = c.say("nee")
    c.check_in("zondag 22 november 2026", reply, "the WIA-aanvraag deadline, yesterday")
    c.check_not_in("22 november 2027", reply, "not the deadline of the uncorrected year")
    c.check_in("re-integratieverslag", reply, "the employer's part of the repair")
    c.check("te laat" in reply.text, "the answer says the WIA-aanvraag is late")
    c.check_in("7:629 lid 11", reply, "the risk: pay and waiting time shift (art. 7:629 lid 11 BW)")
    c.finish()


def test_manager_corrects_the_day_28_02_dan(live_server: LiveServer) -> None:
    """Nina, manager of a clothes shop, asks when to report to UWV, gives 26 February and
    corrects it: "nee 28-02 dan". D = Saturday 28 February 2026: D+294 = Saturday
    19 December 2026, so the 42e-weeksmelding rolls to Monday 21 December 2026 (spec 3).
    With 26 February it would have been Thursday 17 December 2026."""
    c = chat(live_server, "nina-winkel")
    reply = c.say("wanneer moet ik mijn medewerker bij het UWV ziekmelden?")
    c.check(reply.asks_first_sick_day(), "the first sick day is needed and asked")
    reply = c.say("26 februari")
    c.check_in("donderdag 26 februari 2026", reply, "26 februari is 2026")
    reply = c.say("nee 28-02 dan")
    c.check_in("zaterdag 28 februari 2026", reply, "the corrected day")
    if reply.asks("Wat is dan de juiste eerste ziektedag"):
        reply = c.say("28 februari")
    reply = c.say_yes_if_asked(reply)
    if "21 december" not in reply.text:
        reply = c.say("dus wanneer moet de melding bij uwv?")
    c.check_in("maandag 21 december 2026", reply, "42e-weeksmelding rolled to a working day")
    c.check_not_in("17 december 2026", reply, "not the date of the uncorrected day")
    c.finish()


def test_owner_periods_with_a_four_week_gap_make_a_new_case(live_server: LiveServer) -> None:
    """Willem, owner of a car repair shop. His mechanic was sick 2 to 20 February (2026) and
    is sick again since 21 March. Gap = 21-03 - 20-02 - 1 = 28 days: a new case with D =
    Saturday 21 March 2026 (spec example 5): 42e-weeksmelding Monday 11 January 2027, not
    the added-up Monday 21 December 2026."""
    c = chat(live_server, "willem-garage")
    c.say_yes_if_asked(c.say("mijn monteur was ziek van 2 tot en met 20 februari"))
    c.say_yes_if_asked(c.say("en nu is hij sinds 21 maart weer ziek"))
    reply = c.say("en de 42e-weeksmelding, wanneer moet die?")
    c.check_in("maandag 11 januari 2027", reply, "the 42e-weeksmelding of the new case")
    c.check_not_in("21 december 2026", reply, "the periods do not add up (gap 28 days)")
    c.check(not reply.says_periods_add_up(), "a gap of 28 days: the periods do not add up")
    c.check(not reply.asks_first_sick_day(), "the known periods are not asked again")
    c.finish()


def test_hr_periods_with_a_27_day_gap_add_up(live_server: LiveServer) -> None:
    """Hanna, HR at a foundation, in one message: sick 2-20 February 2026, sick again since
    20 March 2026. Gap 27 days: the periods add up (spec example 5): last day of pay
    Saturday 26 February 2028, probleemanalyse Saturday 11 April 2026."""
    c = chat(live_server, "hanna-hr")
    reply = c.say(
        "collega was ziek van 2 februari t/m 20 februari 2026, en sinds 20 maart 2026 weer "
        "ziek. wanneer stopt de loondoorbetaling?"
    )
    reply = c.say_yes_if_asked(reply)
    c.check_in("zaterdag 26 februari 2028", reply, "end of pay with the periods added up")
    c.check(reply.says_periods_add_up(), "the answer says the periods add up")
    c.check_in("27 dagen", reply, "the answer names the 27-day gap")
    reply = c.say("en wanneer had de probleemanalyse klaar moeten zijn?")
    c.check_in("zaterdag 11 april 2026", reply, "probleemanalyse on sick day 42")
    c.check(not reply.asks_first_sick_day(), "the known periods are not asked again")
    c.finish()


def test_hr_gets_a_loonsanctie_after_the_answer(live_server: LiveServer) -> None:
    """Gerda, HR at a transport company. Employee sick since 6 January 2025: last day of
    pay D+727 = Sunday 3 January 2027, answered in the first sentence. Then UWV imposes a
    loonsanctie of 26 weeks: the end moves 182 days, to Sunday 4 July 2027. The fact is kept
    and the first sick day is not asked again."""
    c = chat(live_server, "gerda-transport")
    reply = c.say("werknemer is sinds 6 januari 2025 ziek. tot wanneer loopt de loondoorbetaling?")
    reply = c.say_yes_if_asked(reply)
    c.check_in("zondag 3 januari 2027", reply, "the last day of pay")
    if reply.asks("Is de WIA-aanvraag al ingediend"):
        reply = c.say("ja die is op tijd ingediend")
        if reply.asks("Op welke datum was dat"):
            c.say("/skip")  # the "Sla over" button: she does not know the day
    c.say("UWV heeft ons net een loonsanctie van 26 weken opgelegd")
    reply = c.say("wat wordt dan de laatste dag?")
    c.check_in("zondag 4 juli 2027", reply, "end of pay moved by 26 weeks")
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")
    c.finish()


def test_sloppy_manager_reports_eje_and_spoor2_started(live_server: LiveServer) -> None:
    """Dennis, operations manager, types fast with typos. Employee sick since 12 oktober
    2025 ("12 okt 2025"); eerstejaarsevaluatie held on 1 October 2026 (inside the window
    23-08-2026 .. 10-10-2026): spoor 2 at the latest 1-10-2026 + 42 = Thursday 12 November
    2026; spoor 2 started on 2 November 2026, in time. "wat moet ik nu doen?" must not call
    spoor 2 late nor ask about the evaluation or spoor 2 again."""
    c = chat(live_server, "dennis-ops")
    c.say_yes_if_asked(c.say("mn werknemr is sinds 12 okt 2025 ziek"))
    c.say("eerstejaars evaluatie was op 1 okt")
    c.say("spoor 2 is gestart op 2 nov")
    reply = c.say("wat moet ik nu doen?")
    c.check(not reply.says_spoor2_late(), "spoor 2 started in time: not called late")
    c.check(not reply.asks("Is spoor 2 al gestart"), "spoor 2 start is not asked again")
    c.check(
        not reply.asks("Is de eerstejaarsevaluatie al geweest"),
        "the evaluation date is not asked again",
    )
    c.check(not reply.asks_first_sick_day(), "the known first sick day is not asked again")
    reply = c.say("en tot wanneer had spoor 2 moeten starten?")
    c.check_in("donderdag 12 november 2026", reply, "six weeks after the held evaluation")
    c.check_in("gestart", reply, "spoor 2 is reported as started")
    c.finish()
