"""Cases the deadline rules do not cover as they stand (spec section 7), noticed in what the
user writes: a temporary contract that ends, a temp worker, no employer (Ziektewet safety
net), an eigenrisicodrager, an (early) IVA, the AOW age, pregnancy. And one fact users often
get wrong: a late 42e-weeksmelding does not extend the payment.

A personal answer then says what differs and where to go, before the dates, instead of
presenting the standard dates as if they applied. Detection never touches the date reading:
the sick days found in the same message are used as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.deadlines.rules import fact
from bot.dutch.text_match import flatten

TIJDELIJK_CONTRACT = "tijdelijk_contract"
UITZENDKRACHT = "uitzendkracht"
GEEN_WERKGEVER = "geen_werkgever"
EIGENRISICODRAGER = "eigenrisicodrager"
IVA = "iva"
AOW = "aow"
ZWANGER = "zwanger"
LATE_MELDING = "late_42e_weeksmelding"


@dataclass(frozen=True)
class SpecialCase:
    id: str
    pattern: re.Pattern[str]
    source_ids: tuple[str, ...]  # knowledge/sources.yml: the sources of what the text says
    faq_id: str | None = None  # the FAQ entry that tells more, offered as a button


_MELDING = r"(\b42\s*-?\s*(e|ste)\b|\b42e|ziekmelding bij uwv|melding bij uwv|uwv-?melding)"

CASES: tuple[SpecialCase, ...] = (
    SpecialCase(
        TIJDELIJK_CONTRACT,
        re.compile(
            r"tijdelijke? (arbeids)?(contract|dienstverband|aanstelling)|bepaalde tijd|"
            r"jaarcontract|(contract|dienstverband) (loopt|liep|eindigt|stopt) (af|op|per)|"
            r"contract (afloopt|eindigt|stopt)|contract wordt niet verlengd|"
            r"einde van (mijn|het|zijn|haar|ons) contract|"
            r"(contract|dienstverband|aanstelling) is (maar )?tijdelijk"
        ),
        ("zw_29", "bw_7_629"),
        "contract_eindigt_ziek",
    ),
    SpecialCase(UITZENDKRACHT, re.compile(r"uitzend"), ("zw_29",)),
    SpecialCase(
        GEEN_WERKGEVER,
        re.compile(
            r"ziek uit dienst|geen werkgever|\bin de ww\b|ww-uitkering|ww uitkering|"
            r"werkloos"
        ),
        ("zw_29",),
    ),
    SpecialCase(
        EIGENRISICODRAGER,
        re.compile(r"eigen ?-?risico ?-?drager|\berd\b"),
        ("zw_29",),
    ),
    SpecialCase(
        IVA,
        re.compile(
            r"\biva\b|volledig en duurzaam|duurzaam (en volledig )?arbeidsongeschikt|"
            r"(vervroegde|vroege|eerdere) (wia|iva)"
        ),
        ("wia_23", "wia_64"),
    ),
    SpecialCase(
        AOW,
        re.compile(r"\baow|pensioen ?(gerechtigde )?leeftijd|staatspensioen"),
        ("bw_7_629",),
        "aow_leeftijd",
    ),
    SpecialCase(
        ZWANGER,
        re.compile(r"zwanger|bevalling|bevallen|zwangerschapsverlof"),
        ("zw_29a", "uwv_ziek_zwangerschap"),
        "zwangerschap",
    ),
    SpecialCase(
        LATE_MELDING,
        re.compile(
            rf"{_MELDING}[^.?!]*(te laat|vergeten|niet gedaan|niet gemeld|gemist)|"
            rf"(te laat|vergeten)[^.?!]*({_MELDING}|ziek ?gemeld bij uwv)"
        ),
        ("zw_38", "uwv_ziekmelden_42", "bw_7_629"),
        "melding_42e_week",
    ),
)
BY_ID = {case.id: case for case in CASES}

# The conversation's fact "already past the AOW age" (key in the case facts). The engine knows
# only an AOW date; an AOW date on or before the first sick day gives exactly this case (spec
# section 7: at most six weeks of pay from the first sick day), see engine_facts.
AOW_REACHED = "aow_reached"
_AOW_WORD = r"(aow|pensioen ?(gerechtigde )?leeftijd|staatspensioen)"
_PAST_AOW = re.compile(
    rf"\b(heb|krijg|ontvang|geniet)( al| nu)?( mijn| de)? {_AOW_WORD}\b|"
    rf"\bal {_AOW_WORD}\b|\baow-?gerechtigd|\b(ben|zijn) (al )?aow'?-?ers?\b|"
    r"\baow[- ]?leeftijd (al )?(bereikt|gehaald|voorbij)|"
    rf"\b(ouder dan|boven|voorbij) de {_AOW_WORD}"
)
# Still to come ("ik word op 1 juni al aow'er", "ik bereik 15 april de aow-leeftijd") or
# supposed ("wat als ik al aow heb?").
_NOT_YET_AOW = re.compile(
    rf"\b(word|wordt|bereik)\b[^.?!]*\b{_AOW_WORD}|\b(als|stel|indien|mocht)\b[^.?!]*\b{_AOW_WORD}"
)


def past_aow_age(text: str) -> bool:
    """ "ik ben 68 en heb al aow", "ik ben al aow'er": the AOW age was reached before."""
    flat = flatten(text)
    return bool(_PAST_AOW.search(flat)) and not _NOT_YET_AOW.search(flat)


def engine_facts(facts: Mapping[str, Any], first_sick_day: date | None) -> dict[str, Any]:
    """The case facts for the engine: "already past the AOW age" becomes an AOW date on the
    first sick day (six weeks of pay from then on), unless the user named the AOW date."""
    found = {k: v for k, v in facts.items() if k != AOW_REACHED}
    if facts.get(AOW_REACHED) and not facts.get("aow_date") and first_sick_day is not None:
        found["aow_date"] = first_sick_day.isoformat()
    return found


def mentioned_cases(text: str) -> list[str]:
    """The special cases a message mentions, in the order of CASES."""
    flat = flatten(text)
    return [case.id for case in CASES if case.pattern.search(flat)]


def caution(case_id: str, facts: Mapping[str, Any]) -> str | None:
    """What differs and where to go, in B1 Dutch; None when the case's own fact already
    makes the engine's answer right (an AOW date)."""
    if case_id == TIJDELIJK_CONTRACT:
        end = facts.get("contract_end_label")
        if end:
            first = (
                f"**Let op: tijdelijk contract tot {end}.** Is de werknemer op die dag nog "
                "ziek en eindigt het contract dan? Dan stopt de loondoorbetaling door de "
                f"werkgever op {end}, ook als dat vóór de datums hieronder is."
            )
        else:
            first = (
                "**Let op: tijdelijk contract.** Eindigt het contract terwijl de werknemer nog "
                "ziek is? Dan stopt de loondoorbetaling door de werkgever op de laatste dag van "
                "het contract, ook als die dag vóór de datums hieronder ligt."
            )
        return (
            f"{first} Daarna kan de werknemer een Ziektewet-uitkering krijgen van UWV (of van "
            "de werkgever, als die eigenrisicodrager is), en begeleidt UWV de re-integratie "
            "(art. 29 Ziektewet). De datums hieronder gelden alleen zolang het contract loopt. "
            "Vraag UWV wat er daarna geldt."
        )
    if case_id == UITZENDKRACHT:
        return (
            "**Let op: uitzendkracht.** Voor uitzendkrachten hangt veel af van het contract. "
            "Eindigt het uitzendcontract tijdens de ziekte, dan stopt ook het loon van het "
            "uitzendbureau. Daarna kan de werknemer een Ziektewet-uitkering van UWV krijgen "
            "(art. 29 Ziektewet). Loopt het contract door, dan betaalt het uitzendbureau door "
            "en gelden de datums hieronder. Vraag het uitzendbureau of UWV wat voor jou geldt."
        )
    if case_id == GEEN_WERKGEVER:
        return (
            "**Let op: geen werkgever meer.** Wie ziek is zonder werkgever (bijvoorbeeld ziek "
            "uit dienst of vanuit de WW), krijgt een Ziektewet-uitkering van UWV, en UWV "
            "begeleidt de re-integratie (art. 29 Ziektewet). De datums hieronder zijn voor "
            "werknemers in dienst van een werkgever. Vraag UWV wat voor jou geldt."
        )
    if case_id == EIGENRISICODRAGER:
        return (
            "**Let op: eigenrisicodrager.** Is de werkgever eigenrisicodrager voor de "
            "Ziektewet of de WGA? Dan betaalt en regelt de werkgever (of zijn verzekeraar) zelf "
            "wat anders UWV doet, bijvoorbeeld de Ziektewet-uitkering van een werknemer die "
            "ziek uit dienst gaat. De termijnen hieronder gelden wel. Vraag HR of UWV wie wat "
            "betaalt en regelt."
        )
    if case_id == IVA:
        return (
            "**Let op: IVA.** Is de werknemer volledig en duurzaam arbeidsongeschikt? Dan kan "
            "de werknemer eerder een WIA-uitkering (IVA) aanvragen, zonder de "
            f"{fact('weeks_wachttijd')} weken af te wachten. Kent UWV die eerder toe, dan "
            "eindigt de wachttijd eerder en gelden de datums hieronder na die dag niet meer "
            "(art. 23 en 64 WIA). Bespreek een vroege aanvraag met de bedrijfsarts; UWV beslist."
        )
    if case_id == AOW:
        if facts.get("aow_date") or facts.get(AOW_REACHED):
            return None  # the engine computes with the AOW date and says so
        return (
            "**Let op: AOW-leeftijd.** Vanaf de AOW-datum betaalt de werkgever het loon bij "
            f"ziekte nog hoogstens {fact('weeks_loondoorbetaling_na_aow')} weken door (art. "
            "7:629 lid 2 BW), en de stappen richting de WIA vervallen. Noem de AOW-datum, "
            "bijvoorbeeld ‘AOW-datum 1 juni 2027’, dan reken ik ermee."
        )
    if case_id == ZWANGER:
        return (
            "**Let op: zwangerschap.** Bij ziekte door zwangerschap of bevalling betaalt de "
            "werkgever het loon door en krijgt hij meestal een vergoeding van UWV. Ziekte "
            "vlak vóór en na het verlof telt alleen samen bij dezelfde oorzaak. Deze "
            "berekening houdt daar geen rekening mee: vraag HR of UWV wat voor jou geldt."
        )
    if case_id == LATE_MELDING:
        return (
            "**Te late 42e-weeksmelding?** Dat verlengt de loondoorbetaling niet: die "
            f"verlenging bestaat sinds {fact('year_verlenging_42e_week_afgeschaft')} niet meer "
            "(art. 7:629 lid 11 BW noemt haar niet). UWV kan de werkgever wel een boete geven "
            f"van hoogstens ongeveer €{fact('eur_boete_melding_uwv_max')} (art. 38 Ziektewet). "
            "Meld de ziekte alsnog zo snel mogelijk bij UWV."
        )
    return None


def cautions(case_ids: Iterable[str], facts: Mapping[str, Any]) -> list[str]:
    return [text for case_id in case_ids if (text := caution(case_id, facts)) is not None]


def source_ids(case_ids: Iterable[str], facts: Mapping[str, Any]) -> list[str]:
    found: list[str] = []
    for case_id in case_ids:
        if caution(case_id, facts) is None:
            continue
        found += [s for s in BY_ID[case_id].source_ids if s not in found]
    return found


def faq_ids(case_ids: Iterable[str]) -> list[str]:
    return [faq for case_id in case_ids if (faq := BY_ID[case_id].faq_id) is not None]
