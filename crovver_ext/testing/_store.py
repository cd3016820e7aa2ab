"""SQLite storage: the schema, one connection, one lock, and transactions.

Every request runs inside :meth:`Store.transaction`, which holds a re-entrant lock for its whole
duration. Serialising requests this way is the simplest design that is correct under
concurrency (no lost updates, no negative hard-pool balances) and fast enough for an emulator.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE orgs (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
  secret_key TEXT NOT NULL UNIQUE, public_key TEXT NOT NULL UNIQUE,
  default_provider TEXT, created_at TEXT NOT NULL);
CREATE TABLE providers (
  org_id TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
  is_active INTEGER NOT NULL, PRIMARY KEY (org_id, id));
CREATE TABLE products (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, name TEXT NOT NULL, slug TEXT NOT NULL,
  description TEXT);
CREATE TABLE plans (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, product_id TEXT NOT NULL, name TEXT NOT NULL,
  description TEXT, interval TEXT NOT NULL, trial_days INTEGER NOT NULL,
  features TEXT NOT NULL, limits TEXT NOT NULL, is_seat_based INTEGER NOT NULL,
  included_seats INTEGER, min_seats INTEGER, max_seats INTEGER,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE plan_prices (
  plan_id TEXT NOT NULL, currency TEXT NOT NULL, amount INTEGER NOT NULL,
  base_price INTEGER, per_seat_price INTEGER, PRIMARY KEY (plan_id, currency));
CREATE TABLE pools (
  plan_id TEXT NOT NULL, pool_key TEXT NOT NULL, display_name TEXT NOT NULL,
  limit_per_period INTEGER NOT NULL, refill_behavior TEXT NOT NULL, rollover_cap INTEGER,
  limit_behavior TEXT NOT NULL, feature_keys TEXT NOT NULL, PRIMARY KEY (plan_id, pool_key));
CREATE TABLE addons (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, pool_key TEXT NOT NULL,
  display_name TEXT NOT NULL, description TEXT, credit_qty INTEGER NOT NULL,
  expiry_type TEXT NOT NULL, expiry_days INTEGER);
CREATE TABLE addon_prices (
  addon_id TEXT NOT NULL, currency TEXT NOT NULL, amount INTEGER NOT NULL,
  PRIMARY KEY (addon_id, currency));
CREATE TABLE addon_plans (addon_id TEXT NOT NULL, plan_id TEXT NOT NULL,
  PRIMARY KEY (addon_id, plan_id));
CREATE TABLE tenants (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, external_id TEXT NOT NULL, name TEXT NOT NULL,
  slug TEXT NOT NULL, is_active INTEGER NOT NULL, metadata TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  UNIQUE (org_id, external_id), UNIQUE (org_id, slug));
CREATE TABLE users (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, external_id TEXT NOT NULL, email TEXT,
  name TEXT, UNIQUE (org_id, external_id));
CREATE TABLE memberships (
  tenant_id TEXT NOT NULL, user_id TEXT NOT NULL, role TEXT NOT NULL,
  created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, user_id));
CREATE TABLE subscriptions (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, tenant_id TEXT NOT NULL,
  plan_id TEXT NOT NULL, product_id TEXT NOT NULL, status TEXT NOT NULL,
  currency TEXT NOT NULL, billing_mode TEXT NOT NULL, provider TEXT,
  provider_subscription_id TEXT, capacity_units INTEGER,
  current_period_start TEXT NOT NULL, current_period_end TEXT, trial_ends_at TEXT,
  canceled_at TEXT, cancel_reason TEXT, cancel_feedback TEXT, metadata TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE allocations (
  subscription_id TEXT NOT NULL, external_user_id TEXT NOT NULL, email TEXT, name TEXT,
  status TEXT NOT NULL, allocated_at TEXT NOT NULL, removed_at TEXT, metadata TEXT,
  PRIMARY KEY (subscription_id, external_user_id));
CREATE TABLE grants (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, subscription_id TEXT,
  pool_key TEXT NOT NULL, source_type TEXT NOT NULL, source_id TEXT,
  qty_granted INTEGER NOT NULL, qty_remaining INTEGER NOT NULL, expires_at TEXT,
  created_at TEXT NOT NULL);
CREATE INDEX grants_pool ON grants (tenant_id, pool_key);
CREATE TABLE consumptions (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, tenant_id TEXT NOT NULL,
  request_tenant TEXT NOT NULL, pool_key TEXT NOT NULL, amount INTEGER NOT NULL,
  idempotency_key TEXT NOT NULL, result TEXT NOT NULL, remaining INTEGER NOT NULL,
  metadata TEXT, created_at TEXT NOT NULL, UNIQUE (org_id, idempotency_key));
CREATE TABLE purchases (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, tenant_id TEXT NOT NULL,
  request_tenant TEXT NOT NULL, subscription_id TEXT NOT NULL, addon_id TEXT NOT NULL,
  currency TEXT NOT NULL, amount INTEGER NOT NULL, idempotency_key TEXT NOT NULL,
  status TEXT NOT NULL, session_id TEXT, metadata TEXT, created_at TEXT NOT NULL,
  completed_at TEXT, UNIQUE (org_id, idempotency_key));
CREATE TABLE sessions (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, kind TEXT NOT NULL, tenant_id TEXT NOT NULL,
  subscription_id TEXT, ref_id TEXT, status TEXT NOT NULL, amount INTEGER NOT NULL,
  currency TEXT NOT NULL, success_url TEXT, cancel_url TEXT,
  created_at TEXT NOT NULL, completed_at TEXT);
CREATE TABLE invoices (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, tenant_id TEXT NOT NULL,
  subscription_id TEXT, number TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
  total INTEGER NOT NULL, currency TEXT NOT NULL, due_date TEXT, paid_at TEXT,
  issued_at TEXT NOT NULL, period_start TEXT, period_end TEXT, provider TEXT,
  plan_name TEXT);
CREATE TABLE prorations (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, subscription_id TEXT NOT NULL,
  current_seats INTEGER NOT NULL, new_seats INTEGER NOT NULL, amount INTEGER NOT NULL,
  currency TEXT NOT NULL, status TEXT NOT NULL, external_user_id TEXT, email TEXT,
  name TEXT, metadata TEXT, created_at TEXT NOT NULL);
CREATE TABLE usage_events (
  tenant_id TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL, metadata TEXT,
  created_at TEXT NOT NULL);
"""

