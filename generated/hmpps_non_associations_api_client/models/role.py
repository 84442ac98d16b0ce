from enum import StrEnum


class Role(StrEnum):
    NOT_RELEVANT = "NOT_RELEVANT"
    PERPETRATOR = "PERPETRATOR"
    UNKNOWN = "UNKNOWN"
    VICTIM = "VICTIM"

    def __str__(self) -> str:
        return str(self.value)
