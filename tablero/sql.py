"""The SQL console's executor: ad hoc, read-only SQL on the tablero database, safe to expose.

One code path for the page «Consultas» and for `python -m etl consulta`. Safety comes in two layers:

1. The statement: exactly one, and it must parse as a SELECT (WITH, FROM-first, VALUES, DESCRIBE,
   SHOW and SUMMARIZE parse as SELECT too). Everything else is refused before DuckDB runs it.
2. The connection, for what a SELECT can still reach: a private in-memory DuckDB instance that
   ATTACHes the file READ_ONLY, then `enable_external_access=false` (no read_csv, glob, COPY,
   ATTACH of files, INSTALL/LOAD), extension autoload/autoinstall off, Python replacement scans
   off (a query cannot read the caller's DataFrames by name), a memory limit with no spilling to
   disk (temp_directory=''), then `lock_configuration=true`.

Why a private instance rather than `duckdb.connect(path, read_only=True)`: in DuckDB those settings
belong to the database instance, and the Python client shares one instance per file across the
process. Locking it would lock the dashboard's own connections too, and connecting with a different
config fails ("Can't open a connection to same database file with a different configuration").

Each query runs on its own cursor, with a timer thread that calls `cursor.interrupt()` at the time
limit; the executor keeps serving the next query.
"""
import datetime as dt
import decimal
import io
import json
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from etl.errors import TableroError
from tablero.db import db_path

LIMITE_SEGUNDOS = 10
LIMITE_FILAS = 1_000          # rows shown on the page
LIMITE_DESCARGA = 1_000_000   # rows kept for downloads; Excel's own sheet limit is 1,048,576
LIMITE_BYTES = 256 * 2**20    # and at most this much of it in memory (a few huge texts)
MEMORIA = "1GB"
HILOS = 2

ALIAS = "tablero"

# Settings the locked connection must show; read back after locking, so a renamed or ignored
# setting in a future DuckDB fails loudly here instead of silently opening the server's files.
AJUSTES_SEGUROS = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "python_enable_replacements": False,
    "temp_directory": "",
    "lock_configuration": True,
}


class ConsultaError(TableroError):
    """A query refused or failed; the message is one Spanish sentence for the person who wrote it."""


@dataclass
class Resultado:
    """What a query returned: up to LIMITE_DESCARGA rows, how many, how long, and what was cut."""
    tabla: pa.Table
    filas: int
    ms: float
    limite_filas: int = LIMITE_FILAS
    incompleto: bool = False    # more rows than LIMITE_DESCARGA: even downloads are cut

    @property
    def truncado(self):
        """More rows than the page shows."""
        return self.filas > self.limite_filas

    @property
    def df(self):
        """The full (downloadable) result as a DataFrame."""
        return self.tabla.to_pandas()

    def mostrado(self):
        """The rows the page shows."""
        return self.tabla.slice(0, self.limite_filas).to_pandas()


# -- Opening ---------------------------------------------------------------------------------

def connect_locked(path=None):
    """A connection that can only read `path`: see the module docstring for why each step."""
    path = Path(path or db_path())
    if not path.exists():
        raise ConsultaError(
            f"No hay base de datos en {path}: ejecute «python -m etl build» para cargar las actas.")
    con = duckdb.connect(":memory:", config={"autoload_known_extensions": False,
                                             "autoinstall_known_extensions": False})
    try:
        con.execute(f"ATTACH {_literal(path)} AS {ALIAS} (READ_ONLY)")
        con.execute(f"USE {ALIAS}")
        # Order matters: once external access is off, temp_directory can no longer be changed.
        for name, value in [("temp_directory", "''"),   # no spilling: a query cannot fill the disk
                            ("python_enable_replacements", "false"),
                            ("memory_limit", f"'{MEMORIA}'"), ("threads", str(HILOS)),
                            ("enable_external_access", "false"),
                            ("lock_configuration", "true")]:
            con.execute(f"SET {name} = {value}")
    except duckdb.Error as error:
        con.close()
        raise ConsultaError(f"No se pudo abrir la base de datos {path} en modo lectura "
                            f"({_first_line(error)}); vuelva a ejecutar «python -m etl build».") from error
    _check_locked(con)
    return con


def _literal(path):
    return "'" + str(path).replace("'", "''") + "'"


