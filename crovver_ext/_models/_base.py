"""What every result class shares: field declarations, the frozen base, list results, money."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal, TypeAlias, TypeVar, overload

import attrs

from crovver_ext._reader import (
    DERIVE,
    EMPTY,
    PRIVATE_FIELDS,
    READS,
    WIRE,
    freeze_wire,
)

T = TypeVar("T")

#: Free-form JSON as Crovver sent it (metadata): read-only mappings, tuples, str, int, ``Decimal``,
#: bool and None.
JSON: TypeAlias = Any
#: A free-form JSON object (metadata).
JSONObject: TypeAlias = Mapping[str, JSON]

ConsumeResultKind = Literal["success", "insufficient_credits"]


def wire(*names: str, default: Any = None, repr: bool = True) -> Any:
    """A field read from these wire names (alternatives, first present wins; dotted = nested)."""
    return attrs.field(default=default, repr=repr, metadata={WIRE: names})


def derived(compute: Callable[[dict[str, Any], Mapping[str, Any]], Any], *reads: str) -> Any:
    """A field computed from the other fields' values and the wire object, after they are read.

    ``reads`` names the wire fields it is computed from directly (so no field is counted lost).
    """
    return attrs.field(default=None, metadata={DERIVE: compute, READS: reads})


def _not_private(attribute: attrs.Attribute[Any], value: Any) -> bool:
    return attribute.name not in PRIVATE_FIELDS


@attrs.frozen(kw_only=True, slots=False)
class _Model:
    _wire: Mapping[str, Any] = attrs.field(default=EMPTY, eq=False, repr=False)

    @property
    def raw(self) -> Mapping[str, JSON]:
        """The wire object this was read from, read-only (objects are ``FrozenDict``, arrays ``FrozenList``)."""
        return freeze_wire(self._wire)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        """The model as plain Python data (nested models become dicts; values keep their types)."""
        return attrs.asdict(self, filter=_not_private)


@attrs.frozen(kw_only=True, slots=False)
class _Result(_Model):
    #: The id Crovver gave the call that returned this (``x-request-id``), or None.
    request_id: str | None = attrs.field(default=None, eq=False, repr=False)
    """The id Crovver gave the call that returned this (``x-request-id``), or None."""


@attrs.frozen(kw_only=True, eq=False, slots=False)
class ItemList(Sequence[T]):
    """A list result (e.g. available add-ons): a read-only sequence that also has ``request_id``."""

    items: tuple[T, ...] = ()
    """The items, in Crovver's order."""
    _wire: Any = attrs.field(default=(), repr=False)
    #: The id Crovver gave the call that returned this (``x-request-id``), or None.
    request_id: str | None = attrs.field(default=None, repr=False)
    """The id Crovver gave the call that returned this (``x-request-id``), or None."""

    @property
    def raw(self) -> JSON:
        """The wire value this was read from, read-only (objects are ``FrozenDict``, arrays ``FrozenList``)."""
        return freeze_wire(self._wire)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ItemList):
            return self.items == other.items
        if isinstance(other, (list, tuple)):
            return self.items == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.items)

    def to_dict(self) -> list[Any]:
        """The items as plain Python data."""
        return [x.to_dict() if isinstance(x, _Model) else x for x in self.items]


# Currencies whose minor unit is not a hundredth (ISO 4217 exponents).
_ZERO_DECIMAL = frozenset(
    [
        "BIF",
        "CLP",
        "DJF",
        "GNF",
        "ISK",
        "JPY",
        "KMF",
        "KRW",
        "PYG",
        "RWF",
        "UGX",
        "UYI",
        "VND",
        "VUV",
        "XAF",
        "XOF",
        "XPF",
    ]
)
_THREE_DECIMAL = frozenset(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"])


def minor_units(amount: Decimal | None, currency: str | None) -> int | None:
    """``Decimal("29.00")``, ``"USD"`` -> 2900; a currency's minor unit per ISO 4217."""
    if amount is None or currency is None:
        return None
    code = currency.upper()
    exponent = 0 if code in _ZERO_DECIMAL else 3 if code in _THREE_DECIMAL else 2
    return int((amount * 10**exponent).to_integral_value(rounding=ROUND_HALF_UP))
