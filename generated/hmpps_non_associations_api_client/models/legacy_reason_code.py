from ..types import OpenStrEnum


class LegacyReasonCode(OpenStrEnum):
    BUL = "BUL"
    NOT_REL = "NOT_REL"
    PER = "PER"
    RIV = "RIV"
    UNKNOWN = "UNKNOWN"
    VIC = "VIC"

    def __str__(self) -> str:
        return str(self.value)
