# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The harness: every case runs our way and Odoo's own way of the same job,
in the same process, on the same data, alternately, after a warm-up that
also checks both give the same answer.

Time comes from rounds without memory tracing (tracemalloc slows Python
down); peak memory from separate traced rounds; the SQL query count from the
cursor. Each run starts with an empty ORM cache, so nothing read by one run
helps the next, and with the case's ``before`` done (outside the timing):
e.g. :func:`vacuum` of what the runs before wrote and rolled back.
"""

import gc
import statistics
import time
import tracemalloc
from contextlib import closing
from dataclasses import dataclass, field

BENCHMARKS = []


def register(cls):
    """Class decorator: make a benchmark available to ``make bench``."""
    BENCHMARKS.append(cls)
    return cls


@dataclass
class Case:
    """One job done two ways. ``ours`` and ``odoo`` take the environment and
    return what they computed; ``same(ours_result, odoo_result)`` raises an
    AssertionError when the two disagree."""

    label: str
    ours: object
    odoo: object
    same: object = None
    rounds: int = 7
    memory_rounds: int = 2
    before: object = None  # run before each run, untimed: before(env)


class Benchmark:
    """Subclass, set ``name`` (what ONLY= selects), ``title``, ``requires``
    (models that must be installed) and write ``cases(env, size)``."""

    name = ""
    title = ""
    requires = ()
    target = ""  # what the issue promises, shown next to the result

    def cases(self, env, size):
        raise NotImplementedError


@dataclass
class Stats:
    times: list = field(default_factory=list)
    queries: list = field(default_factory=list)
    peaks: list = field(default_factory=list)

    @property
    def median(self):
        return statistics.median(self.times)

    @property
    def spread(self):
        return min(self.times), max(self.times)

    @property
    def query_count(self):
        return max(self.queries)

    @property
    def peak(self):
        return statistics.median(self.peaks)


@dataclass
class Result:
    benchmark: Benchmark
    case: Case
    ours: Stats
    odoo: Stats

    @property
    def ratio(self):
        return self.ours.median / self.odoo.median


def rolled_back(env, job):
    """``job()``'s answer, with what it wrote rolled back (a job that posts,
    checks in or exports can run again on the same data)."""
    savepoint = env.cr.savepoint()
    try:
        return job()
    finally:
        savepoint.close(rollback=True)


def vacuum(env, tables):
    """VACUUM ``tables`` from a connection of its own (VACUUM runs outside a
    transaction): the rows a rolled-back run inserted stay in the tables and
    their indexes as dead rows until vacuumed, and a run after thousands of
    them is slower for it (with autovacuum off, as on CI machines, they are
    never cleared). The dead rows of rolled-back savepoints can be removed
    while the benchmark's transaction is open. No ANALYZE: from outside,
    the tables look as committed, not as the benchmark's transaction sees
    them, and their statistics would mislead its query plans."""
    import psycopg2
    from psycopg2 import sql

    from odoo.sql_db import connection_info_for

    _db, info = connection_info_for(env.cr.dbname)
    with closing(psycopg2.connect(**info)) as connection:
        connection.autocommit = True
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(sql.SQL("VACUUM {}").format(sql.Identifier(table)))


# peaks of child processes a job ran (note_child_peak): added to the job's own
CHILD_PEAKS = []


def note_child_peak(size):
    """Count the Python peak memory (bytes) of a child process the job ran
    in the job's peak: both processes hold their memory at once."""
    CHILD_PEAKS.append(size)


def _run_once(env, func, trace=False, before=None):
    if before:
        before(env)
    env.invalidate_all()
    gc.collect()
    cr = env.cr
    queries = cr.sql_log_count
    CHILD_PEAKS.clear()
    if trace:
        tracemalloc.start()
        tracemalloc.reset_peak()
    started = time.perf_counter()
    result = func(env)
    elapsed = time.perf_counter() - started
    peak = 0
    if trace:
        peak = tracemalloc.get_traced_memory()[1] + sum(CHILD_PEAKS)
        tracemalloc.stop()
    CHILD_PEAKS.clear()
    return result, elapsed, cr.sql_log_count - queries, peak


def run_case(env, case, log=None):
    ours, odoo = Stats(), Stats()
    # warm-up: fills the registry's caches, and proves it is the same job
    ours_result = _run_once(env, case.ours, before=case.before)[0]
    odoo_result = _run_once(env, case.odoo, before=case.before)[0]
    if case.same:
        case.same(ours_result, odoo_result)
    del ours_result, odoo_result
    ways = [(case.ours, ours), (case.odoo, odoo)]
    for index in range(case.rounds):
        # alternate who goes first, so that neither always runs warmer
        for func, stats in ways if index % 2 == 0 else reversed(ways):
            _result, elapsed, queries, _peak = _run_once(env, func, before=case.before)
            stats.times.append(elapsed)
            stats.queries.append(queries)
    for index in range(case.memory_rounds):
        for func, stats in ways if index % 2 == 0 else reversed(ways):
            stats.peaks.append(_run_once(env, func, trace=True, before=case.before)[3])
    if log:
        log(
            f"  {case.label}: ours {ours.median * 1000:.0f} ms, "
            f"Odoo {odoo.median * 1000:.0f} ms"
        )
    return ours, odoo


def run(env, size, only=None, log=None):
    """Results of every registered benchmark (``only``: their names)."""
    results = []
    for cls in BENCHMARKS:
        benchmark = cls()
        if only and benchmark.name not in only:
            continue
        missing = [model for model in benchmark.requires if model not in env]
        if missing:
            if log:
                log(f"skip {benchmark.name}: {', '.join(missing)} not installed")
            continue
        if log:
            log(f"{benchmark.name}: {benchmark.title}")
        for case in benchmark.cases(env, size):
            ours, odoo = run_case(env, case, log)
            results.append(Result(benchmark, case, ours, odoo))
    return results


def _ms(seconds):
    return (
        f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"
    )


def _mb(size):
    return f"{size / 1024 / 1024:,.1f} MB"


def table(results):
    """The results as a Markdown table."""
    lines = [
        "| Benchmark | Case | Ours: median (min–max) | Odoo: median (min–max) "
        "| Ours / Odoo | Queries ours / Odoo | Peak memory ours / Odoo |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in results:
        ours, odoo = result.ours, result.odoo
        speed = odoo.median / ours.median
        versus = f"{speed:.1f}× faster" if speed >= 1 else f"{1 / speed:.1f}× slower"
        lines.append(
            f"| {result.benchmark.name} | {result.case.label} "
            f"| {_ms(ours.median)} ({_ms(ours.spread[0])}–{_ms(ours.spread[1])}) "
            f"| {_ms(odoo.median)} ({_ms(odoo.spread[0])}–{_ms(odoo.spread[1])}) "
            f"| {result.ratio:.3f} ({versus}) "
            f"| {ours.query_count} / {odoo.query_count} "
            f"| {_mb(ours.peak)} / {_mb(odoo.peak)} |"
        )
    return "\n".join(lines)
