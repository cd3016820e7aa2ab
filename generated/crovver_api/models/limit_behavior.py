from enum import StrEnum


class LimitBehavior(StrEnum):
    HARD = "hard"
    SOFT = "soft"

    def __str__(self) -> str:
        return str(self.value)
