"""The web app of ``patlit serve``: pages and the JSON API over the dispute database.

Use :func:`patlit.web.app.create_app`; importing this package loads nothing heavy.
"""
