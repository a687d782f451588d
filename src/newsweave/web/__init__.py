"""The local web app: every page is also JSON. ``create_app(settings, token=None)`` builds the ASGI app."""
