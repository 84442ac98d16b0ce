from ..types import OpenStrEnum


class Role(OpenStrEnum):
    NOT_RELEVANT = "NOT_RELEVANT"
    PERPETRATOR = "PERPETRATOR"
    UNKNOWN = "UNKNOWN"
    VICTIM = "VICTIM"

    def __str__(self) -> str:
        return str(self.value)
