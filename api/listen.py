"""The API's address, checked and bound before a server starts: a taken port is one line, not a
server that logs six lines and dies, or an `up` that says the API is running when it is not.

Errors::

    NewsdeskError
     └── AddressError        the host or port cannot be listened on (one line, exit 1)
          └── AddressInUse   something already listens there
"""

from __future__ import annotations

import errno
import socket

from newsdesk.errors import NewsdeskError


class AddressError(NewsdeskError):
    """The API cannot listen on this host and port."""


class AddressInUse(AddressError):
    """Another process already listens on this host and port."""


def bind(host: str, port: int, *, reuse_port: bool = False) -> socket.socket:
    """A TCP socket bound (not yet listening) to host:port, or AddressError saying why not.

    SO_REUSEADDR as uvicorn sets it, so connections of a server just stopped (TIME_WAIT) do
    not hold the port; on Linux it still refuses a port where a socket listens."""
    family = _family(host, port)
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise _address_error(host, port, error) from None
    return sock


def check_free(host: str, port: int) -> None:
    """Raise AddressInUse (or AddressError) unless host:port could be listened on now."""
    bind(host, port).close()


def _family(host: str, port: int) -> socket.AddressFamily:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise AddressError(f"cannot listen on {host!r}: {error.strerror}") from None
    return found[0][0]


def _address_error(host: str, port: int, error: OSError) -> AddressError:
    where = f"{host}:{port}"
    if error.errno == errno.EADDRINUSE:
        return AddressInUse(f"{where} is already in use: stop what listens there, or choose another --port")
    if error.errno == errno.EACCES:
        return AddressError(f"not allowed to listen on {where} (ports below 1024 need privileges)")
    if error.errno == errno.EADDRNOTAVAIL:
        return AddressError(f"cannot listen on {where}: {host} is not an address of this machine")
    return AddressError(f"cannot listen on {where}: {error.strerror or error}")
