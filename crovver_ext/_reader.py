"""The one conversion boundary between Crovver's JSON and the SDK's result classes.

Each result class declares its fields once (``_models.py``): the Python name and type, and beside
them the wire names (``wire("createdAt", "created_at")``; by default the camelCase of the field
name, a dotted name reaches into a nested object) or a derivation. ``reader(cls)`` compiles that
declaration, once per class, into a plain Python function that reads a reply's ``dict`` straight
into the class: the types decide the conversion, ``X | None`` decides what may be missing.

Tolerant where Crovver's documented replies are loose, strict where they decide money or access:

- an optional field that is missing or ``null`` is ``None``; a collection is empty;
- a required field (the answer itself: ``canAccess``, a consume ``result``, a status, an id) that
  is missing or ``null`` raises ``MalformedReply``;
- a value of the wrong type, out of range, overflowing or nested absurdly deep raises
  ``MalformedReply`` naming the field (``data.plans[3].pricing.amount``), never a raw
  ``ValueError``/``OverflowError``/``decimal.Overflow``. The request policy turns it into
  ``InvalidResponseError``. Any other exception is a bug in the SDK and surfaces as itself.

Why compiled source rather than a loop over field descriptors: a reply of 200 plans is ~6,000
fields; the generated function does one ``dict.get`` and one type check per field, which is what
a careful hand-written parser would do (see README, Performance). When a conversion fails, a
second, slow walk over the same declaration finds the field to name.
"""

from __future__ import annotations

import datetime as dt
import math
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, NoReturn, TypeVar, Union

T = TypeVar("T")

# Money and counts outside these bounds are not amounts Crovver sends; they would overflow later
# arithmetic (decimal.Overflow in minor-unit conversion) or cost seconds to convert (int("9"*10**6)).
_MAX_DIGITS = 30
_MAX_INT = 2**63
# Metadata and other free-form JSON deeper than this is refused (a bomb, not data).
MAX_JSON_DEPTH = 64


