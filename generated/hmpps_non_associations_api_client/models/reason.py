from ..types import OpenStrEnum


class Reason(OpenStrEnum):
    BULLYING = "BULLYING"
    GANG_RELATED = "GANG_RELATED"
    LEGAL_REQUEST = "LEGAL_REQUEST"
    ORGANISED_CRIME = "ORGANISED_CRIME"
    OTHER = "OTHER"
    THREAT = "THREAT"
    VIOLENCE = "VIOLENCE"

    def __str__(self) -> str:
        return str(self.value)
