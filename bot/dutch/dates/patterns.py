"""Regular expressions for Dutch date expressions, on normalised text (see ``normalize``).

All patterns are built and compiled on first use and then cached.
"""

from __future__ import annotations

import re
from functools import cache

from .vocabulary import (
    FULL_MONTH_WORDS,
    MONTH_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_WORDS,
    alternation,
    day_word_pattern,
    number_word_pattern,
    ordinal_word_pattern,
)

# Not part of a longer number, word, decimal or article reference ("7:629", "1.250").
GUARD = r"(?<![\w:/.,])"
DIGIT_GUARD = r"(?<![\w:/.,-])"
DIGIT_END = r"(?![\w]|[.,:/-]\d)"
YEAR4 = r"(?:19|20)\d{2}"
UNIT = r"(?:dagen|dag|weken|week|wkn|wk|maanden|maand|mnd|jaren|jaar|kwartalen|kwartaal)"
VAGUE_QUANTITY = (
    r"(?:een\s+paar|paar|enkele|een\s+aantal|aantal|wat|meerdere|verschillende|ettelijke"
    r"|vele|veel|heel\s+wat|een\s+heleboel|een\s+stuk\s+of\s+\w+)"
)
APPROXIMATE = (
    r"(?:ongeveer|ong\.|rond|rondom|omstreeks|circa|ca\.|c\.a\.|zo'n|pakweg|grofweg|bijna"
    r"|ruim|krap|plusminus|\+/-|\+-|ergens|meer\s+dan|minder\s+dan|tegen|na|voor"
    r"|(?:vlak|kort|net)\s+(?:voor|na)|een\s+kleine|een\s+goede|een\s+dikke|een\s+ruime)"
)
APPROXIMATE_AFTER = (
    r"(?:ofzo|of\s+zo|ongeveer|ca\.|circa|plusminus|of\s+daaromtrent|of\s+daarna"
    r"|of\s+daarvoor|of\s+eerder|of\s+later|of\s+iets\s+(?:eerder|later))(?!\w)"
)
RELATIVE_WEEK = r"(?:vorige|deze|afgelopen|verleden|volgende|komende)"


def _weekday_alt() -> str:
    return alternation(WEEKDAY_WORDS)


def quantity_number() -> str:
    """ "3", "2,5", "twaalf", "een", "anderhalve", "twee en een halve"."""
    number = rf"(?:\d{{1,3}}(?:[.,]\d)?|(?!een\b){number_word_pattern()})"
    half = r"(?:half|halve)"
    return rf"(?:{number}(?:\s+en\s+een\s+{half})?|ander{half}|een\s+{half}|{half}|een)"


def quantity_term(named: bool) -> str:
    """ "twee weken", "een paar dagen", "weken", "een halfjaar"."""
    vague, qty, unit = ("?P<vague>", "?P<qty>", "?P<unit>") if named else ("?:", "?:", "?:")
    return (
        rf"(?:(?:een\s+)?halfjaar|(?:({vague}{VAGUE_QUANTITY})\s*|({qty}{quantity_number()})\s*)?"
        rf"({unit}{UNIT}))\b"
    )


def _terms() -> str:
    term = quantity_term(named=False)
    return rf"(?P<terms>{term}(?:\s*(?:,|en)\s*{term})*)"


def textual_date(prefix: str, guard: bool = True) -> str:
    """ "maandag 3 maart 2025", "de derde maart", "3 mrt. '25", "1 april jl.", "3 mei vorig jaar".

    ``prefix`` keeps group names unique when the pattern is embedded in another one.
    """
    p = prefix
    days = day_word_pattern()
    months = alternation(MONTH_WORDS)
    abbreviations = alternation(WEEKDAY_ABBREVIATIONS)
    return (
        (GUARD if guard else "")
        + rf"(?:(?P<{p}relpre>vorig|dit|afgelopen|verleden)\s+jaar\s*,?\s+(?:op\s+)?"
        rf"|in\s+(?P<{p}yearpre>{YEAR4})\s*,?\s+(?:op\s+)?)?"
        rf"(?:(?:(?P<{p}wd>{_weekday_alt()})\b|(?P<{p}wdabbr>{abbreviations})(?=[.,]))"
        rf"\.?,?\s+)?"
        rf"(?:de\s+)?(?P<{p}day>\d{{1,2}}(?:ste|de|e)?|{days})"
        rf"\s*(?P<{p}month>{months})(?![a-z])\.?"
        rf"(?:\s*,?\s*(?P<{p}year>{YEAR4})(?!\d)"
        rf"|\s*,?\s*'(?P<{p}yy>\d{{2}})(?!\d)"
        rf"|\s+(?P<{p}yy2>\d{{2}})(?=\s*(?:$|[,;:!?)]|\.(?!\d)))"
        rf"|\s+(?:van\s+)?(?P<{p}rel>vorig|dit|afgelopen|verleden|volgend)\s+jaar\b)?"
        rf"(?:\s*,?\s*(?P<{p}dir>jl\b\.?|j\.l\.?|jongstleden|a\.s\.?|aanstaande)(?!\w))?"
    )