def _check_locked(con):
    for name, expected in AJUSTES_SEGUROS.items():
        value = con.execute("SELECT current_setting(?)", [name]).fetchone()[0]
        if value != expected:
            con.close()
            raise RuntimeError(f"DuckDB ignored the safety setting {name}={expected} (got {value!r})")


# -- Checking the statement ------------------------------------------------------------------

_REFUSALS = {
    "COPY": "La consulta intenta leer o escribir archivos del servidor, lo cual no está permitido.",
    "EXPORT": "La consulta intenta leer o escribir archivos del servidor, lo cual no está permitido.",
    "COPY_DATABASE": "La consulta intenta leer o escribir archivos del servidor, lo cual no está permitido.",
    "ATTACH": "No se permite adjuntar otras bases de datos (ATTACH); consulte solo las tablas del tablero.",
    "DETACH": "No se permite adjuntar ni separar bases de datos (ATTACH/DETACH).",
    "LOAD": "No se permite instalar ni cargar extensiones de DuckDB (INSTALL/LOAD).",
    "EXTENSION": "No se permite instalar ni cargar extensiones de DuckDB (INSTALL/LOAD).",
    "SET": "No se permite cambiar la configuración de la base de datos (SET/RESET).",
    "VARIABLE_SET": "No se permite cambiar la configuración de la base de datos (SET/RESET).",
    "PRAGMA": "No se permite cambiar la configuración con PRAGMA; use SELECT * FROM pragma_…() para leerla.",
}
_ONLY_SELECT = ("Solo se permiten consultas de lectura (SELECT); "
                "la instrucción {kind} no está permitida.")


def check(sql, con=None):
    """The one statement of `sql`, or ConsultaError saying why it is refused."""
    if not sql or not sql.strip():
        raise ConsultaError("Escriba una consulta SQL (por ejemplo: SELECT * FROM sesiones).")
    parser = con or duckdb.connect(":memory:")
    try:
        statements = parser.extract_statements(sql)
    except duckdb.Error as error:
        raise ConsultaError(translate(error, sql)) from error
    finally:
        if con is None:
            parser.close()
    if not statements:
        raise ConsultaError("Escriba una consulta SQL (por ejemplo: SELECT * FROM sesiones).")
    if len(statements) > 1:
        raise ConsultaError(f"Solo se permite una consulta a la vez; el texto tiene {len(statements)} "
                            "instrucciones separadas por «;».")
    statement = statements[0]
    kind = statement.type.name
    if kind != "SELECT":
        raise ConsultaError(_REFUSALS.get(kind) or _ONLY_SELECT.format(kind=_kind_word(sql, kind)))
    return statement


def _kind_word(sql, kind):
    """The statement's own first word («CREATE», «DELETE»), which people recognise."""
    words = re.findall(r"[A-Za-z_]+", _strip_comments(sql))
    return words[0].upper() if words else kind


def _strip_comments(sql):
    return re.sub(r"--[^\n]*|/\*.*?\*/", " ", sql, flags=re.S)


def parameters(sql):
    """The named parameters ($clave) of a query, sorted; empty when it cannot be parsed."""
    con = duckdb.connect(":memory:")
    try:
        return sorted(p for s in con.extract_statements(sql) for p in s.named_parameters
                      if not p.isdigit())
    except duckdb.Error:
        return []
    finally:
        con.close()


# -- Running ---------------------------------------------------------------------------------

