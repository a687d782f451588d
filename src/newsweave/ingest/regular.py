"""Opening input files: regular files only (a device, FIFO or socket is refused before it is opened for reading, so
it can neither block nor stream forever), and every read bounded whatever size the file claims."""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

from ..errors import IngestError

NOT_REGULAR = "not a regular file (a device, FIFO or socket), not read"


def open_regular(path: str) -> BinaryIO:
    """The file opened for binary reading; IngestError when it is not a regular file (checked before opening and
    again on the open descriptor, so a file swapped in between is caught too)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise IngestError(path, NOT_REGULAR)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IngestError(path, NOT_REGULAR)
        os.set_blocking(fd, True)
        return open(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; IngestError when it holds more."""
    with open_regular(path) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise IngestError(path, f"over the size limit (more than {limit} bytes)")
    return data
