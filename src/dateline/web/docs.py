"""The API explorer at ``/docs``: Swagger UI over ``/openapi.json``.

FastAPI's own page starts Swagger UI with an inline script, which the Content-Security-
Policy forbids; this one loads the same assets from their CDN and starts them with a
script served from here. Offline the CDN is out of reach and the page says so;
``/openapi.json`` is the API's description either way.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from .security import DOCS_CDN

router = APIRouter(include_in_schema=False)

_ASSETS = f"{DOCS_CDN}/npm/swagger-ui-dist@5"

_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>dateline API</title>
<link rel="stylesheet" href="{_ASSETS}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui">
<p>The API explorer loads Swagger UI from {DOCS_CDN}. Without a network connection it
cannot: the API's description is at <a href="/openapi.json">/openapi.json</a>.</p>
</div>
<script src="{_ASSETS}/swagger-ui-bundle.js"></script>
<script src="/docs/start.js"></script>
</body>
</html>
"""

_START = """if (window.SwaggerUIBundle) {
  window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout", deepLinking: true});
}
"""


@router.get("/docs")
def docs() -> HTMLResponse:
    return HTMLResponse(_PAGE)


@router.get("/docs/start.js")
def docs_start() -> Response:
    return Response(_START, media_type="text/javascript; charset=utf-8")
