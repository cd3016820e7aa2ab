from enum import StrEnum


class BillingInterval(StrEnum):
    MONTHLY = "monthly"
    ONE_TIME = "one_time"
    YEARLY = "yearly"

    def __str__(self) -> str:
        return str(self.value)
