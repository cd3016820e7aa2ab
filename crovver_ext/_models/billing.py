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
    """Subscription id (wire ``subscriptionId``); always present."""
    checkout_url: str | None = None
    """Checkout url (wire ``checkoutUrl``); None when Crovver leaves it out."""
    session_id: str | None = None
    """Session id (wire ``sessionId``); None when Crovver leaves it out."""
    plan_name: str | None = None
    """Plan name (wire ``planName``); None when Crovver leaves it out."""
    is_free: bool | None = None
    """Whether it is free (wire ``isFree``); None when Crovver leaves it out."""
    provider: str | None = None
    """Provider (wire ``provider``); None when Crovver leaves it out."""
    amount: Decimal | None = None
    """Amount (wire ``amount``); None when Crovver leaves it out."""
    currency: str | None = None
    """Currency (wire ``currency``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class Invoice(_Model):
    """An invoice."""

    id: str
    """Id (wire ``id``); always present."""
    invoice_number: str | None = None
    """Invoice number (wire ``invoiceNumber``); None when Crovver leaves it out."""
    invoice_type: str | None = None
    """Invoice type (wire ``invoiceType``); None when Crovver leaves it out."""
    status: str | None = None
    """Status (wire ``status``); None when Crovver leaves it out."""
    total_amount: Decimal | None = None
    """Total amount (wire ``totalAmount``); None when Crovver leaves it out."""
    currency: str | None = None
    """Currency (wire ``currency``); None when Crovver leaves it out."""
    due_date: dt.datetime | None = None
    """Due date (wire ``dueDate``); None when Crovver leaves it out."""
    paid_at: dt.datetime | None = None
    """Paid at (wire ``paidAt``); None when Crovver leaves it out."""
    issued_at: dt.datetime | None = None
    """Issued at (wire ``issuedAt``); None when Crovver leaves it out."""
    period_start: dt.datetime | None = None
    """Period start (wire ``periodStart``); None when Crovver leaves it out."""
    period_end: dt.datetime | None = None
    """Period end (wire ``periodEnd``); None when Crovver leaves it out."""
    payment_provider: str | None = None
    """Payment provider (wire ``paymentProvider``); None when Crovver leaves it out."""
    plan_name: str | None = None
    """Plan name (wire ``planName``); None when Crovver leaves it out."""
    hosted_invoice_url: str | None = None
    """Hosted invoice url (wire ``hostedInvoiceUrl``); None when Crovver leaves it out."""
    invoice_pdf: str | None = None
    """Invoice pdf (wire ``invoicePdf``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class InvoiceList(_Result):
    """What ``get_invoices`` returns."""

    invoices: tuple[Invoice, ...] = ()
    """Invoices (wire ``invoices``); empty when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class Token(_Result):
    """A short-lived token for a browser redirect, and the URL to send the browser to.

    ``url`` and ``expires_in`` come from the reply's ``meta`` (``checkoutUrl``/``portalUrl``).
    """

    token: str
    """Token (wire ``token``); always present."""
    expires_at: dt.datetime | None = None
    """Expires at (wire ``expiresAt``); None when Crovver leaves it out."""
    url: str | None = derived(lambda values, raw: None)  # set from meta by the operation
    """The URL to send the browser to (``meta.checkoutUrl`` or ``meta.portalUrl``)."""
    expires_in: int | None = derived(lambda values, raw: None)  # set from meta by the operation
    """Seconds the token is valid (``meta.expiresIn``)."""