class MalformedReply(Exception):
    """A value in a successful reply that does not have the documented shape.

    ``path`` names the field (``data.plans[3].pricing.amount``); the policy maps this onto
    ``InvalidResponseError``. Raised only by the conversions here, so that a bug anywhere else in
    the SDK is never reported as Crovver's fault.
    """

    def __init__(self, reason: str, path: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def at(self, segment: str) -> MalformedReply:
        """The same error one level further out (``pricing.amount`` -> ``plans[3].pricing.amount``)."""
        joined = segment if not self.path else segment + ("" if self.path[0] == "[" else ".") + self.path
        return MalformedReply(self.reason, joined)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


def _bad(reason: str) -> NoReturn:
    raise MalformedReply(reason)


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# ---- read-only containers ----------------------------------------------------------------------


def _refuse(kind: str) -> NoReturn:
    raise TypeError(f"this {kind} is read-only (it is part of a Crovver result)")


class FrozenDict(dict[str, T]):
    """A ``dict`` that cannot be changed (and so can be hashed when its values can)."""

    __slots__ = ()

    # Every mutator refuses, each with dict's own signature (so type checkers see the same API).
    def __setitem__(self, key: str, value: T, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("mapping")

    def __delitem__(self, key: str, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("mapping")

    def __ior__(self, value: Any, /) -> NoReturn:  # type: ignore[misc]
        """Refused: a Crovver result is read-only."""
        _refuse("mapping")

    def clear(self) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("mapping")

    def pop(self, key: str, default: Any = None, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("mapping")

    def popitem(self) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("mapping")

    def setdefault(self, key: str, default: Any = None, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("mapping")

    def update(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("mapping")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __repr__(self) -> str:
        return f"FrozenDict({dict.__repr__(self)})"

    def __copy__(self) -> FrozenDict[T]:
        return self

    def __deepcopy__(self, memo: object) -> FrozenDict[T]:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))


EMPTY: FrozenDict[Any] = FrozenDict()


class FrozenList(list[T]):
    """A ``list`` that cannot be changed: a JSON array inside ``.raw`` (equal to the list it mirrors)."""

    __slots__ = ()

    # Every mutator refuses, each with list's own signature (so type checkers see the same API).
    def __setitem__(self, index: Any, value: Any, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def __delitem__(self, index: Any, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def __iadd__(self, value: Any, /) -> NoReturn:  # type: ignore[misc]
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def __imul__(self, value: Any, /) -> NoReturn:  # type: ignore[misc]
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def append(self, item: Any, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def clear(self) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def extend(self, items: Any, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def insert(self, index: Any, item: Any, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def pop(self, index: Any = -1, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def remove(self, item: Any, /) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def reverse(self) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def sort(self, *, key: Any = None, reverse: bool = False) -> NoReturn:
        """Refused: a Crovver result is read-only."""
        _refuse("list")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"FrozenList({list.__repr__(self)})"

    def __copy__(self) -> FrozenList[T]:
        return self

    def __deepcopy__(self, memo: object) -> FrozenList[T]:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenList, (list(self),))


def freeze_json(value: Any, depth: int = 0, limit: int | None = MAX_JSON_DEPTH) -> Any:
    """JSON data made read-only: objects become ``FrozenDict``, arrays ``FrozenList``."""
    if limit is not None and depth > limit:
        _bad(f"nested more than {limit} levels deep")
    kind = type(value)
    if kind is dict:
        return FrozenDict({k: freeze_json(v, depth + 1, limit) for k, v in value.items()})
    if kind is list:
        return FrozenList([freeze_json(v, depth + 1, limit) for v in value])
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is Decimal:
        return _finite_decimal(value)
    if kind is float:
        return read_float(value)
    _bad(f"expected JSON, got {_describe(value)}")


def freeze_wire(value: Any) -> Any:
    """The wire value as it came, made read-only (``.raw``): never raises, at any depth.

    Iterative, not recursive: a reply may nest as deep as ``json.loads`` allows, deeper than the
    stack left to a property. Values are not checked (a field the SDK does not read stays as sent).
    """
    if type(value) is not dict and type(value) is not list:
        return value
    # Post-order over an explicit stack: each container is frozen once its children are.
    frozen: dict[int, Any] = {}
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        node, children_done = stack.pop()
        if not children_done:
            stack.append((node, True))
            children = node.values() if type(node) is dict else node
            stack.extend((c, False) for c in children if type(c) is dict or type(c) is list)
            continue
        if type(node) is dict:
            frozen[id(node)] = FrozenDict({k: frozen.get(id(v), v) for k, v in node.items()})
        else:
            frozen[id(node)] = FrozenList([frozen.get(id(v), v) for v in node])
    return frozen[id(value)]


# ---- scalar conversions ------------------------------------------------------------------------
# Each returns the converted value or raises MalformedReply. The compiled readers test the
# common exact type inline and only call these for anything else.


def read_str(value: Any) -> str:
    if type(value) is str:
        return value
    _bad(f"expected a string, got {_describe(value)}")


def read_bool(value: Any) -> bool:
    if value is True or value is False:
        return bool(value)
    _bad(f"expected true or false, got {_describe(value)}")


def read_int(value: Any) -> int:
    """An integer, also from the decimal strings some endpoints send (``"500"``)."""
    kind = type(value)
    number: int
    if kind is int:
        number = value
    elif (
        (kind is str and 0 < len(value) <= 20 and value.strip().lstrip("-").isdigit())
        or (
            kind is Decimal
            and value.is_finite()
            and abs(value.adjusted()) <= 19
            and value == value.to_integral()
        )
        or (kind is float and value.is_integer())
    ):
        number = int(value)
    else:
        _bad(f"expected an integer, got {_describe(value)}")
    if not -_MAX_INT <= number <= _MAX_INT:
        _bad(f"integer out of range: {_describe(value)}")
    return number


def read_float(value: Any) -> float:
    kind = type(value)
    if kind is bool or kind not in (int, float, Decimal):
        _bad(f"expected a number, got {_describe(value)}")
    number = float(value)
    if not math.isfinite(number):
        _bad(f"expected a finite number, got {_describe(value)}")
    return number


def _finite_decimal(amount: Decimal) -> Decimal:
    if amount.is_finite() and -_MAX_DIGITS <= amount.adjusted() <= _MAX_DIGITS:
        return amount
    if amount.is_zero():  # 0E-1000 is zero, whatever its exponent
        return Decimal(0)
    _bad(f"amount out of range: {_describe(amount)}")


def read_decimal(value: Any) -> Decimal:
    """Money from a JSON number (already a ``Decimal``, see ``read_envelope``) or a decimal string."""
    kind = type(value)
    if kind is Decimal:
        return _finite_decimal(value)
    if kind is int:
        if not -_MAX_INT <= value <= _MAX_INT:
            _bad(f"amount out of range: {_describe(value)}")
        return Decimal(value)
    if kind is str and len(value) <= 2 * _MAX_DIGITS:
        try:
            return _finite_decimal(Decimal(value))  # Decimal() itself allows surrounding spaces
        except InvalidOperation:
            pass
    elif kind is float and math.isfinite(value):
        return _finite_decimal(Decimal(repr(value)))
    _bad(f"expected an amount, got {_describe(value)}")


def read_datetime(value: Any) -> dt.datetime:
    """An aware UTC ``datetime`` from ISO 8601; a value without a zone is read as UTC."""
    if type(value) is not str or len(value) > 64:
        _bad(f"expected an ISO 8601 date-time, got {_describe(value)}")
    try:
        parsed = dt.datetime.fromisoformat(value)
        zone = parsed.tzinfo
        if zone is dt.UTC:  # "...Z" and "+00:00": already what we return
            return parsed
        return parsed.replace(tzinfo=dt.UTC) if zone is None else parsed.astimezone(dt.UTC)
    except (ValueError, OverflowError):  # not ISO 8601; or a moment UTC cannot hold (9999-12-31T23:59-01:00)
        _bad(f"expected an ISO 8601 date-time, got {_describe(value)}")


_SCALARS: dict[Any, Callable[[Any], Any]] = {
    str: read_str,
    bool: read_bool,
    int: read_int,
    float: read_float,
    Decimal: read_decimal,
    dt.datetime: read_datetime,
}


# ---- field declarations ------------------------------------------------------------------------

# Keys of attrs field metadata.
WIRE = "crovver_wire"
DERIVE = "crovver_derive"
READS = "crovver_reads"  # the wire names a derived field is computed from
PRIVATE_FIELDS = frozenset({"_wire", "request_id"})


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    """``(X, True)`` for ``X | None``; ``(X, False)`` for ``X``."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != len(typing.get_args(hint)):
            inner = args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007
            return inner, True
    return hint, False


class _Kind:
    """How one declared type is read: ``fast`` is an inline type test, ``convert`` the fallback."""

    def __init__(self, convert: Callable[[Any], Any], fast: type | None, nullable: bool = False) -> None:
        self.convert = convert
        self.fast = fast
        self.nullable = nullable  # None passes (only inside collections)


def _kind(hint: Any) -> _Kind:
    hint, optional = _unwrap_optional(hint)
    if optional:  # inside a collection, e.g. the values of Mapping[str, int | None]
        inner = _kind(hint)
        convert = inner.convert
        return _Kind(lambda value: None if value is None else convert(value), inner.fast, nullable=True)
    if hint in _SCALARS:
        return _Kind(_SCALARS[hint], hint if hint in (str, int, bool) else None)
    origin = typing.get_origin(hint)
    if origin is Literal:
        return _Kind(read_str, str)
    if hint is Any:  # free-form JSON (metadata)
        return _Kind(freeze_json, None)
    if origin is tuple:
        item = _kind(typing.get_args(hint)[0])
        return _Kind(_sequence_reader(item.convert), None)
    if origin in (Mapping, dict, FrozenDict):
        value_hint = typing.get_args(hint)[1]
        if value_hint is Any:
            return _Kind(freeze_json, None)
        value_kind = _kind(value_hint)
        return _Kind(_mapping_reader(value_kind.convert, value_kind.fast, value_kind.nullable), None)
    if isinstance(hint, type) and hasattr(hint, "__attrs_attrs__"):
        return _Kind(reader(hint), None)
    raise TypeError(f"no wire conversion for the type {hint!r}")  # a declaration bug: fail at import


def _sequence_reader(convert: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    def read_sequence(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            _bad(f"expected a list, got {_describe(value)}")
        try:
            return tuple([convert(item) for item in value])
        except MalformedReply:
            pass
        for index, item in enumerate(value):  # the slow path: which item failed
            try:
                convert(item)
            except MalformedReply as error:
                raise error.at(f"[{index}]") from None
        raise AssertionError("unreachable: an item failed once and then read")  # pragma: no cover

    return read_sequence


def _mapping_reader(
    convert: Callable[[Any], Any], fast: type | None, nullable: bool
) -> Callable[[Any], FrozenDict[Any]]:
    def read_mapping(value: Any) -> FrozenDict[Any]:
        if type(value) is not dict:
            _bad(f"expected an object, got {_describe(value)}")
        if fast is not None and all(
            type(item) is fast or (nullable and item is None) for item in value.values()
        ):
            return FrozenDict(value)  # every value already has its type (feature flags, counts)
        out = {}
        for key, item in value.items():
            try:
                out[key] = convert(item)
            except MalformedReply as error:
                raise error.at(key) from None
        return FrozenDict(out)

    return read_mapping


class _Field:
    def __init__(self, name: str, names: tuple[str, ...], kind: _Kind, default: Any) -> None:
        self.name = name
        self.paths = tuple(tuple(n.split(".")) for n in names)
        self.kind = kind
        self.required = default is _REQUIRED
        self.default = default  # what a missing or null value reads as
        self.label = names[0]


_REQUIRED = object()


def lookup(raw: Mapping[str, Any], paths: Sequence[tuple[str, ...]]) -> Any:
    """The first of the alternative wire paths that holds a non-null value (``None`` if none)."""
    for path in paths:
        value: Any = raw
        for part in path:
            value = value.get(part) if type(value) is dict else None
            if value is None:
                break
        if value is not None:
            return value
    return None


def _fields(cls: type) -> tuple[list[_Field], list[tuple[str, Callable[..., Any], tuple[str, ...]]]]:
    import attrs

    hints = typing.get_type_hints(cls)
    fields: list[_Field] = []
    derived: list[tuple[str, Callable[..., Any], tuple[str, ...]]] = []
    for attribute in attrs.fields(cls):
        if attribute.name in PRIVATE_FIELDS:
            continue
        if DERIVE in attribute.metadata:
            derived.append((attribute.name, attribute.metadata[DERIVE], attribute.metadata.get(READS) or ()))
            continue
        hint, optional = _unwrap_optional(hints[attribute.name])
        names = attribute.metadata.get(WIRE) or (camel(attribute.name),)
        # Guaranteed (missing is an error) when it has no default; `X | None` always has one.
        default = _REQUIRED if attribute.default is attrs.NOTHING else attribute.default
        if optional and default is _REQUIRED:
            raise TypeError(f"{cls.__name__}.{attribute.name}: an optional field needs a default")
        fields.append(_Field(attribute.name, tuple(names), _kind(hint), default))
    return fields, derived


_READERS: dict[type[Any], Callable[[Any], Any]] = {}


def reader(cls: type[T]) -> Callable[[Any], T]:
    """The compiled reader of a result class: ``reader(Plan)(plan_dict) -> Plan``."""
    found = _READERS.get(cls)
    if found is None:
        found = _READERS[cls] = _compile(cls)
    return found


def _compile(cls: type[Any]) -> Callable[[Any], Any]:
    import attrs

    # A placeholder first, so that a class that (indirectly) contains itself compiles.
    def forward(raw: Any) -> Any:
        return _READERS[cls](raw)

    _READERS[cls] = forward
    fields, derived = _fields(cls)
    namespace: dict[str, Any] = {"_new": object.__new__, "_set": object.__setattr__, "_cls": cls}
    namespace.update(_bad=_bad, _lookup=lookup, _slow=_locate, _Malformed=MalformedReply)
    lines = [
        "def read(raw):",
        "    if raw.__class__ is not dict:",
        "        _bad('expected an object, got ' + type(raw).__name__)",
        "    try:",
        "        g = raw.get",
    ]
    # One level of nesting ("pricing.amount") is read through a local per nested object.
    nested = sorted({path[0] for f in fields for path in f.paths if len(path) == 2})
    namespace["_E"] = EMPTY
    for k, name in enumerate(nested):
        lines.append(f"        n{k} = g({name!r})")
        lines.append(f"        if n{k}.__class__ is not dict: n{k} = _E")
    for i, f in enumerate(fields):
        namespace[f"c{i}"] = f.kind.convert
        namespace[f"p{i}"] = f.paths
        namespace[f"e{i}"] = f.default
        v = f"v{i}"
        for j, path in enumerate(f.paths):
            if len(path) == 1:
                expr = f"g({path[0]!r})"
            elif len(path) == 2:
                expr = f"n{nested.index(path[0])}.get({path[1]!r})"
            else:
                expr = f"_lookup(raw, ({path!r},))"
            lines.append(f"        {v} = {expr}" if j == 0 else f"        if {v} is None: {v} = {expr}")
        lines.append(f"        if {v} is None:")
        lines.append("            _bad('missing')" if f.required else f"            {v} = e{i}")
        if f.kind.fast is bool:
            lines.append(f"        elif {v} is not True and {v} is not False:")
        elif f.kind.fast is not None:
            lines.append(f"        elif {v}.__class__ is not {f.kind.fast.__name__}:")
        else:
            lines.append("        else:")
        lines.append(f"            {v} = c{i}({v})")
    # One __dict__ for the whole instance: the classes are frozen and not slotted, and setting
    # the dict at once costs a fraction of one __setattr__ per field. Derived fields read it.
    items = [f"{f.name!r}: v{i}" for i, f in enumerate(fields)] + ["'_wire': raw"]
    if "request_id" in {a.name for a in attrs.fields(cls)}:
        items.append("'request_id': None")
    lines.append("        values = {" + ", ".join(items) + "}")
    namespace.update({f"d{j}": compute for j, (_, compute, _) in enumerate(derived)})
    for j, (name, _, reads) in enumerate(derived):
        # An error of a derived field names the wire field it reads (or the field itself).
        lines.append("        try:")
        lines.append(f"            values[{name!r}] = d{j}(values, raw)")
        lines.append("        except _Malformed as error:")
        lines.append(f"            raise error.at({(reads[0] if reads else name)!r}) from None")
    lines += [
        "    except _Malformed as error:",
        "        _slow(_cls, raw, error)",
        "        raise",
        "    self = _new(_cls)",
        "    _set(self, '__dict__', values)",
        "    return self",
    ]
    source = "\n".join(lines) + "\n"
    code = compile(source, f"<crovver reader for {cls.__qualname__}>", "exec")
    exec(code, namespace)  # the class's own declaration, compiled; no outside input reaches it
    compiled: Callable[[Any], T] = namespace["read"]
    compiled.__doc__ = source  # readable when debugging: reader(Plan).__doc__
    _READERS[cls] = compiled
    return compiled


def _locate(cls: type, raw: Mapping[str, Any], failed: MalformedReply) -> NoReturn:
    """The slow path after a failed read: find the field that failed and raise naming it."""
    fields, _ = _fields(cls)
    for f in fields:
        value = lookup(raw, f.paths)
        if value is None:
            if f.required:
                raise MalformedReply("missing", f.label)
            continue
        try:
            f.kind.convert(value)
        except MalformedReply as error:
            raise error.at(f.label) from None
    raise failed  # no wire field fails on its own: a derived field did, and its error names it


def sequence_of(cls: type[T]) -> Callable[[Any], tuple[T, ...]]:
    """A reader of a JSON list of ``cls`` objects; an error names the item (``[3].id``)."""
    return _sequence_reader(reader(cls))


def read_as(cls: type[T], raw: Any, where: str) -> T:
    """``reader(cls)(raw)``, with ``where`` (e.g. ``data``) prefixed to the path of an error."""
    try:
        return reader(cls)(raw)
    except MalformedReply as error:
        raise error.at(where) from None


def iter_wire_fields(cls: type) -> Iterator[tuple[str, tuple[str, ...], bool]]:
    """``(field name, wire names, required)`` of a result class, for tests that tie it to the spec.

    A derived field is listed with the wire names it is computed from (never required).
    """
    import attrs

    fields, _ = _fields(cls)
    for f in fields:
        yield f.name, tuple(".".join(p) for p in f.paths), f.required
    for attribute in attrs.fields(cls):
        if attribute.metadata.get(READS):
            yield attribute.name, tuple(attribute.metadata[READS]), False
