from enum import StrEnum


class SubscriptionStatus(StrEnum):
    ACTIVE = "active"
    CANCELED = "canceled"
    EXPIRED = "expired"
    PAST_DUE = "past_due"
    PENDING = "pending"
    PENDING_CANCEL = "pending_cancel"
    TRIAL = "trial"

    def __str__(self) -> str:
        return str(self.value)
