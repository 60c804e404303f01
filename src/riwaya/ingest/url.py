"""Fetching http(s) URLs: a timeout, a size cap, a bounded number of redirects, clear errors."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from email.message import Message

from .base import Limits, ReadError

USER_AGENT = "riwaya/0.1 (+offline news provenance tool)"


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5


def fetch(url: str, limits: Limits) -> tuple[bytes, Message, str]:
    """Return (body, headers, final url) or raise ReadError."""
    opener = urllib.request.build_opener(_Redirects())
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with opener.open(req, timeout=limits.url_timeout_s) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limits.max_url_bytes:
                raise ReadError(f"response is {int(length) >> 20} MiB, over the {limits.max_url_bytes >> 20} MiB cap")
            body = resp.read(limits.max_url_bytes + 1)
            if len(body) > limits.max_url_bytes:
                raise ReadError(f"response larger than the {limits.max_url_bytes >> 20} MiB cap; refused")
            return body, resp.headers, resp.geturl()
    except urllib.error.HTTPError as e:
        if 300 <= e.code < 400:
            raise ReadError(f"too many redirects (HTTP {e.code})") from e
        raise ReadError(f"HTTP {e.code} {e.reason}") from e
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, socket.timeout | TimeoutError):
            raise ReadError(f"timed out after {limits.url_timeout_s:g} s") from e
        raise ReadError(f"cannot fetch ({reason})") from e
    except TimeoutError as e:
        raise ReadError(f"timed out after {limits.url_timeout_s:g} s") from e
    except (ConnectionError, OSError, ValueError) as e:
        raise ReadError(f"cannot fetch ({e})") from e
