from enum import StrEnum


class AllocationStatusFilter(StrEnum):
    ACTIVE = "active"
    ALL = "all"
    REMOVED = "removed"

    def __str__(self) -> str:
        return str(self.value)
