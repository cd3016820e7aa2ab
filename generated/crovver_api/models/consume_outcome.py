from enum import StrEnum


class ConsumeOutcome(StrEnum):
    ALLOWED = "allowed"
    BLOCKED = "blocked"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
