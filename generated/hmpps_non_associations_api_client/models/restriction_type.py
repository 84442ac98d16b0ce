from enum import StrEnum


class RestrictionType(StrEnum):
    CELL = "CELL"
    LANDING = "LANDING"
    WING = "WING"

    def __str__(self) -> str:
        return str(self.value)
