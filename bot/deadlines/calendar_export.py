"""The timeline as an iCalendar file (RFC 5545) for Outlook and Google Calendar.

One all-day event per milestone; a window is one multi-day event. UIDs are stable per case
and milestone, and carry nothing but the first sick day's date.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

from icalendar import Calendar, Event

from bot.deadlines.model import Timeline

PRODID = "-//Poortwachter-assistent//NL"
UID_DOMAIN = "poortwachter-assistent"


def event_uid(timeline: Timeline, milestone_id: str) -> str:
    case_key = hashlib.sha256(timeline.first_sick_day.isoformat().encode()).hexdigest()[:16]
    return f"{case_key}-{milestone_id}@{UID_DOMAIN}"


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
        description = f"{milestone.explanation}\nWie: {milestone.responsible}."
        if milestone.sources:
            description += f"\nBron: {milestone.sources[0]['name']} ({milestone.sources[0]['url']})"
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
