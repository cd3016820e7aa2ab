from enum import StrEnum


class RefillBehavior(StrEnum):
    RESET = "reset"
    ROLLOVER = "rollover"

    def __str__(self) -> str:
        return str(self.value)