class Consola:
    """A locked connection to one database file that runs one checked query at a time per cursor.

    Thread-safe: each `run` takes its own cursor, so an interrupt only stops that query.
    """

    def __init__(self, path=None, limite_segundos=LIMITE_SEGUNDOS, limite_filas=LIMITE_FILAS,
                 limite_descarga=LIMITE_DESCARGA):
        self.path = Path(path or db_path())
        self.limite_segundos = limite_segundos
        self.limite_filas = limite_filas
        self.limite_descarga = limite_descarga
        self._con = connect_locked(self.path)
        self._lock = threading.Lock()

    def close(self):
        self._con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def run(self, sql, params=None):
        """Resultado of `sql` with `params` ({name: value} for $name), or ConsultaError."""
        with self._lock:
            cursor = self._con.cursor()
        try:
            statement = check(sql, cursor)
            values = {name: (params or {}).get(name) for name in statement.named_parameters}
            _require(values)
            cursor.execute(f"USE {ALIAS}")
            return self._timed(cursor, sql, values)
        finally:
            cursor.close()

    def _timed(self, cursor, sql, values):
        interrupted = threading.Event()

        def stop():
            interrupted.set()
            try:
                cursor.interrupt()
            except duckdb.Error:    # the query ended and its cursor closed meanwhile
                pass

        timer = threading.Timer(self.limite_segundos, stop)
        start = time.perf_counter()
        timer.start()
        try:
            tabla, incompleto = self._fetch(cursor, sql, values)
        except (duckdb.Error, pa.ArrowException, OSError) as raised:
            error = _as_duckdb(raised)
            if interrupted.is_set():
                raise ConsultaError(_timeout_sentence(self.limite_segundos)) from raised
            raise ConsultaError(translate(error, sql)) from raised
        finally:
            timer.cancel()
        ms = (time.perf_counter() - start) * 1000
        return Resultado(tabla, tabla.num_rows, ms, self.limite_filas, incompleto)

    def _fetch(self, cursor, sql, values):
        try:
            relation = cursor.sql(sql, params=values or None)
        except (duckdb.BinderException, duckdb.CatalogException) as error:
            raise _with_position(cursor, sql, values) or error
        reader = relation.to_arrow_reader(batch_size=2_048)
        batches, rows, size = [], 0, 0
        for batch in reader:
            batches.append(batch)
            rows += batch.num_rows
            size += batch.nbytes
            if rows > self.limite_descarga or size > LIMITE_BYTES:
                tabla = pa.Table.from_batches(batches, reader.schema)
                return tabla.slice(0, self.limite_descarga), True
        return pa.Table.from_batches(batches, reader.schema), False


# An error met while streaming the result reaches Python through pyarrow's reader as an OSError
# or ArrowException that carries DuckDB's message («INTERRUPT Error: Interrupted!»); its prefix
# gives back the DuckDB class, so one translation serves both.
_CLASES = {
    "INTERRUPT Error": duckdb.InterruptException,
    "Conversion Error": duckdb.ConversionException,
    "Out of Memory Error": duckdb.OutOfMemoryException,
    "Permission Error": duckdb.PermissionException,
    "Invalid Input Error": duckdb.InvalidInputException,
    "Binder Error": duckdb.BinderException,
    "Catalog Error": duckdb.CatalogException,
}


def _as_duckdb(error):
    if isinstance(error, duckdb.Error):
        return error
    message = str(error)
    return _CLASES.get(message.split(":", 1)[0].strip(), duckdb.Error)(message)


def _with_position(cursor, sql, values):
    """The same binding error with DuckDB's «LINE n:» caret, which `sql()` leaves out and
    `execute()` keeps. Binding fails before anything runs, so this runs nothing either."""
    try:
        cursor.execute(sql, values or None)
    except (duckdb.BinderException, duckdb.CatalogException) as error:
        return error
    return None


def _require(values):
    missing = sorted(name for name, value in values.items() if value in (None, ""))
    if missing:
        names = ", ".join(f"${name}" for name in missing)
        raise ConsultaError(f"Falta el valor del parámetro {names}: escríbalo en la casilla del parámetro.")


def _timeout_sentence(seconds):
    shown = f"{seconds:g}"
    unit = "segundo" if shown == "1" else "segundos"
    return f"La consulta superó el límite de {shown} {unit} y fue interrumpida."


# -- DuckDB errors in Spanish ----------------------------------------------------------------

def _first_line(error):
    line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return re.sub(r"^[A-Za-z ]+ Error: ", "", line)


def _position(message):
    """(line, column) from DuckDB's «LINE 3: …» with its caret line, or None."""
    match = re.search(r"^LINE (\d+): (.*)\n( *)\^", message, flags=re.M)
    if not match:
        return None
    line, shown, pad = int(match[1]), match[2], len(match[3])
    prefix = len(f"LINE {match[1]}: ")
    if shown.startswith("..."):      # DuckDB cut a long line; the column would be wrong
        return (line, None)
    return (line, pad - prefix + 1)


def _where(message):
    position = _position(message)
    if not position:
        return ""
    line, column = position
    return f" (línea {line}, columna {column})" if column else f" (línea {line})"


