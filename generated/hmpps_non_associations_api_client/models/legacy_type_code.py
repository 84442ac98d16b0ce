from ..types import OpenStrEnum


class LegacyTypeCode(OpenStrEnum):
    CELL = "CELL"
    LAND = "LAND"
    WING = "WING"

    def __str__(self) -> str:
        return str(self.value)
