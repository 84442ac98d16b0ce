"""The recorded API bodies nginx serves to both clients.

Made from a fixed seed, so every run serves the same bytes: realistic records in the
API's JSON shape (compact, as the service's Jackson writes it, local date-times without
an offset, closed fields null on open records), starting from the sample in
tests/payloads.py. tests/project/test_benchmark_bodies.py checks them against openapi.json and
the generated models.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from hmpps_non_associations_api import (
    reason_options,
    restriction_type_options,
    role_options,
    system_users,
)

from tests.payloads import OPEN_NON_ASSOCIATION

SEED = 20240212
NON_ASSOCIATION_ID = 42
PRISONER_NUMBER = "A1234BC"
BETWEEN = ("A1234BC", "D5678EF")
LIST_SIZE = 200
PAGE_SIZE = 200
WALK_RECORDS = 2000
PAGES = WALK_RECORDS // PAGE_SIZE

GET_ONE = "non-association.json"
PRISONER_LIST = "prisoner.json"
BETWEEN_LIST = "between.json"


def page_file(number: int) -> str:
    """Where page `number` (from 0) of GET /non-associations is kept."""
    return f"pages/{number}.json"


_PRISONS = (
    ("MDI", "Moorland (HMP & YOI)"),
    ("LEI", "Leeds (HMP)"),
    ("BXI", "Brixton (HMP)"),
    ("WWI", "Wandsworth (HMP & YOI)"),
)
_FIRST_NAMES = ("JOHN", "MOHAMMED", "DAVID", "KWAME", "LIAM", "PIOTR", "OLUWASEUN", "CALLUM")
_LAST_NAMES = ("SMITH", "OKAFOR", "MURPHY", "KHAN", "NOWAK", "WILLIAMS", "O'NEILL", "EVANS")
_STAFF = ("KWALSH_GEN", "OFF3_GEN", "JBLOGGS_GEN", "ASMITH_GEN", "MPATEL_GEN")
_COMMENTS = (
    "Kept apart",
    "Threats made in the exercise yard after a dispute over canteen items.",
    "Intelligence suggests the two are on opposite sides of a long-running local feud; "
    "keep on separate landings and do not share association or work parties.",
    "Fight on the servery; both prisoners placed on report. Review in three months.",
    "Co-defendants: police request to keep apart until the trial has concluded.",
    "Victim reported repeated bullying and taking of property on the wing.",
)


def _prisoner_number(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    digits = "".join(rng.choice("0123456789") for _ in range(4))
    return rng.choice(letters) + digits + rng.choice(letters) + rng.choice(letters)


def _local_times(rng: random.Random) -> tuple[str, str]:
    """Creation and last-change times, Europe/London local, some with microseconds."""
    year, month, day = rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)
    hour, minute, second = rng.randint(7, 18), rng.randint(0, 59), rng.randint(0, 59)
    created = f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
    if rng.random() < 0.5:
        return created, created
    fraction = rng.randint(0, 999_999)
    updated_day = min(day + rng.randint(0, 10), 28)
    updated = f"{year}-{month:02d}-{updated_day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
    return created, f"{updated}.{fraction:06d}"


def _codes(rng: random.Random) -> dict[str, Any]:
    first_role, second_role = rng.choice(list(role_options)), rng.choice(list(role_options))
    reason = rng.choice(list(reason_options))
    restriction = rng.choice(list(restriction_type_options))
    return {
        "firstRole": first_role.value,
        "firstRoleDescription": role_options[first_role],
        "secondRole": second_role.value,
        "secondRoleDescription": role_options[second_role],
        "reason": reason.value,
        "reasonDescription": reason_options[reason],
        "restrictionType": restriction.value,
        "restrictionTypeDescription": restriction_type_options[restriction],
    }


def _updated_by(rng: random.Random) -> str:
    return rng.choice(_STAFF) if rng.random() < 0.8 else rng.choice(system_users)


def non_association(rng: random.Random, id: int, first: str, second: str) -> dict[str, Any]:
    """An open non-association (GET /non-associations/{id}, between, pages)."""
    codes = _codes(rng)
    created, updated = _local_times(rng)
    record = dict(OPEN_NON_ASSOCIATION)
    record.update(
        id=id,
        firstPrisonerNumber=first,
        firstPrisonerRole=codes["firstRole"],
        firstPrisonerRoleDescription=codes["firstRoleDescription"],
        secondPrisonerNumber=second,
        secondPrisonerRole=codes["secondRole"],
        secondPrisonerRoleDescription=codes["secondRoleDescription"],
        reason=codes["reason"],
        reasonDescription=codes["reasonDescription"],
        restrictionType=codes["restrictionType"],
        restrictionTypeDescription=codes["restrictionTypeDescription"],
        comment=rng.choice(_COMMENTS),
        whenCreated=created,
        whenUpdated=updated,
        updatedBy=_updated_by(rng),
    )
    return record


def _prisoner_side(rng: random.Random, id: int, prison: tuple[str, str]) -> dict[str, Any]:
    """One entry of a prisoner's list: the record from their side, with the other prisoner."""
    codes = _codes(rng)
    created, updated = _local_times(rng)
    return {
        "id": id,
        "role": codes["firstRole"],
        "roleDescription": codes["firstRoleDescription"],
        "reason": codes["reason"],
        "reasonDescription": codes["reasonDescription"],
        "restrictionType": codes["restrictionType"],
        "restrictionTypeDescription": codes["restrictionTypeDescription"],
        "comment": rng.choice(_COMMENTS),
        "authorisedBy": rng.choice(_STAFF),
        "whenCreated": created,
        "whenUpdated": updated,
        "updatedBy": _updated_by(rng),
        "isClosed": False,
        "closedBy": None,
        "closedReason": None,
        "closedAt": None,
        "otherPrisonerDetails": {
            "prisonerNumber": _prisoner_number(rng),
            "role": codes["secondRole"],
            "roleDescription": codes["secondRoleDescription"],
            "firstName": rng.choice(_FIRST_NAMES),
            "lastName": rng.choice(_LAST_NAMES),
            "prisonId": prison[0],
            "prisonName": prison[1],
            "cellLocation": f"{rng.randint(1, 6)}-{rng.randint(1, 4)}-{rng.randint(1, 40):03d}",
        },
        "isOpen": True,
    }