Row = sqlite3.Row


def new_id(prefix: str) -> str:
    """A fresh opaque id such as ``sub_3f2a9c0d1e4b5a6f``."""
    return f"{prefix}_{secrets.token_hex(8)}"


def to_json(value: Any) -> str | None:
    """A JSON column value (``None`` stays SQL NULL)."""
    return None if value is None else json.dumps(value, separators=(",", ":"))


def from_json(text: str | None) -> Any:
    """Decode a JSON column."""
    return None if text is None else json.loads(text)


class Store:
    """One SQLite connection (memory or file) guarded by one re-entrant lock."""

    def __init__(self, path: str | None = None) -> None:
        self.lock: threading.RLock = threading.RLock()
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is exactly
        # one request. check_same_thread=False is safe because the lock serialises all use.
        self.conn: sqlite3.Connection = sqlite3.connect(
            path or ":memory:", check_same_thread=False, isolation_level=None
        )
        self.conn.row_factory = sqlite3.Row
        self.closed: bool = False
        self._pristine: sqlite3.Connection | None = None

    def initialised(self) -> bool:
        """Whether the database already holds an emulator's state (a reopened file)."""
        with self.lock:
            row = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
            ).fetchone()
            return row is not None and self.get_meta("seeded") is not None

    def recreate(self) -> None:
        """Drop every table and create the schema afresh (used by seed and reset)."""
        with self.lock:
            tables = [
                row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for table in tables:
                    self.conn.execute(f'DROP TABLE "{table}"')
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and run one transaction; commit on success, roll back on error."""
        with self.lock:
            if self.closed:
                raise RuntimeError("the emulator's database is closed")
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def snapshot(self) -> None:
        """Remember the database as it is now (freshly seeded), for a fast :meth:`restore`."""
        with self.lock:
            if self._pristine is None:
                self._pristine = sqlite3.connect(":memory:", check_same_thread=False)
            self.conn.backup(self._pristine)

    def restore(self) -> bool:
        """Copy the snapshot back over the database; ``False`` when there is none."""
        with self.lock:
            if self._pristine is None:
                return False
            self._pristine.backup(self.conn)
            return True

    def get_meta(self, key: str) -> str | None:
        """A value from the ``meta`` table."""
        with self.lock:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            return None if row is None else str(row[0])

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self.lock:
            if not self.closed:
                self.closed = True
                self.conn.close()
                if self._pristine is not None:
                    self._pristine.close()


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Write a ``meta`` value inside the caller's transaction."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