_FILE_ACCESS = "La consulta intenta leer archivos del servidor, lo cual no está permitido."


def translate(error, sql=""):
    """One Spanish sentence for a DuckDB error, never a traceback."""
    message = str(error)
    where = _where(message)
    if isinstance(error, duckdb.InterruptException):
        return "La consulta fue interrumpida antes de terminar."
    if isinstance(error, duckdb.ParserException):
        return _syntax_sentence(message, where)
    if isinstance(error, duckdb.PermissionException):
        if "extension" in message.lower():
            return _REFUSALS["LOAD"]
        return _FILE_ACCESS
    if "configuration has been locked" in message:
        return _REFUSALS["SET"]
    if "read-only mode" in message or "read-only" in message:
        return _ONLY_SELECT.format(kind=_kind_word(sql, "esa"))
    if isinstance(error, duckdb.CatalogException):
        return _catalog_sentence(message, where)
    if isinstance(error, duckdb.BinderException):
        return _binder_sentence(message, where)
    if isinstance(error, duckdb.OutOfMemoryException):
        return ("La consulta necesitó más memoria de la permitida; "
                "agregue filtros o agrupe antes de pedir tantas filas.")
    if isinstance(error, duckdb.ConversionException):
        return f"Un valor no se pudo convertir al tipo pedido{where}: {_first_line(error)}."
    if "Values were not provided" in message:
        names = message.rsplit(":", 1)[-1].strip()
        return f"Falta el valor del parámetro ${names}: escríbalo en la casilla del parámetro."
    return f"DuckDB no pudo ejecutar la consulta{where}: {_first_line(error)}."


def _syntax_sentence(message, where):
    near = re.search(r'at or near "([^"]*)"', message)
    if near:
        return f"Error de sintaxis cerca de «{near[1]}»{where}."
    if "end of input" in message:
        return "Error de sintaxis: la consulta termina antes de tiempo (¿falta un paréntesis o una cláusula?)."
    return f"Error de sintaxis{where}: {_first_line_of(message)}."


def _first_line_of(message):
    return re.sub(r"^[A-Za-z ]+ Error: ", "", message.strip().splitlines()[0])


def _catalog_sentence(message, where):
    table = re.search(r'Table with name (\S+) does not exist', message)
    if table:
        return f"No existe la tabla o vista «{table[1]}»{where}; consulte el esquema de la página."
    function = re.search(r'Function with name (\S+) does not exist', message)
    if function:
        return f"No existe la función «{function[1]}»{where} (o no está disponible en esta consola)."
    return f"DuckDB no encontró un objeto de la consulta{where}: {_first_line_of(message)}."


def _binder_sentence(message, where):
    column = re.search(r'Referenced column "([^"]+)" not found', message)
    if column:
        candidates = re.search(r"Candidate bindings: (.*)", message)
        hint = f"; quizá quiso decir {candidates[1].strip()}" if candidates else ""
        return f"No existe la columna «{column[1]}»{where}{hint}."
    return f"La consulta no es válida{where}: {_first_line_of(message)}."


# -- Saved queries ---------------------------------------------------------------------------

CONSULTAS = Path(__file__).resolve().parent.parent / "data" / "consultas"


@dataclass
class Guardada:
    """A saved query of data/consultas: its header comment gives title, description and the
    default of each $parameter. Expecting a header like:

        -- titulo: Sesiones de más de una hora
        -- descripcion: Las sesiones que duraron más de $minutos minutos,
        --   de la más larga a la más corta.
        -- parametro: minutos = 60
    """
    nombre: str          # file stem: the key in the URL
    titulo: str
    descripcion: str
    sql: str
    parametros: dict


def saved_queries(folder=None):
    """Every saved query, sorted by title."""
    folder = Path(folder or CONSULTAS)
    return sorted((read_saved(path) for path in folder.glob("*.sql")), key=lambda g: g.titulo)


