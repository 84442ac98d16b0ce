from ..types import OpenStrEnum


class RestrictionType(OpenStrEnum):
    CELL = "CELL"
    LANDING = "LANDING"
    WING = "WING"

    def __str__(self) -> str:
        return str(self.value)
