"""The timeline as an iCalendar file (RFC 5545) for Outlook and Google Calendar.

One all-day event per milestone; a window is one multi-day event. UIDs are stable per case
and milestone, and carry nothing but the first sick day's date.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

from icalendar import Calendar, Event

from bot.deadlines.model import Milestone, Timeline

PRODID = "-//Poortwachter-assistent//NL"
UID_DOMAIN = "poortwachter-assistent"


def event_uid(timeline: Timeline, milestone_id: str) -> str:
    case_key = hashlib.sha256(timeline.first_sick_day.isoformat().encode()).hexdigest()[:16]
    return f"{case_key}-{milestone_id}@{UID_DOMAIN}"


def _description(timeline: Timeline, milestone: Milestone) -> str:
    lines = [milestone.explanation]
    # Done or planned (with its date, or "ja" without one), or known not done and late: say so.
    told = milestone.actual_date is not None or milestone.happened
    if told or (milestone.not_done and milestone.overdue):
        lines.append(milestone.status_label[:1].upper() + milestone.status_label[1:] + ".")
    if milestone.id == "spoor2_uiterlijk" and timeline.spoor2.planned_start is not None:
        lines.append(timeline.spoor2.advice)
    lines.append(f"Wie: {milestone.responsible}.")
    if milestone.sources:
        source = milestone.sources[0]
        checked = f", {source['checked_label']}" if source.get("checked_label") else ""
        lines.append(f"Bron: {source['name']} ({source['url']}{checked})")
    return "\n".join(lines)


def timeline_to_ics(timeline: Timeline, stamp: datetime | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Poortwachter-termijnen")
    stamp = stamp or datetime.now(timezone.utc)
    for milestone in timeline.milestones:
        event = Event()
        event.add("uid", event_uid(timeline, milestone.id))
        event.add("dtstamp", stamp)
        event.add("summary", milestone.label)
        event.add("dtstart", milestone.window_start or milestone.date)
        event.add("dtend", milestone.date + timedelta(days=1))  # exclusive for all-day events
        event.add("description", _description(timeline, milestone))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
