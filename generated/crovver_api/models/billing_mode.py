from enum import StrEnum


class BillingMode(StrEnum):
    MANUAL = "manual"
    RECURRING = "recurring"

    def __str__(self) -> str:
        return str(self.value)
