# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Checking and writing in a forked child: the same problems and bytes as in
this process, the child's failures reported, and no child left behind."""

import os
import signal
from decimal import Decimal as D

import pytest
from af_factories import WHEN, credit_note, customer, invoice, item, line, payment

from accounting_formats import get_package
from accounting_formats.background import (
    Checker,
    ChildError,
    ForkedChecker,
    can_fork,
    new_checker,
)

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")

PACKAGES = [
    ("sql_account", {}),
    ("autocount", {"file_format": "xlsx"}),
    ("autocount", {"file_format": "xls"}),
    ("emas", {}),
]


def groups(count):
    """Records of every kind, a few of them with problems, in 3 chunks."""
    names = ["Kedai 陈记 “Ah Seng”, Sdn Bhd", "Syarikat Ṣāliḥ\nBersaudara", "X" * 300]
    invoices = [
        invoice(
            f"INV/2026/{n:05d}",
            customer=customer(f"300-A{n:04d}", name=names[n % 3]),
            # every 7th has no account: an error of that invoice only
            lines=(line("10.00", "1.00", account="" if n % 7 == 0 else "500-000"),),
            total=D("11.00"),
        )
        for n in range(1, count + 1)
    ]
    return [
        ("customer", [customer(f"300-A{n:04d}") for n in range(1, 4)]),
        ("item", [item()]),
        ("invoice", invoices[: count // 2]),
        ("invoice", invoices[count // 2 :]),
        ("credit_note", [credit_note()]),
        ("payment", [payment(), payment("PAY/2", amount=D("-1.00"), knock_offs=())]),
    ]


def run(checker, package, chunks):
    for kind, records in chunks:
        if kind in package.kinds:
            checker.add(kind, records)
    problems = checker.problems()
    return problems, checker.files(WHEN)


def reaped(pid):
    """Whether the child is gone and waited for (no zombie)."""
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    return True


@pytest.mark.parametrize(("name", "options"), PACKAGES)
def test_forked_writes_what_this_process_writes(name, options):
    package = get_package(name)
    chunks = groups(120)
    here = run(Checker(package, options), package, chunks)
    forked = ForkedChecker(package, options)
    there = run(forked, package, chunks)
    assert there[0] == here[0]
    assert [p.record for p in here[0] if p.severity == "error"]  # some errors
    assert [(f.name, f.kind, f.records) for f in there[1]] == [
        (f.name, f.kind, f.records) for f in here[1]
    ]
    assert [f.data for f in there[1]] == [f.data for f in here[1]]
    assert reaped(forked.pid)


def test_a_failure_in_the_child_is_raised_with_its_traceback():
    package = get_package("sql_account")
    forked = ForkedChecker(package, {})
    forked.add("invoice", [invoice()])
    forked.add("invoice", ["not an invoice"])  # fails in the child
    with pytest.raises(ChildError) as error:
        forked.problems()
    assert "Traceback" in str(error.value)
    assert "AttributeError" in str(error.value)
    assert reaped(forked.pid)
    # and nothing more can be asked of it
    with pytest.raises(ChildError):
        forked.add("invoice", [invoice()])
        forked.problems()


def test_closed_or_dropped_the_child_ends():
    package = get_package("emas")
    forked = ForkedChecker(package, {})
    forked.add("invoice", [invoice()])
    forked.close()
    assert reaped(forked.pid)
    forked.close()  # twice is harmless
    dropped = ForkedChecker(package, {})
    pid = dropped.pid
    del dropped  # its finalizer ends the child
    assert reaped(pid)


def test_the_child_reports_its_peak_memory():
    import tracemalloc

    package = get_package("sql_account")
    tracemalloc.start()
    try:
        forked = ForkedChecker(package, {})
        forked.add("invoice", [invoice(f"INV/{n}") for n in range(200)])
        forked.files(WHEN)
    finally:
        tracemalloc.stop()
    assert forked.child_peak > 0
    assert Checker(package, {}).child_peak == 0


def test_new_checker_forks_only_when_asked():
    package = get_package("sql_account")
    assert type(new_checker(package, {})) is Checker
    forked = new_checker(package, {}, fork=True)
    try:
        assert type(forked) is ForkedChecker and forked.forked
    finally:
        forked.close()


def test_no_process_to_be_had_checks_here(monkeypatch):
    """Where the system gives no new process (memory, limits), the export
    runs in this process instead of failing."""

    def no_fork():
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    package = get_package("sql_account")
    checker = new_checker(package, {}, fork=True)
    assert type(checker) is Checker
    checker.add("invoice", [invoice()])
    assert checker.files(WHEN)[0].records == 1


def test_a_child_killed_midway_is_an_error_not_a_hang():
    package = get_package("sql_account")
    forked = ForkedChecker(package, {})
    forked.add("invoice", [invoice()])
    os.kill(forked.pid, signal.SIGKILL)
    with pytest.raises(ChildError, match="left"):
        for n in range(50):  # the sender meets the closed pipe, or recv does
            forked.add("invoice", [invoice(f"INV/{n}")] * 50)
        forked.problems()
    assert reaped(forked.pid)
