"""Bodies over the limit, through gunicorn: refused by their declared length before they are
read, or, sent chunked with no length, once the limit is reached. The web worker's memory
stays where it was."""

from __future__ import annotations

import http.client
import json
import time
from pathlib import Path

import pytest
from django.conf import settings

from articles.models import Article
from tests.faults.conftest import call, token_for

pytestmark = pytest.mark.worker

MB = 1024 * 1024


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def web_workers(server) -> list[int]:
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    return [int(pid) for pid in children.read_text().split()]


def send(server, headers: dict[str, str], chunks, timeout: float = 30):
    """POST /api/v1/articles/ with the given headers, then the body chunks as they come; the
    answer as (status, JSON), and whether the server answered before the body was all sent."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        connection.putrequest("POST", "/api/v1/articles/")
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        for chunk in chunks:
            try:
                connection.send(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break  # the server answered and closed: the rest is not read
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        connection.close()


def chunked(data: bytes, size: int = 64 * 1024):
    for start in range(0, len(data), size):
        piece = data[start : start + size]
        yield b"%x\r\n%s\r\n" % (len(piece), piece)
    yield b"0\r\n\r\n"


@pytest.fixture
def app(transactional_db, editor, web_server):
    if not Path("/proc/self/status").exists():
        pytest.skip("reads memory use from /proc")
    return web_server(workers=1), token_for(editor)


def test_a_400_mb_body_is_refused_by_its_declared_length_before_it_is_read(app):
    server, token = app
    # given the web worker has loaded the app (a first request does)
    assert call(server, "GET", "/api/v1/articles/", headers=token).status == 200
    before = [resident_mb(pid) for pid in web_workers(server)]
    started = time.monotonic()
    # when an upload declares 400 MB and starts sending them
    status, answer = send(
        server,
        {**token, "Content-Type": "application/json", "Content-Length": str(400 * MB)},
        (b'{"title": "x", "text": "' + b"a" * MB for _ in range(8)),
    )
    # then it is refused at once, and the worker did not take the body in
    print(f"400 MB declared: {status} in {time.monotonic() - started:.2f} s")
    assert status == 413
    assert "larger than the limit" in answer["detail"]
    after = [resident_mb(pid) for pid in web_workers(server)]
    assert max(after) - max(before) < 50
    assert not Article.objects.exists()


def test_a_chunked_body_with_no_length_is_refused_once_it_passes_the_limit(app):
    server, token = app
    body = b'{"title": "x", "text": "' + b"a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE * 4) + b'"}'
    status, answer = send(
        server,
        {**token, "Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        chunked(body),
    )
    assert status == 413
    assert "larger than the limit" in answer["detail"]
    assert not Article.objects.exists()


def test_a_chunked_upload_within_the_limit_is_stored(app):
    server, token = app
    text = "The county said on Monday it will spend $3.5 million on bridges, 9% more than in 2023."
    body = json.dumps({"title": "Bridges", "text": text}).encode()
    status, answer = send(
        server,
        {**token, "Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        chunked(body, size=16),
    )
    assert status == 201, answer
    assert Article.objects.get().body == text
