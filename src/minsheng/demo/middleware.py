from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from minsheng.demo import labels


class DemoLabelMiddleware:
    """While the demo is on, every response carries 演示数据: a header on all of them, a field
    in JSON objects, a first line in CSV and Markdown, a sheet in XLSX, a paragraph in DOCX and the file name
    of every download. Pages show the banner from base.html; report HTML and PDF carry
    the note from the `demo_note` template tag."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not getattr(settings, "MINSHENG_DEMO", False):
            return response
        response[labels.HEADER] = labels.HEADER_VALUE
        if getattr(response, "streaming", False) or response.status_code != 200:
            return response
        kind = response.get("Content-Type", "").split(";")[0].strip()
        relabel = {
            "application/json": labels.label_json,
            "text/csv": labels.label_csv,
            "text/markdown": labels.label_markdown,
            labels.XLSX: labels.label_xlsx,
            labels.DOCX: labels.label_docx,
        }.get(kind)
        if relabel is not None:
            content = relabel(response.content)
            if content is not None:
                response.content = content
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(content))
                response.headers.pop("ETag", None)
        if response.has_header("Content-Disposition"):
            response["Content-Disposition"] = labels.label_filename(response["Content-Disposition"])
        return response