@cache
def textual() -> re.Pattern[str]:
    return re.compile(textual_date(""))


@cache
def day_range() -> re.Pattern[str]:
    """ "1 t/m 20 februari", "tussen 3 en 10 maart", "3 of 4 maart"."""
    days = day_word_pattern()
    return re.compile(
        rf"{GUARD}(?:(?P<intro>tussen|van|vanaf)\s+)?(?:de\s+)?"
        rf"(?P<first>\d{{1,2}}(?:ste|de|e)?|{days})\s*"
        rf"(?P<conn>-|t/m|tm|tot\s+en\s+met|tot|en|of|/)\s*" + textual_date("b_", guard=False)
    )


@cache
def numeric_dmy() -> re.Pattern[str]:
    return re.compile(
        rf"{DIGIT_GUARD}(?:(?P<wd>{_weekday_alt()})\b,?\s+)?"
        rf"(?P<d>\d{{1,2}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){DIGIT_END}"
    )


@cache
def numeric_iso() -> re.Pattern[str]:
    return re.compile(
        rf"{DIGIT_GUARD}(?P<y>\d{{4}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})"
        + DIGIT_END
    )


_NOT_A_DATE_AFTER = (
    r"(?![\w%]|[.,:/-]\d|\s*%|\s*(?:procent|uur|keer|x|dag|dagen|week|weken|maand|maanden"
    r"|jaar|jaren|deel)\b)"
)


@cache
def numeric_day_month() -> re.Pattern[str]:
    """ "sinds 12-10": only after a word that introduces a date; "3/4" is often a fraction."""
    return re.compile(
        r"(?<!\w)(?:sinds|sedert|vanaf|per|tot\s+en\s+met|tot|t/m)\s+"
        rf"(?P<date>(?P<d>\d{{1,2}})[-/](?P<m>\d{{1,2}})){_NOT_A_DATE_AFTER}"
    )


@cache
def numeric_day_month_range() -> re.Pattern[str]:
    """ "van 3-1 tot 3-7", "1/2 t/m 20/2"."""
    return re.compile(
        rf"{DIGIT_GUARD}(?:(?P<intro>van|vanaf|tussen)\s+)?"
        r"(?P<date>(?P<d1>\d{1,2})[-/](?P<m1>\d{1,2})\s*"
        r"(?P<conn>-|t/m|tm|tot\s+en\s+met|tot|en)\s*"
        rf"(?P<d2>\d{{1,2}})[-/](?P<m2>\d{{1,2}})){_NOT_A_DATE_AFTER}"
    )


@cache
def relative_word() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?P<w>vandaag|vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|gisteren|gister"
        r"|gisteravond|gistermiddag|gisterochtend|gistermorgen|gisternacht|eergisteren"
        r"|eergister|overmorgen|morgen)\b"
    )


@cache
def weekday_before() -> re.Pattern[str]:
    """ "afgelopen maandag", "vorige dinsdag", "komende vrijdag"."""
    return re.compile(
        r"(?<!\w)(?P<mod>afgelopen|vorige|jongstleden|laatste|komende|aanstaande|volgende)\s+"
        rf"(?P<wd>{_weekday_alt()})\b"
    )


@cache
def weekday_after() -> re.Pattern[str]:
    """ "maandag jl.", "dinsdag vorige week", "woensdag van deze week"."""
    return re.compile(
        rf"(?<!\w)(?P<wd>{_weekday_alt()})\s*,?\s+(?:"
        r"(?P<post>jl\b\.?|j\.l\.?|jongstleden|a\.s\.?|aanstaande)(?!\w)"
        rf"|(?:van\s+)?(?:de\s+)?(?P<week>{RELATIVE_WEEK})\s+week\b)"
    )