def read_saved(path):
    """The Guardada of one .sql file; ValueError when its header lacks a title or description."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    fields, params, last = {}, {}, None
    for line in text.splitlines():
        match = re.match(r"--\s?(\s*)(\w+):\s*(.*)$", line)
        if match and not match[1] and match[2] in ("titulo", "descripcion"):
            last = match[2]
            fields[last] = match[3].strip()
        elif match and not match[1] and match[2] == "parametro":
            name, _, default = match[3].partition("=")
            params[name.strip().lstrip("$")] = default.strip()
            last = None
        elif line.startswith("--") and last:
            fields[last] += " " + line[2:].strip()
        elif not line.startswith("--"):
            break
    if not fields.get("titulo") or not fields.get("descripcion"):
        raise ValueError(f"{path.name}: the header needs «-- titulo:» and «-- descripcion:» lines")
    return Guardada(path.stem, fields["titulo"], fields["descripcion"], text.strip(), params)


# -- Downloads -------------------------------------------------------------------------------

def to_csv(resultado):
    """CSV bytes, UTF-8 with a BOM so Excel shows the accents right."""
    return _flat(resultado.tabla).to_csv(index=False).encode("utf-8-sig")


def to_excel(resultado):
    """An .xlsx workbook with one sheet «Consulta»."""
    buffer = io.BytesIO()
    frame = _flat(resultado.tabla)
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.DatetimeTZDtype):
            frame[column] = frame[column].dt.tz_localize(None)   # openpyxl refuses aware datetimes
    frame.to_excel(buffer, index=False, sheet_name="Consulta", engine="openpyxl")
    return buffer.getvalue()


def to_parquet(resultado):
    """Parquet bytes written in memory by pyarrow (DuckDB's COPY is disabled on this connection).
    Intervals, which Parquet cannot hold, go as text."""
    buffer = io.BytesIO()
    pq.write_table(_texts(resultado.tabla, pa.types.is_interval), buffer)
    return buffer.getvalue()


def to_json(tabla):
    """A JSON array of objects, one per line; nested values stay nested, dates and times in
    ISO 8601, intervals as text."""
    rows = _texts(tabla, pa.types.is_interval).to_pylist()
    lines = (json.dumps(row, ensure_ascii=False, default=_json_value) for row in rows)
    return "[\n" + ",\n".join(lines) + "\n]" if rows else "[]"


def _flat(tabla):
    """A DataFrame whose lists, structs, maps, intervals and blobs are readable text: a CSV cell
    or an Excel cell cannot hold them."""
    def complex_type(kind):
        return (pa.types.is_nested(kind) or pa.types.is_interval(kind) or pa.types.is_binary(kind)
                or pa.types.is_large_binary(kind))
    return _texts(tabla, complex_type).to_pandas()


def _texts(tabla, which):
    for index, field in enumerate(tabla.schema):
        if which(field.type):
            values = [None if v is None else _text(v) for v in tabla.column(index).to_pylist()]
            tabla = tabla.set_column(index, pa.field(field.name, pa.string()), pa.array(values, pa.string()))
    return tabla


def _text(value):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "backslashreplace")
    if isinstance(value, pa.MonthDayNano):
        return _interval(value)
    return json.dumps(value, ensure_ascii=False, default=_json_value)


def _interval(value):
    months, days, nanoseconds = value.months, value.days, value.nanoseconds
    seconds = nanoseconds // 1_000_000_000
    parts = [f"{months} {'mes' if abs(months) == 1 else 'meses'}" if months else "",
             f"{days} {'día' if abs(days) == 1 else 'días'}" if days else "",
             f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}" if seconds else ""]
    return " ".join(p for p in parts if p) or "0"


def _json_value(value):
    if isinstance(value, (dt.date, dt.time)):      # datetime is a date
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value) if value.as_tuple().exponent < 0 else int(value)
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, (bytes, bytearray, pa.MonthDayNano)):
        return _text(value)
    return str(value)


# -- The command -----------------------------------------------------------------------------

def cli(args):
    """`python -m etl consulta "SQL" [--db FILE] [--formato csv|json]`: the full result to stdout,
    or one «Error: …» line on stderr and status 1."""
    import sys
    try:
        with Consola(getattr(args, "db", None) or None) as consola:
            resultado = consola.run(args.sql)
    except ConsultaError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    if resultado.incompleto:
        print(f"Aviso: el resultado se cortó en {resultado.limite_descarga:,} filas.", file=sys.stderr)
    sys.stdout.write(_format(resultado, getattr(args, "formato", None) or "csv"))
    return 0


def _format(resultado, formato):
    if formato == "json":
        return to_json(resultado.tabla) + "\n"
    return _flat(resultado.tabla).to_csv(index=False)