def prisoner_list(rng: random.Random) -> dict[str, Any]:
    """GET /prisoner/{prisonerNumber}/non-associations: LIST_SIZE open records."""
    prison = _PRISONS[0]
    return {
        "prisonerNumber": PRISONER_NUMBER,
        "firstName": "MORGAN",
        "lastName": "TEALE",
        "prisonId": prison[0],
        "prisonName": prison[1],
        "cellLocation": "2-3-014",
        "openCount": LIST_SIZE,
        "closedCount": 3,
        "nonAssociations": [_prisoner_side(rng, 5000 + i, prison) for i in range(LIST_SIZE)],
    }


def page(rng: random.Random, number: int) -> dict[str, Any]:
    """Page `number` of GET /non-associations?size=PAGE_SIZE, as Spring Data pages them."""
    sort = {"empty": False, "sorted": True, "unsorted": False}
    first_id = 10_000 + number * PAGE_SIZE
    content = [
        non_association(rng, first_id + i, _prisoner_number(rng), _prisoner_number(rng))
        for i in range(PAGE_SIZE)
    ]
    return {
        "totalElements": WALK_RECORDS,
        "totalPages": PAGES,
        "first": number == 0,
        "last": number == PAGES - 1,
        "size": PAGE_SIZE,
        "content": content,
        "number": number,
        "sort": sort,
        "numberOfElements": len(content),
        "pageable": {
            "offset": number * PAGE_SIZE,
            "sort": sort,
            "pageSize": PAGE_SIZE,
            "paged": True,
            "pageNumber": number,
            "unpaged": False,
        },
        "empty": False,
    }


def documents() -> dict[str, Any]:
    """Every recorded body by file name, as JSON values."""
    rng = random.Random(SEED)
    docs: dict[str, Any] = {
        GET_ONE: non_association(rng, NON_ASSOCIATION_ID, *BETWEEN),
        PRISONER_LIST: prisoner_list(rng),
        BETWEEN_LIST: [non_association(rng, 77, *BETWEEN)],
    }
    for number in range(PAGES):
        docs[page_file(number)] = page(rng, number)
    return docs


def encode(document: Any) -> bytes:
    """Compact JSON, as the API sends it."""
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


def write(root: Path) -> dict[str, bytes]:
    """Write every body under `root`; returns them by file name."""
    written = {}
    for name, document in documents().items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(encode(document))
        written[name] = path.read_bytes()
    return written
