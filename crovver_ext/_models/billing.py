"""Result classes: checkout and billing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from crovver_ext._models._base import (
    _Model,
    _Result,
    derived,
)


@attrs.frozen(kw_only=True, slots=False)
class CheckoutSession(_Result):
    """Redirect the user to ``checkout_url``; the subscription stays ``pending`` until paid."""

    subscription_id: str
    checkout_url: str | None = None
    session_id: str | None = None
    plan_name: str | None = None
    is_free: bool | None = None
    provider: str | None = None
    amount: Decimal | None = None
    currency: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class Invoice(_Model):
    """An invoice."""

    id: str
    invoice_number: str | None = None
    invoice_type: str | None = None
    status: str | None = None
    total_amount: Decimal | None = None
    currency: str | None = None
    due_date: dt.datetime | None = None
    paid_at: dt.datetime | None = None
    issued_at: dt.datetime | None = None
    period_start: dt.datetime | None = None
    period_end: dt.datetime | None = None
    payment_provider: str | None = None
    plan_name: str | None = None
    hosted_invoice_url: str | None = None
    invoice_pdf: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class InvoiceList(_Result):
    """What ``get_invoices`` returns."""

    invoices: tuple[Invoice, ...] = ()


@attrs.frozen(kw_only=True, slots=False)
class Token(_Result):
    """A short-lived token for a browser redirect, and the URL to send the browser to.

    ``url`` and ``expires_in`` come from the reply's ``meta`` (``checkoutUrl``/``portalUrl``).
    """

    token: str
    expires_at: dt.datetime | None = None
    url: str | None = derived(lambda values, raw: None)  # set from meta by the operation
    expires_in: int | None = derived(lambda values, raw: None)  # set from meta by the operation
