"""Post one signed JSON body to a webhook: public addresses only, checked after DNS, no redirects.

The URL is parsed and its host resolved and vetted by the AddressGuard `/drafts/submit` uses, and
the connection goes to the vetted address (a second DNS answer cannot swap in a private one).
Redirects are never followed: a 3xx answer is a failed delivery, so no hop goes unchecked.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
from dataclasses import dataclass

from ingest.fetch_guard import AddressGuard, FetchError, Resolver, UnsafeURL, parse_target, resolve_host
from ingest.fetch_url import PinnedHTTP, PinnedHTTPS
from newsdesk.settings import user_agent

SIGNATURE_HEADER = "X-Newsdesk-Signature"
DELIVERY_HEADER = "X-Newsdesk-Delivery"
RETRYABLE = frozenset({408, 429})
TIMEOUT = 10.0
_ANSWER_BYTES = 65536  # read (and ignore) at most this much of the receiver's answer


def signature(secret: str, body: bytes) -> str:
    """`sha256=` and the hex HMAC-SHA256 of the exact body bytes under the alert's secret."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def check_webhook(url: str, guard: AddressGuard, resolve: Resolver = resolve_host) -> None:
    """Raise UnsafeURL (or FetchError for a host that does not resolve) unless `url` may be posted to."""
    guard.vet(parse_target(url), 0, resolve)


@dataclass(frozen=True, slots=True)
class Answer:
    """How one post went: the receiver's status (None when none came) and, unless it accepted,
    why not and whether trying again could help."""

    status: int | None
    error: str | None = None
    retryable: bool = False

    @property
    def accepted(self) -> bool:
        return self.error is None


def send(
    url: str,
    secret: str,
    delivery_id: str,
    body: bytes,
    guard: AddressGuard,
    timeout: float = TIMEOUT,
    resolve: Resolver = resolve_host,
) -> Answer:
    """POST the body signed; 2xx accepts, 5xx / 408 / 429 / no answer may be retried, the rest not."""
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": user_agent(purpose="Korean policy-news alerts"),
        DELIVERY_HEADER: delivery_id,
        SIGNATURE_HEADER: signature(secret, body),
    }
    try:
        status = post(url, body, headers, guard, timeout, resolve)
    except UnsafeURL as error:
        return Answer(None, str(error))
    except FetchError as error:  # DNS, refused connection, timeout: the receiver may come back
        return Answer(None, str(error), retryable=True)
    return classify(status)


def classify(status: int) -> Answer:
    if 200 <= status < 300:
        return Answer(status)
    if 300 <= status < 400:
        return Answer(status, f"HTTP {status}: redirects are not followed; give the final URL")
    return Answer(status, f"HTTP {status}", retryable=status >= 500 or status in RETRYABLE)


def post(
    url: str, body: bytes, headers: dict[str, str], guard: AddressGuard, timeout: float, resolve: Resolver
) -> int:
    """One POST to the vetted address; the receiver's status."""
    target = parse_target(url)
    address = guard.vet(target, 0, resolve)
    kind = PinnedHTTPS if target.scheme == "https" else PinnedHTTP
    connection = kind(target.host, target.port, address, timeout=timeout)
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(_ANSWER_BYTES)
        return int(response.status)
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s posting to {target.origin}") from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(f"could not post to {target.origin}: {error}") from None
    finally:
        connection.close()
