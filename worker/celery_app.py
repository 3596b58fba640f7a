"""The Celery app: configured from settings, two queues, late acks, bounded retries.

The module-level `app` is what `celery -A worker.celery_app` and the tasks bind to;
`configure(app, settings)` points it at the broker and database the settings name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from celery import Celery
from kombu import Queue

from newsdesk.settings import Settings
from worker import folder_broker

app = Celery("newsdesk", include=["worker.tasks", "worker.memory"])
SOFT_LIMIT = 15 * 60
HARD_LIMIT = SOFT_LIMIT + 60
# kombu polls a folder broker once a second by default, and with prefetch 1 a child waits for the
# next poll after every task: 1 s capped a worker at `concurrency` pages a second, 50 ms still cost
# 45% of the throughput (bench/queues.py); 10 ms costs ~1% of a core while idle
FOLDER_POLLING_INTERVAL = 0.01


def broker_options(broker_url: str) -> tuple[str, dict[str, Any]]:
    """The URL Celery gets and its transport options; filesystem:// keeps folders under the path."""
    if not broker_url.startswith("filesystem://"):
        return broker_url, {"visibility_timeout": HARD_LIMIT + 60}
    root = Path(broker_url.removeprefix("filesystem://") or "broker")
    folders = {"data_folder_in": root / "queue", "data_folder_out": root / "queue",
               "processed_folder": root / "processed", "control_folder": root / "control"}  # fmt: skip
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    options: dict[str, Any] = {key: str(value) for key, value in folders.items()}
    # kombu's filesystem transport, its messages written whole (worker.folder_broker)
    return f"{folder_broker.SCHEME}://", {**options, "polling_interval": FOLDER_POLLING_INTERVAL}


def configure(celery: Celery, settings: Settings) -> Celery:
    """Apply the settings; the same code serves the embedded and the scale-out profile."""
    url, transport = broker_options(settings.broker_url)
    filesystem = url == f"{folder_broker.SCHEME}://"
    celery.conf.update(
        broker_url=url,
        broker_transport_options=transport,
        broker_connection_retry_on_startup=True,
        task_serializer="json",
        accept_content=["json"],
        result_serializer="json",
        task_ignore_result=True,
        result_backend=None,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        # a recycled child is forked from the warmed parent: a fork, not a Kiwi load (worker.memory)
        worker_max_tasks_per_child=settings.worker_max_tasks or None,
        task_soft_time_limit=SOFT_LIMIT,
        task_time_limit=HARD_LIMIT,
        task_default_queue="process",
        task_queues=[Queue("crawl"), Queue("process")],
        task_routes={"newsdesk.crawl": {"queue": "crawl"}, "newsdesk.*": {"queue": "process"}},
        timezone="Asia/Seoul",
        enable_utc=True,
        worker_hijack_root_logger=False,
        # the filesystem transport has no broadcast worth relying on: no remote control, no events
        worker_enable_remote_control=not filesystem,
        worker_send_task_events=False,
    )
    celery.conf.newsdesk_settings = settings
    _forget_connections(celery)
    return celery


def _forget_connections(celery: Celery) -> None:
    """Drop pooled connections made under earlier settings: Celery keeps its producer pool across
    `conf.update`, so a reconfigured app would go on publishing to the old broker."""
    if celery._pool is not None:
        celery._pool.force_close_all()
        celery._pool = None
    celery.amqp._producer_pool = None
