"""An advisory file lock on the cache folder, shared for readers and exclusive for a builder.

Readers hold it shared only while they check the cache and map its files; a builder holds it
exclusive while it downloads, converts and swaps files in, so a reader never maps a file that is
being replaced or deleted, and two builders never build the same cache at once (the second waits,
then finds the cache complete). Files are still written under temporary names and renamed into
place, so a builder killed half-way leaves only temporaries, which the next builder removes.
POSIX `flock`; on Windows `msvcrt.locking`, where every lock is exclusive.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt


@contextmanager
def locked(path: str, shared: bool) -> Iterator[None]:
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        else:
            msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(descriptor, fcntl.LOCK_UN)
            else:
                os.lseek(descriptor, 0, os.SEEK_SET)
                msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
    finally:
        os.close(descriptor)
