"""Posting the upload form, as the upload tests and the hostile-input catalogue do."""

from __future__ import annotations

from django.urls import reverse

UPLOAD = reverse("articles:upload")
STORY = "The city council approved a budget of $12.5 million on Tuesday, up 4% from last year."


def post(client, *, file=None, **fields):
    data = {"title": "Council budget", "outlet": "The Ledger", **fields}
    if file is not None:
        data["file"] = file
    return client.post(UPLOAD, data)


def post_raw_file(client, filename: bytes, content: bytes, **fields):
    """Post a file under a name no browser would send (path parts, NUL bytes, ..)."""
    boundary = b"hostile-boundary"
    fields = {"title": "Council budget", **fields}
    parts = [
        b'--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
        % (boundary, name.encode(), value.encode())
        for name, value in fields.items()
    ]
    parts.append(
        b'--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\n'
        b"Content-Type: text/plain\r\n\r\n%s\r\n" % (boundary, filename, content)
    )
    body = b"".join(parts) + b"--%s--\r\n" % boundary
    return client.post(
        UPLOAD, body, content_type=f"multipart/form-data; boundary={boundary.decode()}"
    )


def errors_of(response) -> str:
    form = response.context["form"]
    return " ".join(str(error) for errors in form.errors.values() for error in errors)
