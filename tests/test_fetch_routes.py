"""Nothing outside the pack's sources is read: every route a document could use to fetch
(an image, a CSS url(), @import, @font-face, a link attachment, an SVG <image>) against every
target (a system file, a `..` escape, a link out of the folder, /dev/zero, a local HTTP
server, a redirect) is refused by name, the server sees no request, and no secret byte
reaches the PDF."""
from __future__ import annotations

import http.server
import threading

import pytest
from weasyprint import HTML

from workshopkit.errors import RenderError
from workshopkit.render.pdf.writer import PdfWriter, _warnings_fail

SECRET = b"TOP-SECRET-7f3a"


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (the http.server API)
        _Recorder.requests.append(self.path)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        self.send_response(200)
        self.end_headers()
        self.wfile.write(SECRET)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_bytes(SECRET)
    folder = tmp_path_factory.mktemp("definition")
    (folder / "escape.png").symlink_to(outside / "secret.txt")
    return folder, outside


ROUTES = {
    "image": '<img src="{url}">',
    "css url()": '<div style="background: url(\'{url}\')">x</div>',
    "@import": '<style>@import url("{url}");</style>',
    "@font-face": '<style>@font-face {{ font-family: X; src: url("{url}") }} '
                  'p {{ font-family: X }}</style><p>x</p>',
    "link attachment": '<link rel="attachment" href="{url}">',
    "svg image": '<svg width="10" height="10"><image href="{url}" width="10" height="10"/></svg>',
}


def targets(server: str, folder, outside) -> dict[str, str]:
    return {
        "system file": "file:///etc/passwd",
        "a .. escape": (folder / ".." / outside.name / "secret.txt").as_uri(),
        "a link out of the folder": (folder / "escape.png").as_uri(),
        "/dev/zero": "file:///dev/zero",
        "a local http server": f"{server}/secret",
        "a redirect": f"{server}/redirect",
    }


def test_every_route_to_every_target_is_refused(server, sources):
    folder, outside = sources
    writer = PdfWriter(folder, language="th", digits="arabic", footer="", author="")
    _Recorder.requests.clear()
    refused = 0
    for route, markup in ROUTES.items():
        for target, url in targets(server, folder, outside).items():
            html = HTML(string=f"<html><body>{markup.format(url=url)}</body></html>",
                        base_url=folder.as_uri() + "/", url_fetcher=writer.fetcher)
            with pytest.raises(RenderError) as info:
                with _warnings_fail("test", writer.fetcher):
                    rendered = html.render(stylesheets=writer.stylesheets, font_config=writer.font_config)
                    data = rendered.write_pdf()
                    assert SECRET not in data
            assert url in str(info.value), (route, target, str(info.value))
            refused += 1
    assert refused == len(ROUTES) * 6
    assert _Recorder.requests == []  # the server never heard from us
