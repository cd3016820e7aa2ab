from enum import StrEnum


class InvoiceType(StrEnum):
    ADDON = "addon"
    PRORATION = "proration"
    RENEWAL = "renewal"
    SUBSCRIPTION = "subscription"

    def __str__(self) -> str:
        return str(self.value)
