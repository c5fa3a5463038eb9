"""The HTML pages: server-rendered, escaped, with small scripts of our own."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
