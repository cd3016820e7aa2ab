from enum import StrEnum


class OrganizationType(StrEnum):
    B2B = "b2b"
    D2C = "d2c"

    def __str__(self) -> str:
        return str(self.value)
