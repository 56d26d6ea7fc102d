# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The benchmark data generator: sizes, steps, and fast table writers.

Odoo's ORM creates what there is little of (the company, warehouses, users,
categories) so that all its side effects happen. What there is a lot of
(customers, products, orders, moves, invoices) is written with PostgreSQL's
COPY, row by row from a *template row*: one record of each kind is made by
the ORM in a savepoint, read back whole, and rolled back; every generated row
starts as a copy of it, so every column Odoo would fill has a plausible value,
and the generator sets only what varies. Foreign keys are checked at the end
(``verify_foreign_keys``), not row by row: orders and their procurement groups
point at each other, and one check of each key is faster.

Steps run in ``order``; a step whose models are not installed is skipped, so
steps for models that land later (visits, collections) plug in without
touching the others. See bench/README.md.
"""

import csv
import datetime
import io
import json
import logging
import random
import time
from dataclasses import dataclass, field

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

GENERATOR_VERSION = "8"
ID_BLOCK = 10_000
DEFAULT_SEED = 20260501

# customers, products, warehouses, reps, orders per customer; XS is for tests
SIZES = {
    "XS": {"customers": 40, "products": 60, "warehouses": 2, "reps": 2, "orders": 2},
    "S": {
        "customers": 1_000,
        "products": 5_000,
        "warehouses": 3,
        "reps": 10,
        "orders": 3,
    },
    "M": {
        "customers": 20_000,
        "products": 20_000,
        "warehouses": 5,
        "reps": 60,
        "orders": 3,
    },
    "L": {
        "customers": 200_000,
        "products": 50_000,
        "warehouses": 10,
        "reps": 300,
        "orders": 3,
    },
}


@dataclass(order=True)
class Step:
    order: int
    name: str = field(compare=False)
    func: object = field(compare=False)
    requires: tuple = field(compare=False, default=())


STEPS = []


def step(name, order, requires=()):
    """Register a generator step: ``func(gen)``, run in ``order`` when every
    model of ``requires`` is installed."""

    def register(func):
        STEPS.append(Step(order, name, func, tuple(requires)))
        STEPS.sort()
        return func

    return register


_PLAIN = {int, float, str}


def _csv_value(value):
    """A Python value as COPY's CSV expects it (most are written as they are)."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if value is None:
        return "\\N"
    if kind is bool:
        return "t" if value else "f"
    if kind is datetime.datetime:
        return value.isoformat(sep=" ")
    if kind is datetime.date:
        return value.isoformat()
    if kind is dict or kind is list:
        return json.dumps(value)
    return value


class TableWriter:
    """Rows for one table, sent with COPY in batches. Every row is the
    template row with the ``columns`` given to ``add`` (in that order)."""

    BATCH = 20_000

    def __init__(self, gen, table, template, columns):
        self.gen = gen
        self.table = table
        gen.cr.execute(
            SQL(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = %s ORDER BY ordinal_position",
                table,
            )
        )
        self.all_columns = [row[0] for row in gen.cr.fetchall()]
        unknown = set(columns) - set(self.all_columns) - {"id"}
        if unknown:
            raise ValueError(f"{table} has no column {sorted(unknown)}")
        self.base = [_csv_value(template.get(column)) for column in self.all_columns]
        self.index = [self.all_columns.index(column) for column in columns]
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")
        self.pending = 0
        self.rows = 0

    def add(self, *values):
        row = self.base.copy()
        for index, value in zip(self.index, values, strict=True):
            row[index] = _csv_value(value)
        self.writer.writerow(row)
        self.pending += 1
        if self.pending >= self.BATCH:
            # every writer, parents first, so that foreign keys hold
            self.gen.flush()

    def flush(self):
        if not self.pending:
            return
        self.buffer.seek(0)
        columns = ", ".join(f'"{column}"' for column in self.all_columns)
        cr = self.gen.cr
        # no foreign key checks row by row (orders and their procurement
        # groups point at each other): verify_foreign_keys checks them all
        cr.execute("SET LOCAL session_replication_role = replica")
        try:
            copy = f"COPY {self.table} ({columns}) FROM STDIN"
            cr._obj.copy_expert(f"{copy} WITH (FORMAT csv, NULL '\\N')", self.buffer)
        finally:
            cr.execute("SET LOCAL session_replication_role = origin")
        self.rows += self.pending
        self.gen.count(self.table, self.pending)
        self.pending = 0
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")


