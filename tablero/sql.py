"""The SQL console's executor: ad hoc, read-only SQL on the tablero database, safe to expose.

One code path for the page «Consultas» and for `python -m etl consulta`. Safety comes in three layers:

1. The statement: exactly one, at most LIMITE_CARACTERES long, and it must parse as a SELECT
   (WITH, FROM-first, VALUES, DESCRIBE, SHOW and SUMMARIZE parse as SELECT too). Everything else is
   refused before anything runs.
2. The process: each query runs in its own child process (etl/aislado.py) with limits the
   operating system enforces — address space (LIMITE_MEMORIA), processor time, no file written —
   and the parent kills it at LIMITE_SEGUNDOS of wall-clock time. DuckDB's own interrupt only acts
   between chunks of work: `levenshtein(repeat('a', 200000), …)` is one call that ran 82 s past
   it. The result crosses back in Arrow batches, counted in rows and bytes AS it streams
   (LIMITE_DESCARGA, LIMITE_BYTES): past either the child is stopped and the result says it was
   cut. The page's server never holds more than that.
3. The connection, for what a SELECT can still reach: a private in-memory DuckDB instance that
   ATTACHes the file READ_ONLY, then `enable_external_access=false` (no read_csv, glob, COPY,
   ATTACH of files, INSTALL/LOAD), extension autoload/autoinstall off, Python replacement scans
   off, a memory limit with no spilling to disk (temp_directory=''), then `lock_configuration`.
   DuckDB adds the attached file to `allowed_paths`, so `read_blob` could read its bytes: the
   child attaches a hard link made in a private folder beside the database and removes it at
   once, so that path names nothing any more. Run as root, the child also enters that folder with
   chroot before attaching (the database is «/tablero.duckdb»: `duckdb_databases()`,
   `duckdb_settings()` and error messages name no server path) and then becomes «nobody».

Why a private instance rather than `duckdb.connect(path, read_only=True)`: in DuckDB those settings
belong to the database instance, and the Python client shares one instance per file across the
process; a separate process makes that moot too, but `connect_locked` is also what tests use.
"""
import datetime as dt
import decimal
import io
import json
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from etl import aislado
from etl.errors import TableroError
from tablero.db import db_path


def _entorno(nombre, defecto):
    """A limit from the environment (TABLERO_CONSULTA_*), or its default."""
    valor = os.environ.get(nombre, "").strip()
    try:
        return type(defecto)(valor) if valor else defecto
    except ValueError:
        return defecto


LIMITE_SEGUNDOS = _entorno("TABLERO_CONSULTA_SEGUNDOS", 10)
LIMITE_MEMORIA_MB = _entorno("TABLERO_CONSULTA_MEMORIA_MB", 1024)   # the child's address space grows at most this
LIMITE_FILAS = 1_000                                                 # rows shown on the page
LIMITE_DESCARGA = _entorno("TABLERO_CONSULTA_FILAS", 1_000_000)     # rows kept for downloads (Excel: 1,048,576)
LIMITE_BYTES = _entorno("TABLERO_CONSULTA_MB", 64) * 2**20          # and at most this much of them
LIMITE_CARACTERES = 100_000                                          # of the SQL text itself
CONSULTAS_A_LA_VEZ = _entorno("TABLERO_CONSULTA_SIMULTANEAS", 2)   # children at once, each up to the memory limit
HILOS = 2
LOTE = 256          # rows per Arrow batch: 256 texts of 1 MB are 256 MB in flight, not 2 GB

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
    """A query refused or failed; the message is one Spanish sentence for the person who wrote it.
    `pico_kb`: the child's peak memory when it was measured."""
    pico_kb = None


@dataclass
class Resultado:
    """What a query returned: up to LIMITE_DESCARGA rows, how many, how long, and what was cut."""
    tabla: pa.Table
    filas: int
    ms: float
    limite_filas: int = LIMITE_FILAS
    incompleto: bool = False    # more rows or bytes than the limits: even downloads are cut
    pico_kb: int = None         # the child process's peak resident memory

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