@cache
def week_weekday() -> re.Pattern[str]:
    """ "vorige week dinsdag", "deze week op maandag"."""
    return re.compile(
        rf"(?<!\w)(?P<week>{RELATIVE_WEEK})\s+week\s*,?\s+(?:op\s+)?(?P<wd>{_weekday_alt()})\b"
    )


@cache
def weekday_pair() -> re.Pattern[str]:
    """ "maandag t/m vrijdag": a work schedule unless introduced by "van"."""
    return re.compile(
        rf"(?<!\w)(?P<intro>(?:van|vanaf)\s+)?(?:{_weekday_alt()})\s*"
        rf"(?:-|t/m|tm|tot\s+en\s+met|tot)\s*(?:{_weekday_alt()})\b"
    )


@cache
def bare_weekday() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?P<wd>{_weekday_alt()})\b")


@cache
def ago() -> re.Pattern[str]:
    """ "twee weken geleden", "3 maanden en 2 dagen terug"."""
    return re.compile(rf"(?<!\w){_terms()}\s+(?:geleden|terug)\b")


@cache
def since_duration() -> re.Pattern[str]:
    """ "sinds 10 dagen", "sinds ruim een week", "al drie weken" (see ``sick_after``)."""
    return re.compile(
        rf"(?<!\w)(?P<cue>sinds|sedert|al)\s+(?:(?P<approx>{APPROXIMATE})\s+)?{_terms()}"
        r"(?!\s+(?:per|in\s+de|p/w|pw|x)\b)"
    )


@cache
def sick_after() -> re.Pattern[str]:
    """ "al 3 weken" only counts before "ziek" and the like: "al 10 jaar in dienst" does not."""
    return re.compile(
        r"\s+(?:\w+\s+){0,2}?(?:ziek|thuis|afwezig|uitgevallen|arbeidsongeschikt)(?!\w)"
    )


@cache
def in_duration() -> re.Pattern[str]:
    """ "over twee weken": only read when a future date is allowed."""
    return re.compile(rf"(?<!\w)over\s+{_terms()}")


@cache
def term() -> re.Pattern[str]:
    return re.compile(quantity_term(named=True))


def _full_months() -> str:
    return alternation(FULL_MONTH_WORDS)


@cache
def part_of_period() -> re.Pattern[str]:
    """ "begin januari", "eind vorig jaar", "half maart 2025", "medio 2024"."""
    return re.compile(
        r"(?<!\w)(?P<part>begin|eind|einde|eindje|half|halverwege|midden|medio|ergens\s+in"
        r"|rond|omstreeks|in\s+de\s+loop\s+van|(?:aan\s+)?het\s+(?:begin|eind|einde)\s+van"
        r"|(?:begin|eind|einde)\s+van)\s+"
        rf"(?:(?P<month>{_full_months()})\b(?:\s+(?P<y>{YEAR4})\b)?"
        r"|(?:deze|vorige|afgelopen|verleden|volgende)\s+(?:maand|week)\b"
        r"|(?:dit|vorig|afgelopen|verleden|volgend)\s+jaar\b"
        rf"|(?P<y2>{YEAR4})\b)"
    )


@cache
def bare_month() -> re.Pattern[str]:
    """ "in maart", "sinds januari 2025"."""
    return re.compile(
        r"(?<!\w)(?:(?:in|sinds|sedert|vanaf|per|tijdens)\s+)?(?:de\s+maand\s+)?"
        rf"(?P<month>{_full_months()})\b(?:\s+(?P<y>{YEAR4})\b)?"
    )


@cache
def relative_period() -> re.Pattern[str]:
    """ "vorig jaar", "vorige maand", "afgelopen week", "het afgelopen half jaar"."""
    return re.compile(
        r"(?<!\w)(?:(?:in|sinds|vanaf|sedert)\s+)?(?:het\s+)?(?:"
        r"(?:vorig|dit|afgelopen|verleden)\s+(?:half\s+)?jaar"
        r"|(?:vorige|deze|afgelopen|verleden)\s+(?:maand|week)"
        r"|(?:vorig|afgelopen)\s+kwartaal)\b"
    )


