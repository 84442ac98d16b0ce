from ..types import OpenStrEnum


class SortBy(OpenStrEnum):
    CELL_LOCATION = "CELL_LOCATION"
    FIRST_NAME = "FIRST_NAME"
    LAST_NAME = "LAST_NAME"
    PRISONER_NUMBER = "PRISONER_NUMBER"
    PRISON_ID = "PRISON_ID"
    PRISON_NAME = "PRISON_NAME"
    WHEN_CLOSED = "WHEN_CLOSED"
    WHEN_CREATED = "WHEN_CREATED"
    WHEN_UPDATED = "WHEN_UPDATED"

    def __str__(self) -> str:
        return str(self.value)
