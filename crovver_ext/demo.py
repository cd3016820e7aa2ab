"""``make demo`` / ``python -m crovver_ext.demo``: the whole Crovver flow against a local Crovver.

Starts the local Crovver on 127.0.0.1, then walks through the SDK in the order of the Node SDK's
README: tenant, plans, checkout, subscription, feature gates, credits, add-ons, cancellation,
invoices, and what an error looks like.
"""

from __future__ import annotations

import sys
import uuid

from crovver_ext import CrovverClient, CrovverError
from crovver_ext.testing import LocalCrovver

TENANT = "workspace_abc123"


def step(title: str) -> None:
    print(f"\n== {title}")


def main() -> int:
    with LocalCrovver() as local, CrovverClient(local.secret_key, base_url=local.base_url) as crovver:
        print(f"Local Crovver running at {local.base_url} (secret key {local.secret_key[:8]}…)")

        step("1. Create a tenant")
        created = crovver.create_tenant(
            external_tenant_id=TENANT, name="Acme Corp", external_user_id="user_123"
        )
        owner = "-" if created.owner is None else created.owner.external_user_id
        print(f"Created {created.tenant.name!r} ({created.tenant.external_tenant_id}), owner {owner}")

        step("2. Plans")
        plans = crovver.get_plans().plans
        for plan in plans:
            price = "free" if plan.is_free else f"${(plan.price_amount or 0) / 100:.2f}/{plan.interval}"
            print(f"  {plan.name:<14} {price:<18} trial: {plan.trial_days or 0} days")
        pro = next(p for p in plans if p.id == "plan_pro")

        step("3. Check out the Pro plan")
        session = crovver.create_checkout_session(
            plan_id=pro.id,
            external_tenant_id=TENANT,
            currency="USD",
            success_url="https://yourapp.example/billing/success",
            cancel_url="https://yourapp.example/billing/cancel",
        )
        print(f"Send the customer to {session.checkout_url}")
        assert session.session_id is not None  # the local Crovver always opens a session
        local.control.complete_checkout(session.session_id)  # the customer pays
        print("The customer paid.")

        step("4. The subscription")
        subscription = crovver.get_subscriptions(TENANT).subscriptions[0]
        print(f"Status: {subscription.status}; trial ends {subscription.trial_ends_at:%Y-%m-%d}")

        step("5. Feature gates")
        for feature in ("advanced_analytics", "sso"):
            allowed = crovver.can_access(TENANT, feature)
            print(f"  {feature:<20} {'allowed' if allowed else 'not in this plan'}")

        step("6. Credit balances")
        for pool in crovver.credits.balance(tenant_id=TENANT).pools:
            print(
                f"  {pool.pool_key:<16} {pool.remaining:>5} remaining ({pool.limit_behavior} limit {pool.limit})"
            )

        step("7. Consume credits")
        key = str(uuid.uuid4())  # one key per user action
        first = crovver.credits.consume(
            tenant_id=TENANT, pool_key="ai_generations", amount=10, idempotency_key=key
        )
        print(f"Consumed 10: {first.result}, {first.remaining} left")
        again = crovver.credits.consume(
            tenant_id=TENANT, pool_key="ai_generations", amount=10, idempotency_key=key
        )
        print(
            f"Same idempotency key again: already_processed={again.already_processed}, still {again.remaining} left"
        )
        blocked = crovver.credits.consume(
            tenant_id=TENANT, pool_key="ai_generations", amount=1000, idempotency_key=str(uuid.uuid4())
        )
        print(f"Asked for 1000 from the hard pool: {blocked.result} ({blocked.outcome}); nothing deducted")

        step("8. Buy an add-on")
        addon = next(a for a in crovver.addons.list_available(TENANT) if a.pool_key == "ai_generations")
        print(f"{addon.name}: {addon.credit_qty} credits for {addon.currency} {addon.amount}")
        purchase = crovver.addons.purchase(
            TENANT, addon_id=addon.id, currency="USD", idempotency_key=str(uuid.uuid4())
        )
        if purchase.requires_payment and purchase.checkout_url:
            print(f"Send the customer to {purchase.checkout_url}")
            local.control.complete_checkout(purchase.checkout_url.rsplit("/", 1)[-1])
            print("The customer paid.")

        step("9. Active add-on credits")
        for active in crovver.addons.get_active(TENANT):
            print(f"  {active.pool_key:<16} {active.remaining:>5} remaining")

        step("10. Cancel")
        canceled = crovver.cancel_subscription(subscription.id, TENANT, "User requested cancellation")
        print(f"Status: {canceled.status}; access continues until {canceled.current_period_end:%Y-%m-%d}")

        step("11. Invoices")
        for invoice in crovver.get_invoices(TENANT).invoices:
            print(
                f"  {invoice.invoice_number}  {invoice.status:<6} {invoice.currency} {invoice.total_amount}"
            )

        step("12. An error")
        try:
            crovver.get_tenant("no_such_workspace")
        except CrovverError as error:
            print(f"{type(error).__name__}: {error}")
            print(f"  status_code={error.status_code} code={error.code} is_retryable={error.is_retryable}")

    print("\nDone. Run `make test` next, or read README.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