@cache
def season() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?:(?:in|tijdens|na|voor|rond|sinds|vanaf)\s+)?(?:de\s+|het\s+)?"
        r"(?:(?:vorige|afgelopen|deze|verleden)\s+)?"
        r"(?:zomer|winter|lente|voorjaar|najaar|herfst|kerst|kerstmis|kerstdagen|feestdagen"
        r"|kerstvakantie"
        r"|zomervakantie|herfstvakantie|voorjaarsvakantie|meivakantie|krokusvakantie|bouwvak"
        r"|pasen|pinksteren|carnaval|jaarwisseling|oud\s+en\s+nieuw)\b"
        rf"(?:\s+(?:van\s+)?{YEAR4}\b)?"
    )


@cache
def vague_time() -> re.Pattern[str]:
    """ "lang geleden", "een tijdje geleden", "al een tijdje", "een week of drie"."""
    numbers = number_word_pattern()
    return re.compile(
        r"(?<!\w)(?:(?:lang|kort|een\s+tijdje|een\s+tijd|tijdje|een\s+poosje|een\s+poos|even"
        r"|enige\s+tijd|geruime\s+tijd)\s+(?:geleden|terug)|kortgeleden"
        r"|(?:al|sinds)\s+(?:een\s+)?(?:tijdje|poosje|lange\s+tijd|lang|enige\s+tijd"
        r"|geruime\s+tijd|kort)"
        rf"|een\s+{UNIT}\s+of\s+(?:\d{{1,3}}|{numbers}))\b"
    )


@cache
def year_only() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?:in|sinds|sedert|vanaf|per|begin|eind|einde|medio|halverwege|rond|midden)"
        rf"\s+(?:het\s+jaar\s+)?(?P<y>{YEAR4}){DIGIT_END}"
        rf"|^\s*(?P<y2>{YEAR4})\s*[.!]?\s*$"
    )


@cache
def week_number() -> re.Pattern[str]:
    """ "sinds week 42" tries to give a date; a bare "week 42" does not."""
    return re.compile(r"(?<!\w)(?:sinds|sedert|vanaf|per)\s+(?:week|wk)\.?\s*\d{1,2}\b")


@cache
def day_without_month() -> re.Pattern[str]:
    ordinals = ordinal_word_pattern()
    return re.compile(
        r"(?<!\w)(?:sinds|sedert|vanaf|per|op)\s+de\s+"
        rf"(?:\d{{1,2}}(?:ste|de|e)|{ordinals})\b(?=\s*(?:$|[,.!?;]|ziek\b|en\b|weer\b))"
    )


@cache
def day_of_relative_month() -> re.Pattern[str]:
    """ "de 3e van vorige maand", "vorige maand op de 12e": the ordinal makes it unambiguous."""
    ordinals = ordinal_word_pattern()
    day = rf"(?:\d{{1,2}}(?:ste|de|e)|{ordinals})"
    return re.compile(
        rf"(?<!\w)(?:de\s+)?(?P<day>{day})\s+(?:van\s+)?(?:de\s+)?"
        r"(?P<which>vorige|deze|afgelopen|verleden)\s+maand\b"
        r"|(?<!\w)(?P<which2>vorige|deze|afgelopen|verleden)\s+maand\s*,?\s+(?:op\s+)?de\s+"
        rf"(?P<day2>\d{{1,2}}(?:ste|de|e)?|{ordinals})\b"
    )


@cache
def holiday() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?P<h>(?:eerste|1e|1ste|tweede|2e|2de)\s+kerstdag|kerstavond|nieuwjaarsdag"
        r"|oudejaarsdag|oudjaarsdag|oudejaarsavond|oudjaarsavond)\b"
        rf"(?:\s+(?P<y>{YEAR4})\b)?"
    )


@cache
def ongoing() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)tot\s+(?:en\s+met\s+)?(?:nu(?:\s+toe)?|heden|op\s+heden|op\s+dit\s+moment)\b"
    )


@cache
def loose_with_month() -> tuple[re.Pattern[str], ...]:
    """Unusual notations that dateparser reads well: "maart 3, 2025", "3-mrt-2025"."""
    months = alternation(MONTH_WORDS)
    return tuple(
        re.compile(pattern)
        for pattern in (
            rf"(?<!\w)(?:{months})\b\.?\s*\d{{1,2}}(?:ste|de|e)?\s*,?\s*{YEAR4}\b",
            rf"(?<!\w){YEAR4}\s*[-/. ]\s*(?:{months})\b\.?\s*[-/. ]\s*\d{{1,2}}\b",
            rf"{DIGIT_GUARD}\d{{1,2}}\s*[-/.]\s*(?:{months})\b\.?\s*[-/.]\s*(?:\d{{4}}|\d{{2}})\b",
        )
    )