class Generator:
    """Fills the database of ``env`` with a seeded company of ``size``."""

    def __init__(self, env, size, seed=DEFAULT_SEED, log=None):
        if size not in SIZES:
            raise ValueError(f"size {size!r}: one of {', '.join(SIZES)}")
        self.env = env
        self.cr = env.cr
        self.size = size
        self.seed = seed
        self.params = dict(SIZES[size])
        self.rng = random.Random(seed)
        self.log = log or _logger.info
        self.rows = {}
        self.timings = {}
        self.data = {}
        self.writers = []
        self._pools = {}
        # dates are relative to the day of generation: orders of the last
        # year, receipts planned for the coming weeks
        self.today = datetime.date.today()
        self.now = datetime.datetime.combine(self.today, datetime.time(2, 0))

    # ------------------------------------------------------------------ run
    def run(self):
        started = time.perf_counter()
        self.cr.execute("SET LOCAL synchronous_commit = off")
        for current in STEPS:
            missing = [m for m in current.requires if m not in self.env]
            if missing:
                self.log(f"skip {current.name}: {', '.join(missing)} not installed")
                continue
            t0 = time.perf_counter()
            current.func(self)
            self.flush()
            self.timings[current.name] = time.perf_counter() - t0
            self.log(
                f"{current.name}: {self.timings[current.name]:.1f} s "
                f"({sum(self.rows.values()):,} rows so far)"
            )
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.timings["total"] = time.perf_counter() - started
        return self

    def count(self, table, rows):
        self.rows[table] = self.rows.get(table, 0) + rows

    def flush(self):
        """Send every writer's pending rows, parents first (writers are made
        in that order)."""
        for writer in self.writers:
            writer.flush()

    # ------------------------------------------------------------------ helpers
    def writer(self, table, template, columns):
        writer = TableWriter(self, table, template, columns)
        self.writers.append(writer)
        return writer

    def ids(self, table, count):
        """``count`` fresh ids of ``table``, from blocks reserved ahead (one
        round trip per block, not per record; a block's unused end is left)."""
        pool = self._pools.setdefault(table, [0, 0])
        if pool[0] + count > pool[1]:
            block = self.reserve_ids(table, max(count, ID_BLOCK))
            pool[0], pool[1] = block.start, block.stop
        start = pool[0]
        pool[0] += count
        return range(start, start + count)

    def reserve_ids(self, table, count):
        """``count`` fresh ids of ``table``'s sequence, as a range."""
        if not count:
            return range(0)
        sequence = f"{table}_id_seq"
        self.cr.execute(SQL("SELECT nextval(%s)", sequence))
        first = self.cr.fetchone()[0]
        self.cr.execute(SQL("SELECT setval(%s, %s)", sequence, first + count - 1))
        return range(first, first + count)

    def template(self, build):
        """Rows made by ``build(env) -> {table: [ids]}`` through the ORM, read
        whole, then rolled back: {table: [row dicts]}."""
        rows = {}
        savepoint = self.cr.savepoint()
        try:
            created = build(self.env)
            self.env.flush_all()
            for table, ids in created.items():
                self.cr.execute(
                    SQL(
                        "SELECT * FROM %s WHERE id = ANY(%s) ORDER BY id",
                        SQL.identifier(table),
                        list(ids),
                    )
                )
                rows[table] = self.cr.dictfetchall()
        finally:
            savepoint.close(rollback=True)
        # the ORM cache still holds the rolled-back records
        self.env.invalidate_all()
        return rows

    def moment(self, days_ago):
        """A moment ``days_ago`` days back, in Malaysian office hours (stored
        in UTC, like every Odoo datetime)."""
        day = datetime.datetime.combine(
            self.today - datetime.timedelta(days=days_ago), datetime.time()
        )
        return day + datetime.timedelta(
            hours=self.rng.randint(0, 9), minutes=self.rng.randint(0, 59)
        )


def verify_foreign_keys(cr, tables):
    """[(table, column, missing rows)] for every foreign key of ``tables``
    that points nowhere; empty when the data holds together."""
    cr.execute(
        SQL(
            """
        SELECT tc.table_name, kcu.column_name, ccu.table_name, ccu.column_name
          FROM information_schema.table_constraints tc
          JOIN information_schema.key_column_usage kcu
            ON kcu.constraint_name = tc.constraint_name
           AND kcu.table_name = tc.table_name
          JOIN information_schema.constraint_column_usage ccu
            ON ccu.constraint_name = tc.constraint_name
         WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = ANY(%s)
        """,
            list(tables),
        )
    )
    broken = []
    for table, column, parent, parent_column in cr.fetchall():
        cr.execute(
            SQL(
                "SELECT count(*) FROM %s c WHERE %s IS NOT NULL AND NOT EXISTS "
                "(SELECT 1 FROM %s p WHERE %s = %s)",
                SQL.identifier(table),
                SQL.identifier("c", column),
                SQL.identifier(parent),
                SQL.identifier("p", parent_column),
                SQL.identifier("c", column),
            )
        )
        missing = cr.fetchone()[0]
        if missing:
            broken.append((table, column, missing))
    return broken
