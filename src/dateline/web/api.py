"""The REST API under ``/api``: JSON that matches the export contract."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["api"])
