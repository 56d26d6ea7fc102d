# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A package's checks and files, made beside the code that builds the records.

An export spends its time in two halves: building the documents (reading the
database) and checking and writing them (this package). :class:`~.package.Checker`
does the second half in the same process, one record at a time.
:class:`ForkedChecker` does it in a forked child process, so that on a
machine of two cores or more the child checks and writes a chunk of records
while the parent builds the next: the same problems, the same bytes.

The child only ever runs this package's pure Python: it never touches the
parent's database connection or files, and it leaves with ``os._exit``, so
nothing of the parent (a connection's goodbye to its server, an ``atexit``
hook) runs in it. Everything the parent had before the fork is frozen out of
the child's garbage collector for the same reason (which also spares the
child scanning the parent's heap). Records reach it pickled, through a socket
whose buffers hold up to BUFFER bytes, so that the parent runs ahead of the
child by that much at most without waiting (and memory stays flat); its
problems and files come back the same way. A child whose files are not
wanted (a preview, an export with errors) is killed.

    checker = new_checker(package, options, fork=True)
    checker.add("invoice", invoices)        # any number of times
    problems = checker.problems()           # every problem, in order
    checker.fingerprints()                  # if added with their previous
    checker.prepare(when)                   # (optional) start the files
    files = checker.files(when)             # then take them (or close())
"""

import gc
import logging
import os
import pickle
import signal
import socket
import threading
import traceback
import tracemalloc
import warnings
import weakref
from contextlib import suppress
from multiprocessing.connection import Connection

from .package import Checker

_logger = logging.getLogger(__name__)
_FORKING = threading.Lock()
# bytes of requests waiting for the child, at most (some 4,000 invoices),
# as far as the system's socket limits allow: the parent writes them
# itself, without waiting for the child until that many wait. (A thread that
# wrote them from a queue waited for the interpreter's lock between writes,
# up to 5 ms each time, while the child had nothing to do.)
BUFFER = 4 << 20
PROTOCOL = pickle.HIGHEST_PROTOCOL


class ChildError(RuntimeError):
    """The child process failed; carries its traceback as text."""


def _serve(connection, package, options, skip_unchanged):
    """The child's loop: add, problems (and fingerprints), then files (and
    leave)."""
    checker = Checker(package, options, skip_unchanged)
    while True:
        request, argument = connection.recv()
        if request == "add":
            checker.add(*argument)
        elif request == "problems":
            connection.send(("ok", (checker.problems(), checker.fingerprints())))
        elif request == "files":
            files = checker.files(argument)
            peak = tracemalloc.get_traced_memory()[1] if tracemalloc.is_tracing() else 0
            connection.send(("ok", (files, peak)))
            return
        else:
            raise ValueError(f"unknown request {request!r}")


def _channel():
    """Two connected ends, their buffers as big as BUFFER (or the system's
    limit)."""
    ends = socket.socketpair()
    for end in ends:
        for option in (socket.SO_SNDBUF, socket.SO_RCVBUF):
            with suppress(OSError):
                end.setsockopt(socket.SOL_SOCKET, option, BUFFER)
    return tuple(Connection(end.detach()) for end in ends)


def _end(pid, connection, kill):
    """Close the connection and wait for the child; ``kill`` when the child
    is not to finish what it was sent."""
    if kill:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    connection.close()
    with suppress(ChildProcessError):  # already waited for
        os.waitpid(pid, 0)


class ForkedChecker:
    """Checks and writes records in a forked child process (see the module)."""

    forked = True

    def __init__(self, package, options, skip_unchanged=False):
        self.child_peak = 0
        self._fingerprints = None  # with the problems, once asked for
        parent_end, child_end = _channel()
        pid = None
        # what exists now, garbage included, is never collected in the child
        # (see the module); the parent collects it as before. One fork at a
        # time: another thread's unfreeze must not come between.
        with _FORKING:
            gc.freeze()
            try:
                with warnings.catch_warnings():
                    # Python 3.12+ warns of forking a process with threads (a
                    # threaded Odoo server): the child runs none of their code
                    # and takes none of their locks
                    warnings.simplefilter("ignore", DeprecationWarning)
                    pid = os.fork()
            finally:
                if pid != 0:
                    gc.unfreeze()
                if pid is None:  # no fork: no pipe either
                    parent_end.close()
                    child_end.close()
        if pid == 0:  # the child
            code = 1
            try:
                parent_end.close()
                if tracemalloc.is_tracing():
                    tracemalloc.clear_traces()  # its own peak, not its parent's
                _serve(child_end, package, options, skip_unchanged)
                code = 0
            except BaseException:  # noqa: BLE001  reported to the parent
                with suppress(BaseException):  # unless the parent left
                    child_end.send(("error", traceback.format_exc()))
            finally:
                os._exit(code)
        child_end.close()
        self.pid = pid
        self._connection = parent_end
        self._preparing = None  # the date of the files asked for
        self._kill = [True]  # until the child has written the files
        self._closer = weakref.finalize(self, _end, pid, parent_end, self._kill)

    def _send(self, request, argument=None):
        if not self._closer.alive:
            raise ChildError("the export's child process was closed")
        data = pickle.dumps((request, argument), PROTOCOL)
        try:
            self._connection.send_bytes(data)
        except OSError as error:  # the child left: say why, if it said
            self._fail(error)

    def _answer(self):
        try:
            status, answer = self._connection.recv()
        except (EOFError, OSError) as error:
            self._fail(error)
        if status == "error":
            self.close()
            raise ChildError(answer)
        return answer

    def _fail(self, error):
        """Raise what the child reported before leaving, or ``error``."""
        message = None
        with suppress(EOFError, OSError):
            if self._connection.poll(0):
                status, answer = self._connection.recv()
                if status == "error":
                    message = answer
        self.close()
        raise ChildError(message or f"the export's child process left ({error})")

    def add(self, kind, records, previous=None):
        self._send(
            "add", (kind, list(records), None if previous is None else list(previous))
        )

    def problems(self):
        self._send("problems")
        problems, self._fingerprints = self._answer()
        return problems

    def fingerprints(self):
        if self._fingerprints is None:
            self.problems()
        return self._fingerprints

    def prepare(self, when):
        """Have the child write the files dated ``when`` now, while this
        process does something else; :meth:`files` then takes them."""
        if self._preparing is None:
            self._send("files", when)
            self._preparing = when
        elif self._preparing != when:
            raise ValueError("the files are being written for another date")

    def files(self, when):
        self.prepare(when)
        files, self.child_peak = self._answer()
        self._kill[0] = False  # it has left by itself
        self.close()
        return files

    def close(self):
        """End the child, at once (without files) unless it wrote them."""
        self._closer()


def can_fork():
    """Whether a child process can check and write beside the parent."""
    if not hasattr(os, "fork"):
        return False
    # the cores this process may run on (a container's, not the host's)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return cores > 1


def new_checker(package, options, fork=False, skip_unchanged=False):
    """A :class:`ForkedChecker` when ``fork`` and the machine can, else a
    :class:`Checker`."""
    if fork and can_fork():
        try:
            return ForkedChecker(package, options, skip_unchanged)
        except OSError as error:  # no process to be had (memory, limits)
            _logger.warning("No child process for the export (%s): one process", error)
    return Checker(package, options, skip_unchanged)
