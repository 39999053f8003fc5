"""The client roster (YAML): who gets a report, from which exports, for which period. Validated up front.

Every problem in a roster is listed at once, each naming the client and the key, before anything runs.
Export paths and glob patterns in a roster are relative to the project root.
"""
from __future__ import annotations

import datetime as dt
import glob
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .errors import RosterError
from .paths import DEFAULT_ROSTER, resolve

CLIENT_KEYS = {
    "id": "path-safe identifier: lower-case letters, digits, '-' and '_' (names the report folder)",
    "name": "display name, shown in the report title",
    "exports": "list of export files or glob patterns, relative to the project root",
    "timezone": "IANA time zone of the accounts, e.g. Asia/Jakarta",
    "period": "mapping with start and end dates (YYYY-MM-DD), both included",
    "top_n": "how many top posts to compare under each lens (default 10)",
}
REQUIRED = ("id", "name", "exports", "timezone", "period")
SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


@dataclass(frozen=True)
class Client:
    id: str
    name: str
    exports: tuple[str, ...]
    timezone: str
    period_start: dt.date
    period_end: dt.date
    top_n: int = 10

    def parameters(self) -> dict:
        """The report notebook's parameters for this client (literals only)."""
        return {
            "client": self.id, "client_name": self.name, "exports": list(self.exports),
            "timezone": self.timezone, "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(), "top_n": self.top_n,
        }


def load_roster(path: str | Path = DEFAULT_ROSTER) -> list[Client]:
    """Read and validate a roster; raise RosterError listing every problem found."""
    path = resolve(path)
    if not path.is_file():
        raise RosterError(path, ["the roster file does not exist"])
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RosterError(path, [f"not valid YAML: {exc}"]) from None
    if not isinstance(data, dict) or not isinstance(data.get("clients"), list):
        raise RosterError(path, ["expected a top-level key 'clients' holding a list of clients"])
    problems: list[str] = []
    clients: list[Client] = []
    seen: set[str] = set()
    for number, entry in enumerate(data["clients"], start=1):
        label = f"client #{number}"
        if not isinstance(entry, dict):
            problems.append(f"{label}: expected a mapping of keys ({', '.join(CLIENT_KEYS)})")
            continue
        if isinstance(entry.get("id"), str):
            label = f"client {entry['id']!r}"
        mine = _check_client(entry, label, seen)
        problems.extend(mine)
        if not mine:
            period = entry["period"]
            clients.append(Client(
                id=entry["id"], name=entry["name"], exports=tuple(entry["exports"]), timezone=entry["timezone"],
                period_start=_as_date(period["start"]), period_end=_as_date(period["end"]),
                top_n=int(entry.get("top_n", 10)),
            ))
    if not data["clients"]:
        problems.append("the roster lists no clients")
    if problems:
        raise RosterError(path, problems)
    return clients


def _check_client(entry: dict, label: str, seen: set[str]) -> list[str]:
    problems = []
    for key in entry:
        if key not in CLIENT_KEYS:
            problems.append(f"{label}: unknown key {key!r} (known: {', '.join(CLIENT_KEYS)})")
    for key in REQUIRED:
        if key not in entry:
            problems.append(f"{label}: missing key {key!r}: {CLIENT_KEYS[key]}")
    cid = entry.get("id")
    if "id" in entry:
        if not isinstance(cid, str) or not SAFE_ID.match(cid):
            problems.append(f"{label}: key 'id' is {cid!r}; expected {CLIENT_KEYS['id']}")
        elif cid in seen:
            problems.append(f"{label}: key 'id' repeats an earlier client's id")
        else:
            seen.add(cid)
    if "name" in entry and (not isinstance(entry["name"], str) or not entry["name"].strip()):
        problems.append(f"{label}: key 'name' must be non-empty text")
    if "exports" in entry:
        exports = entry["exports"]
        if isinstance(exports, str):
            exports = [exports]
            entry["exports"] = exports
        if not isinstance(exports, list) or not exports or not all(isinstance(e, str) for e in exports):
            problems.append(f"{label}: key 'exports' must be a list of file paths or glob patterns")
        else:
            for pattern in exports:
                full = str(resolve(pattern))
                if glob.has_magic(full):
                    if not glob.glob(full, recursive=True):
                        problems.append(f"{label}: key 'exports': the pattern {pattern!r} matches no file")
                elif not Path(full).is_file():
                    problems.append(f"{label}: key 'exports': file not found: {pattern}")
    if "timezone" in entry:
        try:
            ZoneInfo(str(entry["timezone"]))
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"{label}: key 'timezone': {entry['timezone']!r} is not an IANA time zone"
                            " (e.g. Asia/Jakarta, Europe/London)")
    if "period" in entry:
        period = entry["period"]
        if not isinstance(period, dict) or set(period) != {"start", "end"}:
            problems.append(f"{label}: key 'period' must be a mapping with exactly 'start' and 'end'")
        else:
            dates = {}
            for side in ("start", "end"):
                try:
                    dates[side] = _as_date(period[side])
                except ValueError:
                    problems.append(f"{label}: key 'period.{side}': {period[side]!r} is not a date (YYYY-MM-DD)")
            if len(dates) == 2 and dates["end"] < dates["start"]:
                problems.append(f"{label}: key 'period': end {dates['end']} is before start {dates['start']}")
    if "top_n" in entry and (not isinstance(entry["top_n"], int) or isinstance(entry["top_n"], bool)
                             or entry["top_n"] < 1):
        problems.append(f"{label}: key 'top_n' must be a whole number of at least 1, not {entry['top_n']!r}")
    return problems


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
