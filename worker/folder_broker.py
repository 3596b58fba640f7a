"""The folder broker with whole messages: kombu's filesystem transport, each message written aside
and renamed into the queue folder.

kombu creates a message's file in the queue folder and then writes it; a worker polling the folder
(every 10 ms, worker.celery_app) can move and read the file in between, find it empty, and stop
with "Unrecoverable error: JSONDecodeError" (seen under load in bench/queues.py). A rename within
one folder is atomic, so a poller sees a message whole or not at all.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from time import monotonic
from typing import Any

from kombu.exceptions import ChannelError
from kombu.transport import TRANSPORT_ALIASES, filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps

SCHEME = "newsdesk-folder"


class Channel(filesystem.Channel):  # type: ignore[misc]
    def _put(self, queue: str, payload: Any, **_: Any) -> None:
        """Put a message on `queue`: written under a name the poller skips, then renamed."""
        folder = self.data_folder_out
        try:
            # kombu's own naming: the poller takes files in name order, the time first
            final = os.path.join(folder, f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg")
            handle, partial = tempfile.mkstemp(dir=folder, prefix=".partial-")
            with os.fdopen(handle, "wb") as out:
                out.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as error:
            raise ChannelError(f"Cannot add a message to {folder!r}") from error


class Transport(filesystem.Transport):  # type: ignore[misc]
    Channel = Channel


TRANSPORT_ALIASES[SCHEME] = f"{__name__}:Transport"
