from enum import StrEnum


class LegacyTypeCode(StrEnum):
    CELL = "CELL"
    LAND = "LAND"
    WING = "WING"

    def __str__(self) -> str:
        return str(self.value)
