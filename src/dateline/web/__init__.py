"""The web app and REST API over a dateline store (``dateline serve``).

The routes are thin: every answer comes from a function in ``dateline.store`` or
``dateline.views``; this package only parses requests, renders pages and guards the door.
"""

from .app import create_app

__all__ = ["create_app"]
