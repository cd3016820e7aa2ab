"""The ``crovver`` command (also ``python -m crovver_ext``): Crovver from a shell.

Only argparse and the standard library; the SDK client is imported when a command runs, so
``--help`` and usage errors stay fast. ``main`` never lets a traceback out for an expected
failure: it prints one line to stderr and returns the exit status documented in ``EPILOG``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import uuid
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crovver_ext import CrovverClient
    from crovver_ext import _models as m

PROG = "crovver"
EXIT_OK = 0
EXIT_API = 1
EXIT_USAGE = 2
EXIT_CONFIG = 3
EXIT_INTERRUPTED = 130

EPILOG = """\
exit status:
  0    success (a denied can-access or a blocked consume is a successful answer)
  1    Crovver answered with an error, or could not be reached
  2    usage error: a bad command line or argument value
  3    configuration error: no API key, a bad key or base URL; or the local Crovver could not
       start (port in use, unreadable seed)
  130  interrupted

environment:
  CROVVER_SECRET_KEY  the secret key (sk_live_... / sk_test_...) when --api-key is not given
  CROVVER_BASE_URL    the API base URL when --base-url is not given (default https://app.crovver.com)
  CROVVER_LOG=debug   log every request to stderr (as --debug)

Times are shown in UTC. --json prints the SDK's result model as JSON: times as ISO 8601
strings, money as decimal strings.
"""


class _ConfigError(Exception):
    """No key, a bad key or base URL: exit status 3."""


class _UsageError(Exception):
    """An argument the SDK refused before sending anything: exit status 2."""


# ---- argument types --------------------------------------------------------------------------


def _timeout_seconds(text: str) -> float:
    from crovver_ext._validation import MAX_TIMEOUT  # stdlib only: --help stays fast

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    # The client's own rule (a usage error here, exit 2, instead of a refused client).
    if not 0 < value <= MAX_TIMEOUT:
        raise argparse.ArgumentTypeError(
            f"must be a positive number of seconds up to {MAX_TIMEOUT:.0f}, got {text!r}"
        )
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, got {text!r}")
    return value


def _port(text: str) -> int:
    value = _non_negative_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"not a TCP port: {text!r}")
    return value


def _json_object(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not valid JSON: {text!r}") from None
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError('must be a JSON object, e.g. \'{"source": "cli"}\'')
    return value


# ---- output ----------------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def _dumps(value: Any) -> str:
    return json.dumps(value, default=_json_default, indent=2, ensure_ascii=False)


def _when(value: dt.datetime | None) -> str:
    return "-" if value is None else value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")


def _text(value: object) -> str:
    return "-" if value is None else str(value)


def _table(headers: Sequence[str], cells: Sequence[Sequence[object]], right: Sequence[int] = ()) -> str:
    """Plain aligned columns (``None`` shows as ``-``); the columns in ``right`` are right-aligned."""
    rows = [[_text(c) for c in row] for row in cells]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    lines = []
    for row in [list(headers), *rows]:
        aligned = [
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(aligned).rstrip())
    return "\n".join(lines)


def _show_plans(result: m.PlanList, args: argparse.Namespace) -> str:
    org = result.organization
    rows = []
    for p in result.plans:
        price = "-" if p.price is None else f"{p.price} {p.currency}"
        seats = "-"
        if p.is_seat_based:
            seats = f"{_text(p.included_seats)} incl."
            if p.per_seat_price is not None:
                seats += f", +{p.per_seat_price}/seat"
        trial = f"{p.trial_days} days" if p.trial_available and p.trial_days else "-"
        product = None if p.product is None else p.product.slug
        rows.append([p.id, p.name, product, price, p.interval, seats, trial])
    table = _table(["ID", "NAME", "PRODUCT", "PRICE", "INTERVAL", "SEATS", "TRIAL"], rows, right=[3])
    return f"{_organization(org)}: {len(result.plans)} plans\n\n{table}"


def _organization(org: m.Organization | None) -> str:
    return "-" if org is None else f"{_text(org.name)} ({org.id}, {_text(org.type)})"


def _show_tenant(result: m.TenantDetails, args: argparse.Namespace) -> str:
    t, org = result.tenant, result.organization
    head = _table(
        ["Tenant", _text(t.external_tenant_id)],
        [
            ["Id", t.id],
            ["Name", t.name],
            ["Slug", _text(t.slug)],
            ["Active", "yes" if t.is_active else "no"],
            ["Created", _when(t.created_at)],
            ["Organization", _organization(org)],
        ],
    )
    if not result.members:
        return head + "\n\nNo members."
    members = _table(
        ["MEMBER", "ROLE", "EMAIL", "NAME"],
        [[x.external_user_id, x.role, _text(x.email), _text(x.name)] for x in result.members],
    )
    return f"{head}\n\n{members}"


def _show_subscriptions(result: m.SubscriptionList, args: argparse.Namespace) -> str:
    if not result.subscriptions:
        return f"No subscriptions for {args.tenant_id}."
    rows = [
        [
            s.id,
            s.status,
            "-" if s.plan is None else s.plan.name,
            "-" if s.product is None else _text(s.product.slug),
            _when(s.current_period_end),
            _text(s.capacity_units),
        ]
        for s in result.subscriptions
    ]
    return _table(["ID", "STATUS", "PLAN", "PRODUCT", "PERIOD END", "SEATS"], rows, right=[5])


def _show_access(result: dict[str, Any], args: argparse.Namespace) -> str:
    what = " ".join(
        f"{label} {value}"
        for label, value in (
            ("feature", args.feature_key),
            ("product", args.product),
            ("amount", args.amount),
        )
        if value is not None
    )
    verdict = "allowed" if result["can_access"] else "denied"
    return f"{verdict}: tenant {args.tenant_id}, {what}"


def _show_balance(result: m.CreditBalance, args: argparse.Namespace) -> str:
    if not result.pools:
        return f"No credit pools for {args.tenant_id} (no active subscription)."
    rows = [
        [
            p.pool_key,
            str(p.remaining),
            str(p.base_remaining),
            str(p.addon_remaining),
            _text(p.limit),
            _text(p.limit_behavior),
            _when(p.next_expiry),
        ]
        for p in result.pools
    ]
    return _table(
        ["POOL", "REMAINING", "BASE", "ADD-ON", "LIMIT", "BEHAVIOR", "NEXT EXPIRY"], rows, right=[1, 2, 3, 4]
    )


def _show_consume(result: dict[str, Any], args: argparse.Namespace) -> str:
    if result["already_processed"]:
        line = f"already processed: nothing more deducted, {result['remaining']} {args.pool_key} remaining"
    elif result["result"] == "success":
        line = f"success ({result['outcome']}): {args.amount} consumed, {result['remaining']} {args.pool_key} remaining"
    else:
        line = f"insufficient_credits ({result['outcome']}): nothing deducted, {result['remaining']} {args.pool_key} remaining"
    key = result["idempotency_key"]
    return f"{line}\nidempotency key: {key}  (repeat with --idempotency-key {key} to retry safely)"


def _show_invoices(result: m.InvoiceList, args: argparse.Namespace) -> str:
    if not result.invoices:
        return f"No invoices for {args.external_tenant_id}."
    rows = [
        [
            _text(i.invoice_number or i.id),
            _text(i.invoice_type),
            i.status,
            f"{i.total_amount} {i.currency}",
            _when(i.issued_at),
            _when(i.paid_at),
            _text(i.plan_name),
        ]
        for i in result.invoices
    ]
    return _table(["INVOICE", "TYPE", "STATUS", "TOTAL", "ISSUED", "PAID", "PLAN"], rows, right=[3])


# ---- commands (only SDK calls in here: a ValueError/TypeError is a refused argument) ---------


def _plans(client: CrovverClient, args: argparse.Namespace) -> Any:
    return client.get_plans()


def _tenant(client: CrovverClient, args: argparse.Namespace) -> Any:
    return client.get_tenant(args.external_tenant_id)


def _subscriptions(client: CrovverClient, args: argparse.Namespace) -> Any:
    return client.get_subscriptions(args.tenant_id)


def _can_access(client: CrovverClient, args: argparse.Namespace) -> Any:
    allowed = client.can_access(args.tenant_id, args.feature_key, args.product, amount=args.amount)
    return {
        "tenant_id": args.tenant_id,
        "feature_key": args.feature_key,
        "product_slug": args.product,
        "amount": args.amount,
        "can_access": allowed,
    }


def _balance(client: CrovverClient, args: argparse.Namespace) -> Any:
    return client.credits.balance(tenant_id=args.tenant_id)


def _consume(client: CrovverClient, args: argparse.Namespace) -> Any:
    result = client.credits.consume(
        tenant_id=args.tenant_id,
        pool_key=args.pool_key,
        amount=args.amount,
        idempotency_key=args.idempotency_key,
        metadata=args.metadata,
    )
    return {**result.to_dict(), "idempotency_key": args.idempotency_key}


def _invoices(client: CrovverClient, args: argparse.Namespace) -> Any:
    return client.get_invoices(args.external_tenant_id)


Command = Callable[["CrovverClient", argparse.Namespace], Any]
Renderer = Callable[[Any, argparse.Namespace], str]


def _run_api_command(args: argparse.Namespace, command: Command, render: Renderer) -> int:
    client = _client(args)
    try:
        result = command(client, args)
    except (ValueError, TypeError) as exc:  # refused before sending; CrovverError is neither
        raise _UsageError(str(exc)) from None
    finally:
        client.close()
    if args.as_json:
        output = _dumps(result.to_dict() if hasattr(result, "to_dict") else result)
    else:
        output = render(result, args)
    print(output)
    return EXIT_OK


def _client(args: argparse.Namespace) -> CrovverClient:
    key = args.api_key if args.api_key is not None else os.environ.get("CROVVER_SECRET_KEY")
    if key is None or not key.strip():
        raise _ConfigError("no API key: pass --api-key or set CROVVER_SECRET_KEY")
    from crovver_ext import CrovverClient

    options: dict[str, Any] = {}
    if args.timeout is not None:
        options["timeout"] = args.timeout
    if args.max_retries is not None:
        options["max_retries"] = args.max_retries
    try:
        return CrovverClient(key, base_url=args.base_url, debug=args.debug, **options)
    except (ValueError, TypeError) as exc:
        raise _ConfigError(str(exc)) from None


def _local_serve(args: argparse.Namespace) -> int:
    from crovver_ext.testing.__main__ import main as emulator_main

    argv = ["serve", "--port", str(args.port)]
    if args.db is not None:
        argv += ["--db", args.db]
    if args.seed is not None:
        argv += ["--seed", args.seed]
    status = emulator_main(argv)
    # Its only failure status (2) means the server could not start: not a usage error here.
    return EXIT_CONFIG if status else EXIT_OK


# ---- the parser ------------------------------------------------------------------------------


def _add_global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The options every API command takes, before or after the command name.

    On subcommands the defaults are SUPPRESS, so a value given before the command name is not
    overwritten by the subcommand's default.
    """

    def default(value: Any) -> Any:
        return argparse.SUPPRESS if suppress else value

    group = parser.add_argument_group("global options")
    group.add_argument(
        "--api-key",
        default=default(None),
        metavar="KEY",
        help="secret key (default: $CROVVER_SECRET_KEY, which other users cannot see in a process list)",
    )
    group.add_argument(
        "--base-url", default=default(None), metavar="URL", help="API base URL (default: $CROVVER_BASE_URL)"
    )
    group.add_argument(
        "--json", dest="as_json", action="store_true", default=default(False), help="print JSON"
    )
    group.add_argument(
        "--timeout",
        type=_timeout_seconds,
        default=default(None),
        metavar="SECONDS",
        help="per attempt (default 30)",
    )
    group.add_argument(
        "--max-retries",
        type=_non_negative_int,
        default=default(None),
        metavar="N",
        help="retries on network errors, 408, 429, 5xx (default 3)",
    )
    group.add_argument(
        "--debug",
        action="store_true",
        default=default(False),
        help="log requests to stderr; show tracebacks of internal errors",
    )


def _parser() -> argparse.ArgumentParser:
    from crovver_ext._version import __version__

    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Crovver from a shell: plans, tenants, subscriptions, entitlements, credits, invoices; "
        "and the local Crovver emulator.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _add_global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def api_command(name: str, help: str, command: Command, render: Renderer) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, epilog=EPILOG, formatter_class=formatter)
        _add_global_options(p, suppress=True)
        p.set_defaults(run=lambda args: _run_api_command(args, command, render))
        return p

    api_command("plans", "List the organization's plans.", _plans, _show_plans)
    p = api_command("tenant", "Show a tenant, its members and organization.", _tenant, _show_tenant)
    p.add_argument("external_tenant_id", help="your id for the tenant (externalTenantId)")
    p = api_command("subscriptions", "List a tenant's subscriptions.", _subscriptions, _show_subscriptions)
    p.add_argument("tenant_id", help="the tenant's external id")
    p = api_command(
        "can-access",
        "Whether a tenant may use a feature (or, without a feature, has a product).",
        _can_access,
        _show_access,
    )
    p.add_argument("tenant_id", help="the tenant's external id")
    p.add_argument("feature_key", nargs="?", help="feature key (omit with --product: a subscription check)")
    p.add_argument("--product", metavar="SLUG", help="scope to one product (multi-product organizations)")
    p.add_argument("--amount", type=int, metavar="N", help="credits a credit-backed feature needs")
    p = api_command("balance", "Show a tenant's credit balances per pool.", _balance, _show_balance)
    p.add_argument("tenant_id", help="the tenant's external id")
    p = api_command(
        "consume", "Consume credits from a pool, exactly once per idempotency key.", _consume, _show_consume
    )
    p.add_argument("tenant_id", help="the tenant's external id")
    p.add_argument("pool_key", help="the credit pool, e.g. ai_generations")
    p.add_argument("amount", type=int, help="credits to consume (a positive integer)")
    p.add_argument(
        "--idempotency-key",
        default=None,
        metavar="KEY",
        help="reuse it to retry safely (default: a new UUID, printed)",
    )
    p.add_argument(
        "--metadata", type=_json_object, metavar="JSON", help="a JSON object stored with the consumption"
    )
    p = api_command("invoices", "List a tenant's invoices.", _invoices, _show_invoices)
    p.add_argument("external_tenant_id", help="the tenant's external id")

    local = sub.add_parser(
        "local",
        help="The local Crovver emulator.",
        description="The local Crovver emulator.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    local_sub = local.add_subparsers(dest="local_command", required=True, metavar="COMMAND")
    serve = local_sub.add_parser(
        "serve",
        help="Serve the emulator on 127.0.0.1 until Ctrl-C (or SIGTERM).",
        description="Serve the local Crovver on 127.0.0.1 until Ctrl-C (or SIGTERM); prints its URL and test keys.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    serve.add_argument("--port", type=_port, default=8787, help="TCP port (default 8787; 0 picks a free one)")
    serve.add_argument("--db", metavar="FILE", help="SQLite file to keep state in (default: memory)")
    serve.add_argument(
        "--seed", metavar="FILE", help="JSON or YAML seed file (default: the built-in demo data)"
    )
    serve.set_defaults(run=_local_serve)
    return parser


def _fail(message: str, status: int) -> int:
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``crovver`` command; returns the exit status (argparse exits with 2 on bad usage)."""
    args = _parser().parse_args(argv)
    if args.command == "consume" and args.idempotency_key is None:
        args.idempotency_key = str(uuid.uuid4())
    try:
        status: int = args.run(args)
        sys.stdout.flush()
        return status
    except _ConfigError as exc:
        return _fail(str(exc), EXIT_CONFIG)
    except _UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        # stdout was closed early (``crovver plans | head -1``): not worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_API
    except Exception as exc:
        from crovver_ext._errors import CrovverError

        if isinstance(exc, CrovverError):
            return _fail(str(exc), EXIT_API)
        if getattr(args, "debug", False):
            raise
        return _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)", EXIT_API)