def _memoria_duckdb():
    """DuckDB's own limit, under the process's: it refuses in its own words before the kernel does."""
    return f"{max(64, LIMITE_MEMORIA_MB * 3 // 4)}MB"


def connect_locked(path=None, attach_as=None):
    """A connection that can only read `path` (attached under the name `attach_as`, which the
    child makes a path that names nothing on the server): see the module docstring."""
    path = Path(path or db_path())
    if attach_as is None and not path.exists():
        raise ConsultaError(
            f"No hay base de datos en {path}: ejecute «python -m etl build» para cargar las actas.")
    con = duckdb.connect(":memory:", config={"autoload_known_extensions": False,
                                             "autoinstall_known_extensions": False})
    try:
        con.execute(f"ATTACH {_literal(attach_as or path)} AS {ALIAS} (READ_ONLY)")
        con.execute(f"USE {ALIAS}")
        # Order matters: once external access is off, temp_directory can no longer be changed.
        for name, value in [("temp_directory", "''"),   # no spilling: a query cannot fill the disk
                            ("home_directory", "'/'"), ("secret_directory", "'/'"),
                            ("extension_directory", "'/'"),
                            ("python_enable_replacements", "false"),
                            ("memory_limit", f"'{_memoria_duckdb()}'"), ("threads", str(HILOS)),
                            ("enable_external_access", "false"),
                            ("lock_configuration", "true")]:
            con.execute(f"SET {name} = {value}")
    except duckdb.Error as error:
        con.close()
        raise ConsultaError(f"No se pudo abrir la base de datos {path.name} en modo lectura "
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


def _connect_isolated(path):
    """In the child: the locked connection on a hard link that is gone once attached (and, as
    root, inside a chroot, then as «nobody»)."""
    path = Path(path)
    if not path.exists():
        return connect_locked(path)     # its sentence
    try:
        carpeta = Path(tempfile.mkdtemp(prefix=".consulta-", dir=path.parent))
    except OSError:
        return connect_locked(path)     # a folder we cannot write in: the plain attach
    enlace = carpeta / "tablero.duckdb"
    padre = os.open(path.parent, os.O_RDONLY)
    try:
        try:
            os.link(path, enlace)
        except OSError:
            return connect_locked(path)
        if _enter(carpeta):
            con = connect_locked(path, "/tablero.duckdb")
        else:
            con = connect_locked(path, enlace)
    finally:
        for borrar in (lambda: os.unlink(enlace.name, dir_fd=_abrir(padre, carpeta.name)),
                       lambda: os.rmdir(carpeta.name, dir_fd=padre)):
            try:
                borrar()
            except OSError:
                pass
        os.close(padre)
    if os.geteuid() == 0:
        _become_nobody()
    return con


def _enter(carpeta):
    """chroot into the private folder when this process may (root with CAP_SYS_CHROOT)."""
    if os.geteuid() != 0:
        return False
    try:
        os.chroot(carpeta)
    except OSError:
        return False
    os.chdir("/")
    return True


def _abrir(padre, nombre):
    """An fd of folder `nombre` in `padre` (it works from inside a chroot too); closed when the
    process ends, a few seconds later."""
    return os.open(nombre, os.O_RDONLY, dir_fd=padre)


def _become_nobody():
    try:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    except OSError:
        pass


def limpiar_enlaces(carpeta, edad=60):
    """Private folders a killed child left beside the database (each holds a hard link that keeps
    an old database's disk space): removed when older than `edad` seconds."""
    ahora = time.time()
    for resto in Path(carpeta).glob(".consulta-*"):
        try:
            if ahora - resto.stat().st_mtime > edad:
                shutil.rmtree(resto, ignore_errors=True)
        except OSError:
            pass


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


# -- Running -------------------------------------------------------------------------------

_SIMULTANEAS = threading.BoundedSemaphore(CONSULTAS_A_LA_VEZ)
_MEMORIA = ("La consulta necesitó más memoria de la permitida ({mb} MB); "
            "agregue filtros o agrupe antes de pedir tantas filas.")


class Consola:
    """Runs one checked query at a time per call, each in its own limited child process.

    Thread-safe: every `run` has its own child; at most CONSULTAS_A_LA_VEZ run at once.
    """

    def __init__(self, path=None, limite_segundos=None, limite_filas=LIMITE_FILAS,
                 limite_descarga=None, limite_bytes=None, limite_memoria_mb=None):
        self.path = Path(path or db_path())
        self.limite_segundos = limite_segundos or LIMITE_SEGUNDOS
        self.limite_filas = limite_filas
        self.limite_descarga = limite_descarga or LIMITE_DESCARGA
        self.limite_bytes = limite_bytes or LIMITE_BYTES
        self.limite_memoria_mb = limite_memoria_mb or LIMITE_MEMORIA_MB
        if not self.path.exists():
            raise ConsultaError(f"No hay base de datos en {self.path}: ejecute "
                                "«python -m etl build» para cargar las actas.")
        limpiar_enlaces(self.path.parent)

    def close(self):
        """Nothing stays open between queries."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def run(self, sql, params=None):
        """Resultado of `sql` with `params` ({name: value} for $name), or ConsultaError."""
        if sql and len(sql) > LIMITE_CARACTERES:
            raise ConsultaError(f"La consulta tiene {len(sql):,} caracteres; el límite es "
                                f"{LIMITE_CARACTERES:,}: acórtela.".replace(",", " "))
        statement = check(sql)
        values = {name: (params or {}).get(name) for name in statement.named_parameters}
        _require(values)
        if not _SIMULTANEAS.acquire(timeout=self.limite_segundos):
            raise ConsultaError("La consola está ocupada con otras consultas: vuelva a intentarlo "
                                "en unos segundos.")
        try:
            return self._in_child(sql, values)
        finally:
            _SIMULTANEAS.release()

    def _in_child(self, sql, values):
        start = time.perf_counter()
        hijo = aislado.Hijo("tablero.sql", "serve_query", memoria=self.limite_memoria_mb * 2**20,
                            cpu=self.limite_segundos * HILOS + 1, escribir=False)
        plazo = time.monotonic() + self.limite_segundos    # from the fork: not the server's start
        try:
            hijo.enviar({"path": str(self.path), "sql": sql, "values": values,
                         "filas": self.limite_descarga, "bytes": self.limite_bytes})
            tabla, incompleto = self._receive(hijo, plazo)
        except aislado.Vencido:
            hijo.matar()
            raise self._error(_timeout_sentence(self.limite_segundos), hijo) from None
        except aislado.Caido as caido:
            sentence = (_timeout_sentence(self.limite_segundos) if caido.por_tiempo
                        else _MEMORIA.format(mb=self.limite_memoria_mb))
            raise self._error(sentence, hijo) from None
        ms = (time.perf_counter() - start) * 1000
        return Resultado(tabla, tabla.num_rows, ms, self.limite_filas, incompleto, hijo.pico)

    @staticmethod
    def _error(sentence, hijo):
        error = ConsultaError(sentence)
        error.pico_kb = hijo.pico
        return error

    def _receive(self, hijo, plazo):
        """The batches as they come, counted; past a limit the child is stopped."""
        schema, batches, rows, size = None, [], 0, 0
        while True:
            kind, payload = hijo.recibir(plazo)
            if kind == "error":
                hijo.pico = payload.get("pico") or hijo.medir()
                hijo.cerrar()
                raise self._error(payload["frase"], hijo)
            if kind == "esquema":
                schema = pa.ipc.read_schema(pa.py_buffer(payload))
                continue
            if kind == "fin":
                hijo.pico = payload.get("pico") or hijo.medir()
                hijo.cerrar()
                return pa.Table.from_batches(batches, schema), payload["incompleto"]
            datos = hijo.recibir_crudo(payload, plazo)
            batch = pa.ipc.read_record_batch(pa.py_buffer(datos), schema)
            rows += batch.num_rows
            size += len(datos)
            batches.append(batch)
            if rows > self.limite_descarga or size > self.limite_bytes:
                hijo.matar()        # the child cuts first; this is the parent holding the line
                tabla = pa.Table.from_batches(batches, schema)
                return tabla.slice(0, self.limite_descarga), True


def serve_query(canal):
    """The child's side (etl.aislado runs it): one request, its batches, then «fin» or «error»."""
    pedido = aislado.recibir(canal)
    sql = pedido["sql"]
    try:
        con = _connect_isolated(pedido["path"])
        cursor = con.cursor()
        cursor.execute(f"USE {ALIAS}")
        _stream(canal, cursor, sql, pedido["values"], pedido["filas"], pedido["bytes"])
    except ConsultaError as error:
        _send_error(canal, str(error))
    except (duckdb.Error, pa.ArrowException, OSError, RuntimeError) as raised:
        _send_error(canal, translate(_as_duckdb(raised), sql))
    except MemoryError:
        _send_error(canal, _MEMORIA.format(mb=LIMITE_MEMORIA_MB))


def _send_error(canal, frase):
    aislado.enviar(canal, ("error", {"frase": frase, "pico": _peak()}))


def _peak():
    """This child's peak memory in KB (getrusage: /proc is not there inside the chroot)."""
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _stream(canal, cursor, sql, values, max_rows, max_bytes):
    try:
        relation = cursor.sql(sql, params=values or None)
    except (duckdb.BinderException, duckdb.CatalogException) as error:
        raise _with_position(cursor, sql, values) or error
    reader = _unique_names(relation).to_arrow_reader(batch_size=LOTE)
    aislado.enviar(canal, ("esquema", reader.schema.serialize().to_pybytes()))
    rows = size = 0
    for batch in reader:
        if rows + batch.num_rows > max_rows:
            batch = batch.slice(0, max_rows - rows)
        data = batch.serialize()     # sent raw after its header: no copy to bytes, none to pickle
        aislado.enviar(canal, ("lote", data.size))
        canal.sendall(memoryview(data))
        rows += batch.num_rows
        size += data.size
        if rows >= max_rows or size >= max_bytes:
            more = size >= max_bytes or _has_more(reader)
            aislado.enviar(canal, ("fin", {"incompleto": more, "pico": _peak()}))
            return
    aislado.enviar(canal, ("fin", {"incompleto": False, "pico": _peak()}))


def _has_more(reader):
    try:
        return reader.read_next_batch().num_rows > 0
    except StopIteration:
        return False


def _unique_names(relation):
    """The same relation with duplicate column names suffixed («sesion_id», «sesion_id_2»):
    `SELECT * FROM votaciones v JOIN sesiones s ON …` has two sesion_id, which Arrow and the
    page's table cannot hold apart."""
    names = relation.columns
    if len(set(names)) == len(names):
        return relation
    taken, unique = set(names), []
    for name in names:
        candidate, n = name, 1
        while candidate in unique or (n > 1 and candidate in taken):
            n += 1
            candidate = f"{name}_{n}"
        unique.append(candidate)
    return relation.project(", ".join(f"#{i + 1} AS {_ident(u)}" for i, u in enumerate(unique)))


def _ident(name):
    return '"' + name.replace('"', '""') + '"'


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
    if "Could not get working directory" in message:    # a relative path, in the child's empty folder
        return _FILE_ACCESS
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
    if isinstance(error, duckdb.OutOfMemoryException) or re.search(
            r"malloc of size|Failed to allocate|std::bad_alloc|out of memory", message, re.I):
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
    table = re.search(r"Table with name (.+?) does not exist", message)
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
