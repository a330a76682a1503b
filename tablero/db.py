"""Where the database is and how readers open it: read-only, never writing."""
import os
from pathlib import Path

import duckdb

from etl.errors import DatabaseError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "tablero.duckdb"
DEFAULT_ACTAS = ROOT / "data" / "actas"


def db_path():
    """The database file: $TABLERO_DB or data/tablero.duckdb."""
    return Path(os.environ.get("TABLERO_DB") or DEFAULT_DB)


def actas_path():
    """The actas folder: $TABLERO_ACTAS or data/actas."""
    return Path(os.environ.get("TABLERO_ACTAS") or DEFAULT_ACTAS)


def file_identity(path):
    """(path, mtime_ns, size): changes when `build` swaps a new file in, so caches keyed on it
    see a rebuild without a restart."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return (str(path), None, None)
    return (str(path), stat.st_mtime_ns, stat.st_size)


def connect_readonly(path=None):
    """A read-only connection to the database, or DatabaseError with what to do."""
    path = Path(path or db_path())
    if not path.exists():
        raise DatabaseError(
            f"No hay base de datos en {path}: ejecute «python -m etl build» para cargar las actas.")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        raise DatabaseError(f"No se pudo abrir la base de datos {path} ({error}); "
                            "vuelva a ejecutar «python -m etl build».") from error
