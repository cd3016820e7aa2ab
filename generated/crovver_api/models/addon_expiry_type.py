from enum import StrEnum


class AddonExpiryType(StrEnum):
    DAYS = "days"
    NEVER = "never"
    PERIOD = "period"
    PERIOD_END = "period_end"

    def __str__(self) -> str:
        return str(self.value)
