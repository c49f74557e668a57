"""Engine, sessions and the small dialect layer (SQLite pragmas; PostgreSQL needs none).

:func:`open_store` opens (creating when needed) the database named by a URL or a
path, brings its schema to the latest Alembic revision, and returns a
:class:`Store` that hands out sessions.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from patlit.errors import StoreError

DEFAULT_DB = "patlit.db"
ENV_VAR = "PATLIT_DB"
MIGRATIONS = Path(__file__).with_name("migrations")


def resolve_url(db: str | None = None) -> str:
    """``--db`` value, else ``$PATLIT_DB``, else ``./patlit.db``; a plain path means SQLite."""
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str) -> Engine:
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot open database {url!r}: {exc}",
                         hint="give a SQLite path or a URL such as postgresql+psycopg://user@host/db "
                              "(PostgreSQL needs: pip install 'patlit[postgres]')") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)


def _head_revision() -> str | None:
    """The latest migration's id, read from the version files (importing Alembic costs ~150 ms)."""
    revisions, downs = set(), set()
    for f in (MIGRATIONS / "versions").glob("*.py"):
        text_ = f.read_text(encoding="utf-8")
        if m := _REVISION.search(text_):
            revisions.add(m.group(1))
        if m := _DOWN.search(text_):
            downs.add(m.group(1))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def upgrade(engine: Engine) -> None:
    """``alembic upgrade head`` on this engine (nothing to do when already current)."""
    with engine.connect() as conn:
        current = None
        if inspect(conn).has_table("alembic_version"):
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if current is not None and current == _head_revision():
        return
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


@dataclass
class Store:
    engine: Engine
    url: str

    def __post_init__(self) -> None:
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self._factory()

    def close(self) -> None:
        self.engine.dispose()


def open_store(db: str | None = None, *, create: bool = True) -> Store:
    """Open the database (``--db`` URL or path, ``$PATLIT_DB``, ``./patlit.db``) at the latest schema."""
    url = resolve_url(db)
    if url.startswith("sqlite:///") and not create:
        path = Path(url[len("sqlite:///"):])
        if str(path) != ":memory:" and not path.exists():
            raise StoreError(f"no database at {path}", hint="build one with 'patlit ingest PATH --db ...'")
    if url.startswith("sqlite:///"):
        parent = Path(url[len("sqlite:///"):]).parent
        if str(parent) and not parent.exists():
            raise StoreError(f"cannot create the database: folder {parent} does not exist")
    engine = make_engine(url)
    try:
        upgrade(engine)
    except OperationalError as exc:
        raise StoreError(f"cannot open database {url}: {exc.orig}") from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate database {url}: {exc}") from exc
    return Store(engine, url)
