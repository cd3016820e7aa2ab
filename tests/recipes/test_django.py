"""The README's Django recipe, run as written against the local Crovver (Django's test client,
with minimal settings made here and the recipe's own settings block on top)."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from typing import Any

import django
import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings

from crovver_ext import CrovverClient
from crovver_ext.testing import LocalCrovver, sign_webhook
from crovver_ext.webhooks import SIGNATURE_HEADER, WebhookEvent
from tests.webhooks.test_signatures import EVENT, body_of

from .conftest import WEBHOOK_SECRET
from .readme import README, recipe
from .relay import DeliveryRelay, cancel_and_redeliver, cancel_through

MODULE = "readme_django_recipe"

if not settings.configured:
    settings.configure(
        SECRET_KEY="recipe-tests-only",
        ALLOWED_HOSTS=["testserver"],
        INSTALLED_APPS=[],
        MIDDLEWARE=[],
        DATABASES={},
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        USE_TZ=True,
    )
    django.setup()


@pytest.fixture
def recipe_module(crovver_env: LocalCrovver) -> Iterator[types.ModuleType]:
    project_settings: dict[str, Any] = {}
    exec(compile(recipe("django-settings"), str(README), "exec"), project_settings)
    module = types.ModuleType(MODULE)
    sys.modules[MODULE] = module  # the ROOT_URLCONF, found by name
    cache.clear()
    try:
        with override_settings(
            ROOT_URLCONF=MODULE, **{k: v for k, v in project_settings.items() if k.isupper()}
        ):
            exec(compile(recipe("django"), str(README), "exec"), module.__dict__)
            get_crovver = module.get_crovver  # a test may stand in another client
            yield module
            if get_crovver.cache_info().currsize:
                get_crovver().close()
    finally:
        del sys.modules[MODULE]


@pytest.fixture
def client(recipe_module: types.ModuleType) -> Client:
    return Client()


def report(client: Client, tenant_id: str) -> Any:
    return client.get("/reports/advanced", headers={"X-Tenant-Id": tenant_id})


def test_the_client_comes_from_settings(recipe_module: types.ModuleType, crovver_env: LocalCrovver) -> None:
    crovver = recipe_module.get_crovver()
    assert isinstance(crovver, CrovverClient)
    assert crovver.base_url == crovver_env.base_url.rstrip("/")
    assert recipe_module.get_crovver() is crovver  # one per process


def test_a_tenant_with_the_feature_gets_the_report(client: Client) -> None:
    response = report(client, "ws_active")
    assert (response.status_code, response.json()) == (200, {"tenant": "ws_active", "report": "..."})
    assert report(client, "ws_trial").status_code == 200


@pytest.mark.parametrize("tenant_id", ["ws_none", "ws_canceled", "ws_past_due"])
def test_no_active_subscription_is_402(client: Client, tenant_id: str) -> None:
    response = report(client, tenant_id)
    assert response.status_code == 402
    assert response.json() == {"error": "This workspace has no active subscription."}


def test_a_plan_without_the_feature_is_403(client: Client, free_tenant: str) -> None:
    response = report(client, free_tenant)
    assert response.status_code == 403
    assert response.json() == {"error": "Your plan does not include advanced_analytics."}


def test_webhooks_from_the_local_crovver_are_verified_and_handled_once(
    client: Client, recipe_module: types.ModuleType, crovver_env: LocalCrovver
) -> None:
    handled: list[WebhookEvent] = []
    recipe_module.handle_event = handled.append  # the view looks it up when called

    def forward(body: bytes, signature: str | None) -> int:
        headers = {} if signature is None else {SIGNATURE_HEADER: signature}
        response = client.post("/webhooks/crovver", body, content_type="application/json", headers=headers)
        return int(response.status_code)

    with DeliveryRelay(forward) as relay:
        cancel_and_redeliver(crovver_env.control, relay, WEBHOOK_SECRET)

    assert relay.statuses == [200, 200]
    [event] = handled
    assert event.data is not None
    assert (event.type, event.data.external_tenant_id, event.data.status) == (
        "subscription.canceled",
        "ws_active",
        "pending_cancel",
    )


def test_a_cancellation_webhook_reaches_the_gate_through_a_long_cache(
    client: Client, recipe_module: types.ModuleType, crovver_env: LocalCrovver
) -> None:
    # ws_manual's cancellation takes effect at once; with an hour of entitlement cache, only the
    # webhook view's apply_event can make the gate see it before the hour is up.
    with CrovverClient(entitlement_cache_ttl=3600) as cached:
        recipe_module.get_crovver = lambda: cached  # the views look it up when called
        assert report(client, "ws_manual").status_code == 200

        def forward(body: bytes, signature: str | None) -> int:
            headers = {} if signature is None else {SIGNATURE_HEADER: signature}
            response = client.post(
                "/webhooks/crovver", body, content_type="application/json", headers=headers
            )
            return int(response.status_code)

        with DeliveryRelay(forward) as relay:
            cancel_through(crovver_env.control, relay, WEBHOOK_SECRET, "ws_manual")
        assert relay.statuses == [200]
        assert report(client, "ws_manual").status_code == 402


def test_forged_tampered_and_non_post_webhooks_are_refused(client: Client) -> None:
    body = body_of(EVENT)

    def post(content: bytes, signature: str | None) -> int:
        headers = {} if signature is None else {SIGNATURE_HEADER: signature}
        return int(
            client.post(
                "/webhooks/crovver", content, content_type="application/json", headers=headers
            ).status_code
        )

    assert post(body, None) == 400
    assert post(body, sign_webhook(body, "whsec_someone_else")) == 400
    assert post(body.replace(b"evt_1", b"evt_2"), sign_webhook(body, WEBHOOK_SECRET)) == 400
    assert post(body, sign_webhook(body, WEBHOOK_SECRET)) == 200
    assert client.get("/webhooks/crovver").status_code == 405