@cache
def loose_numeric() -> re.Pattern[str]:
    """ "3 - 3 - 2025", "3-3/2025": spaces or mixed separators."""
    return re.compile(
        rf"{DIGIT_GUARD}\d{{1,2}}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*(?:\d{{4}}|\d{{2}}){DIGIT_END}"
    )


@cache
def approximate_before() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){APPROXIMATE}\s+(?:op\s+|de\s+|om\s+)?$")


@cache
def approximate_after() -> re.Pattern[str]:
    return re.compile(rf"^\s*,?\s*{APPROXIMATE_AFTER}")


@cache
def start_cue_before() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?:sinds|sedert|vanaf|per|al|ziek\s*gemeld|ziek\s+geworden|uitgevallen"
        r"|ziekmelding(?:\s+was)?|ziektedag(?:\s+(?:was|is))?|begon(?:nen)?|gestart|ingegaan)"
        r"\s+(?:op\s+|sinds\s+|vanaf\s+|per\s+)?(?:de\s+)?$"
    )


@cache
def start_cue_after() -> re.Pattern[str]:
    return re.compile(
        r"^\s*,?\s*(?:\w+\s+){0,3}?(?:ziek\s*gemeld|ziek\s+geworden|uitgevallen)(?!\w)"
    )


@cache
def weak_start_cue() -> re.Pattern[str]:
    """ "ziek op 3 maart", "3 maart ziek": probably the start ("ziek geweest" is not)."""
    return re.compile(r"(?<!\w)ziek\s+(?:op\s+)?$|^\s*,?\s*ziek(?!\w)(?!\s+geweest)")


@cache
def range_connector() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:-|t/m|tm|tot\s+en\s+met|tot|en)\s*$")


@cache
def open_cue_before() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:sinds|sedert|vanaf|per)\s+(?:de\s+)?$")


@cache
def became_sick_before() -> re.Pattern[str]:
    """Open-ended period: "ziekgemeld op 3 maart", "al 3 weken"."""
    return re.compile(
        r"(?<!\w)(?:ziek\s*gemeld|ziek\s+geworden|uitgevallen|ziekmelding(?:\s+was)?"
        r"|begon(?:nen)?|al)\s+(?:op\s+|per\s+)?(?:de\s+)?$"
    )


@cache
def became_sick_after() -> re.Pattern[str]:
    return re.compile(r"^\s*,?\s*(?:\w+\s+){0,3}?(?:ziek\s*gemeld|ziek\s+geworden|uitgevallen)\b")


@cache
def starts_with_since() -> re.Pattern[str]:
    return re.compile(r"(?:sinds|sedert|al)\s")


@cache
def end_cue_before() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:tot|t/m|tm|tot\s+en\s+met)\s+(?:de\s+)?$")


@cache
def month_present() -> re.Pattern[str]:
    """Cheap pre-check: the costly month patterns only run when a month word occurs."""
    return re.compile(rf"(?<![a-z])(?:{alternation(MONTH_WORDS)})(?![a-z])")


@cache
def duration_present() -> re.Pattern[str]:
    return re.compile(r"geleden|terug|sinds|sedert|(?<!\w)(?:al|over)(?!\w)")


def warm_up() -> None:
    """Compile every pattern now (about 0.1 s) instead of on the first message that needs it."""
    for build in (
        textual, day_range, numeric_dmy, numeric_iso, numeric_day_month,
        numeric_day_month_range, relative_word, weekday_before, weekday_after, week_weekday,
        weekday_pair, bare_weekday, ago, since_duration, sick_after, in_duration, term,
        part_of_period, bare_month, relative_period, season, vague_time, year_only,
        week_number, day_without_month, day_of_relative_month, holiday, ongoing,
        loose_with_month, loose_numeric, approximate_before, approximate_after,
        start_cue_before, start_cue_after, weak_start_cue, range_connector, open_cue_before,
        end_cue_before, became_sick_before, became_sick_after, starts_with_since,
        month_present, duration_present,
    ):  # fmt: skip
        build()
