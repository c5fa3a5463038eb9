"""The API explorer at ``/docs``: Swagger UI over ``/openapi.json``, served from here.

Swagger UI's files come from the ``swagger-ui-py`` package (``/docs/assets``), so the
page works offline. FastAPI's own page starts Swagger UI with an inline script, which
the Content-Security-Policy forbids; this one starts it with a script served from here.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

router = APIRouter(include_in_schema=False)

_ASSETS = "/docs/assets"

_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>dateline API</title>
<link rel="stylesheet" href="{_ASSETS}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui">
<p>The API explorer needs JavaScript. The API's description is at
<a href="/openapi.json">/openapi.json</a>.</p>
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


def assets_dir() -> Path:
    """Swagger UI's files in the ``swagger_ui`` package, found without importing it (its
    import loads handlers for a dozen web frameworks)."""
    spec = find_spec("swagger_ui")
    if spec is None or spec.origin is None:
        raise RuntimeError("swagger-ui-py is not installed (pip install dateline)")
    return Path(spec.origin).parent / "static"


def mount_assets(app: FastAPI) -> None:
    app.mount(_ASSETS, StaticFiles(directory=assets_dir()), name="docs-assets")
