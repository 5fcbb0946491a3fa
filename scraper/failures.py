"""Turning a failed request into one of the recorded failure reasons."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from twisted.python.failure import Failure

TIMEOUTS = (DownloadTimeoutError, TwistedTimeoutError, TCPTimedOutError, TimeoutError)
UNREACHABLE = (DownloadConnectionRefusedError, CannotResolveHostError, DNSLookupError,
               ConnectionRefusedError)


def classify(failure: Failure) -> tuple[str, int | None, str]:
    """(reason, HTTP status or None, human detail) for a request's errback failure."""
    error = failure.value
    detail = f"{type(error).__name__}: {error}"[:500]
    if isinstance(error, HttpError):
        return "http_error", error.response.status, f"HTTP {error.response.status}"
    if isinstance(error, TIMEOUTS):
        return "timeout", None, detail
    if isinstance(error, DownloadCancelledError | defer.CancelledError):
        return "too_large", None, detail
    if isinstance(error, IgnoreRequest):
        text = str(error).lower()
        if "robots" in text:
            return "robots", None, "disallowed by robots.txt"
        if "redirect" in text:
            return "redirect_loop", None, detail
    if isinstance(error, UNREACHABLE):
        return "http_error", None, f"unreachable: {detail}"
    return "http_error", None, detail
