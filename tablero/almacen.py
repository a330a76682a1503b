"""The staff store: what staff enter (corrections marked attended, links confirmed or rejected,
actas uploaded, reviewed or withdrawn, corrections of an acta's facts) and the sign-in counters,
outside the DuckDB file that `build` replaces (and that `build` reads, read-only, to apply the
review: etl/revision.py).

One SQLite file, data/seguimiento/seguimiento.sqlite3 (or $TABLERO_SEGUIMIENTO/…), written with the
standard library's sqlite3:

- WAL journal, so readers never block a save and a save never blocks readers;
- `busy_timeout`, so two staff saving at once wait for each other instead of failing;
- one `BEGIN IMMEDIATE` transaction per save, holding the new state AND its audit row: a save
  lands whole or not at all, and the audit trail never disagrees with the state.

Entries name corrections by a stable key (tablero.seguimiento.clave_correccion: the acta's
sha256, the line and the order within that line), never by correccion_id, which a rebuild may
renumber. Each entry also keeps a readable copy of what it referred to (`referencia`), so an entry
whose acta was later replaced is still shown, never silently dropped.

Reading never creates the file: with no store yet, every reader returns an empty DataFrame.
"""
import contextlib
import datetime as dt
import json
import os
import sqlite3
import threading
import time
from pathlib import Path

import pandas as pd

from etl.errors import TableroError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "data" / "seguimiento"
ARCHIVO = "seguimiento.sqlite3"
ESPERA_MS = 15_000

ESQUEMA = """
CREATE TABLE IF NOT EXISTS marcas (         -- corrections staff marked attended
    clave       TEXT PRIMARY KEY,           -- tablero.seguimiento.clave_correccion
    atendida_el TEXT NOT NULL,              -- ISO date staff give
    nota        TEXT NOT NULL,
    usuario     TEXT NOT NULL,
    nombre      TEXT,
    marcada_en  TEXT NOT NULL,              -- UTC ISO timestamp
    referencia  TEXT                        -- JSON: fecha, documento, solicitante, descripcion, archivo
);
CREATE TABLE IF NOT EXISTS vinculos (       -- staff decisions on a link acta → request
    atendida    TEXT NOT NULL,              -- key of the correcciones_atendidas row
    correccion  TEXT NOT NULL,              -- key of the correcciones row
    decision    TEXT NOT NULL CHECK (decision IN ('confirmado', 'rechazado')),
    nota        TEXT,
    usuario     TEXT NOT NULL,
    nombre      TEXT,
    decidido_en TEXT NOT NULL,
    referencia  TEXT,
    PRIMARY KEY (atendida, correccion)
);
CREATE TABLE IF NOT EXISTS auditoria (      -- every change: who, when (UTC), what
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    en          TEXT NOT NULL,
    usuario     TEXT NOT NULL,
    accion      TEXT NOT NULL,
    clave       TEXT NOT NULL,
    antes       TEXT,                       -- JSON of the row before, or null
    despues     TEXT,                       -- JSON of the row after, or null
    nota        TEXT
);
CREATE TABLE IF NOT EXISTS revisiones (    -- staff corrections of an acta's facts (etl/revision.py)
    sha256      TEXT NOT NULL,              -- the acta's bytes
    seccion     TEXT NOT NULL,              -- sesion, asistentes, orden_del_dia, votaciones, votos, …
    clave       TEXT NOT NULL,              -- the fact's stable key (etl.revision.claves)
    campo       TEXT NOT NULL,              -- the field, or * for a whole fact added or deleted
    operacion   TEXT NOT NULL CHECK (operacion IN ('cambiar', 'agregar', 'borrar')),
    valor       TEXT,                       -- JSON: the new value, or the fact added
    antes       TEXT,                       -- JSON: what the parser read when corrected
    nota        TEXT NOT NULL,
    usuario     TEXT NOT NULL,
    nombre      TEXT,
    en          TEXT NOT NULL,              -- UTC ISO timestamp
    archivo     TEXT,                       -- the acta's file name then (shown for old versions)
    PRIMARY KEY (sha256, seccion, clave, campo)
);
CREATE TABLE IF NOT EXISTS revision_estado (  -- review status per acta; none = «sin revisar»
    sha256      TEXT PRIMARY KEY,
    estado      TEXT NOT NULL CHECK (estado IN ('en revisión', 'revisada')),
    usuario     TEXT NOT NULL,
    nombre      TEXT,
    en          TEXT NOT NULL,
    archivo     TEXT,
    nota        TEXT
);
CREATE TABLE IF NOT EXISTS retiradas (      -- actas staff took out of the tablero (file moved aside)
    archivo     TEXT PRIMARY KEY,           -- where it was, inside the actas folder
    destino     TEXT NOT NULL,              -- where it is now, inside the actas folder
    sha256      TEXT NOT NULL,
    motivo      TEXT NOT NULL,
    usuario     TEXT NOT NULL,
    nombre      TEXT,
    en          TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS narrativas (     -- the informe's sections staff write (tablero.narrativa)
    informe     TEXT NOT NULL,              -- tablero.narrativa.clave_informe: committee + period
    seccion     TEXT NOT NULL,              -- template field: antecedentes, conclusiones, …
    texto       TEXT NOT NULL,
    usuario     TEXT NOT NULL,
    nombre      TEXT,
    guardado_en TEXT NOT NULL,              -- UTC ISO timestamp
    PRIMARY KEY (informe, seccion)
);
CREATE TABLE IF NOT EXISTS intentos (       -- failed sign-ins per user (tablero.cuentas)
    usuario      TEXT PRIMARY KEY,
    fallos       INTEGER NOT NULL,
    ultimo_fallo TEXT NOT NULL,
    espera_hasta TEXT NOT NULL
);
"""


class AlmacenError(TableroError):
    """The staff store could not be read or written."""


def store_dir():
    """The folder of the staff store: $TABLERO_SEGUIMIENTO or data/seguimiento/."""
    return Path(os.environ.get("TABLERO_SEGUIMIENTO") or DEFAULT_DIR)


def ahora_utc():
    return dt.datetime.now(dt.timezone.utc)


def _iso(momento):
    return momento.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def _json(valor):
    return None if valor is None else json.dumps(valor, ensure_ascii=False, sort_keys=True,
                                                 default=str)


def _json_valor(valor):
    """A correction's value as JSON text (null stays JSON «null», so «changed to empty» is kept
    apart from «no value»)."""
    return json.dumps(valor, ensure_ascii=False, sort_keys=True)


def _entero(valor):
    return None if valor is None or pd.isna(valor) else int(valor)


_PREPARANDO = threading.Lock()
_PREPARADOS = set()


class Almacen:
    """The staff store in folder `carpeta` (default: store_dir())."""

    def __init__(self, carpeta=None):
        self.carpeta = Path(carpeta or store_dir())
        self.path = self.carpeta / ARCHIVO

    # ───────── connections ─────────

    def _abrir(self):
        try:
            self.carpeta.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, timeout=ESPERA_MS / 1000, isolation_level=None)
            con.execute(f"PRAGMA busy_timeout = {ESPERA_MS}")
            self._preparar(con)
        except (OSError, sqlite3.Error) as error:
            raise AlmacenError(f"No se pudo abrir el registro del personal en {self.path} "
                               f"({error}): revise que la carpeta exista y se pueda escribir."
                               ) from error
        con.row_factory = sqlite3.Row
        return con

    def _preparar(self, con):
        """WAL and the tables, once per store file. Switching the journal mode takes a lock that
        SQLite does not wait for, so two savers opening a new store at once retry instead of
        failing with «database is locked»."""
        with _PREPARANDO:
            identidad = (str(self.path), os.stat(self.path).st_ino)
            if identidad in _PREPARADOS:
                return
            limite = time.monotonic() + ESPERA_MS / 1000
            while True:
                try:
                    if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                        con.execute("PRAGMA journal_mode = WAL")
                    con.executescript(ESQUEMA)
                    break
                except sqlite3.OperationalError as error:
                    if "locked" not in str(error) or time.monotonic() > limite:
                        raise
                    time.sleep(0.05)
            _PREPARADOS.add(identidad)

    @contextlib.contextmanager
    def transaccion(self):
        """One save: BEGIN IMMEDIATE (the write lock, waiting up to busy_timeout), COMMIT, or
        ROLLBACK on any error."""
        con = self._abrir()
        try:
            con.execute("BEGIN IMMEDIATE")
            yield con
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    def leer(self, sql, params=()):
        """Rows of a read-only query as a DataFrame; empty when the store does not exist yet."""
        if not self.path.exists():
            return None
        try:
            con = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True,
                                  timeout=ESPERA_MS / 1000)
            try:
                return pd.read_sql_query(sql, con, params=params)
            finally:
                con.close()
        except (sqlite3.Error, pd.errors.DatabaseError) as error:
            raise AlmacenError(f"No se pudo leer el registro del personal en {self.path} "
                               f"({error}).") from error

    def version(self):
        """(path, file inode, last audit id): changes with every save, since each save writes its
        audit row in the same transaction; a cache key for what is read from the store. The
        inode and id are None when the store does not exist (and it is not created)."""
        if not self.path.exists():
            return str(self.path), None, None
        ultimo = self.leer("SELECT max(id) AS id FROM auditoria")
        return str(self.path), os.stat(self.path).st_ino, _entero(ultimo["id"].iloc[0])

    def _tabla(self, tabla, orden, columnas):
        df = self.leer(f"SELECT * FROM {tabla} ORDER BY {orden}")
        return pd.DataFrame(columns=columnas) if df is None else df

    # ───────── audit ─────────

    @staticmethod
    def auditar(con, usuario, accion, clave, antes=None, despues=None, nota=None, en=None):
        con.execute("INSERT INTO auditoria (en, usuario, accion, clave, antes, despues, nota) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (_iso(en or ahora_utc()), usuario, accion, clave, _json(antes),
                     _json(despues), nota))

    @staticmethod
    def _fila(con, sql, params):
        fila = con.execute(sql, params).fetchone()
        return None if fila is None else dict(fila)

    # ───────── corrections marked attended ─────────

    def marcar(self, clave, atendida_el, nota, usuario, nombre=None, referencia=None):
        """Mark the correction `clave` attended on `atendida_el` (a date), with a note."""
        ahora = ahora_utc()
        nueva = {"clave": clave, "atendida_el": atendida_el.isoformat(), "nota": nota,
                 "usuario": usuario, "nombre": nombre, "marcada_en": _iso(ahora),
                 "referencia": _json(referencia)}
        with self.transaccion() as con:
            antes = self._fila(con, "SELECT * FROM marcas WHERE clave = ?", (clave,))
            con.execute("INSERT OR REPLACE INTO marcas VALUES (:clave, :atendida_el, :nota, "
                        ":usuario, :nombre, :marcada_en, :referencia)", nueva)
            self.auditar(con, usuario, "marcar atendida", clave, antes, nueva, nota, ahora)
        return nueva

    def desmarcar(self, clave, nota, usuario):
        """Remove a staff mark (the correction is pending again unless an acta attends it)."""
        with self.transaccion() as con:
            antes = self._fila(con, "SELECT * FROM marcas WHERE clave = ?", (clave,))
            if antes is None:
                raise AlmacenError("Esa corrección no tiene una marca del personal que quitar.")
            con.execute("DELETE FROM marcas WHERE clave = ?", (clave,))
            self.auditar(con, usuario, "quitar marca", clave, antes, None, nota)

    def marcas(self):
        return self._tabla("marcas", "marcada_en, clave",
                           ["clave", "atendida_el", "nota", "usuario", "nombre", "marcada_en",
                            "referencia"])

    # ───────── links confirmed or rejected ─────────

    def decidir(self, atendida, correccion, decision, nota, usuario, nombre=None,
                referencia=None):
        """Staff say whether the attended row `atendida` answers the request `correccion`."""
        if decision not in ("confirmado", "rechazado"):
            raise AlmacenError(f"Decisión desconocida: {decision}.")
        ahora = ahora_utc()
        nueva = {"atendida": atendida, "correccion": correccion, "decision": decision,
                 "nota": nota, "usuario": usuario, "nombre": nombre, "decidido_en": _iso(ahora),
                 "referencia": _json(referencia)}
        with self.transaccion() as con:
            antes = self._fila(con, "SELECT * FROM vinculos WHERE atendida = ? AND correccion = ?",
                               (atendida, correccion))
            con.execute("INSERT OR REPLACE INTO vinculos VALUES (:atendida, :correccion, "
                        ":decision, :nota, :usuario, :nombre, :decidido_en, :referencia)", nueva)
            self.auditar(con, usuario, f"vínculo {decision}", f"{atendida} → {correccion}",
                         antes, nueva, nota, ahora)
        return nueva

    def vinculos(self):
        return self._tabla("vinculos", "decidido_en, atendida, correccion",
                           ["atendida", "correccion", "decision", "nota", "usuario", "nombre",
                            "decidido_en", "referencia"])

    # ───────── uploads ─────────

    def registrar_carga(self, archivo, sha256, usuario, resumen):
        """An acta uploaded from the dashboard: only its audit row."""
        with self.transaccion() as con:
            self.auditar(con, usuario, "cargar acta", archivo, None,
                         {"archivo": archivo, "sha256": sha256}, resumen)

    def auditoria(self):
        return self._tabla("auditoria", "id DESC",
                           ["id", "en", "usuario", "accion", "clave", "antes", "despues", "nota"])

    # ───────── review of actas (etl/revision.py) ─────────

    def revisiones(self, sha256=None):
        """The corrections (decoded, as etl.revision applies them), of one acta or all."""
        from etl.revision import revision_de_fila
        donde, params = ("WHERE sha256 = ?", (sha256,)) if sha256 else ("", ())
        df = self.leer(f"SELECT * FROM revisiones {donde} ORDER BY en, seccion, clave, campo",
                       params)
        return [] if df is None else [revision_de_fila(f) for f in df.to_dict("records")]

    def estado_revision(self, sha256):
        """The acta's review status row as a dict, or None («sin revisar»)."""
        df = self.leer("SELECT * FROM revision_estado WHERE sha256 = ?", (sha256,))
        return None if df is None or df.empty else df.to_dict("records")[0]

    def guardar_revision(self, sha256, archivo, cambios, usuario, nombre, nota):
        """Store the corrections `cambios` (etl.revision.cambios: (llave, correction or None))
        in one transaction, one audit row each; the acta is then «en revisión». How many
        changed."""
        if not (nota or "").strip():
            raise AlmacenError("Escriba una nota que diga por qué se corrige.")
        ahora = _iso(ahora_utc())
        n = 0
        with self.transaccion() as con:
            for (seccion, clave, campo), c in cambios:
                n += self._guardar_una(con, sha256, archivo, seccion, clave, campo, c, usuario,
                                       nombre, nota, ahora)
            if n:
                self._poner_estado(con, sha256, "en revisión", usuario, nombre, archivo, None,
                                   ahora, solo_si_distinto=True)
        return n

    def _guardar_una(self, con, sha256, archivo, seccion, clave, campo, c, usuario, nombre,
                     nota, ahora):
        llave = (sha256, seccion, clave, campo)
        antes = self._fila(con, "SELECT * FROM revisiones WHERE sha256 = ? AND seccion = ? "
                           "AND clave = ? AND campo = ?", llave)
        etiqueta = f"{sha256[:16]}:{seccion}:{clave}:{campo}"
        if c is None:
            if antes is None:
                return 0
            con.execute("DELETE FROM revisiones WHERE sha256 = ? AND seccion = ? AND clave = ? "
                        "AND campo = ?", llave)
            self.auditar(con, usuario, "quitar corrección", etiqueta, antes, None, nota)
            return 1
        nueva = {"sha256": sha256, "seccion": seccion, "clave": clave, "campo": campo,
                 "operacion": c["operacion"], "valor": _json_valor(c.get("valor")),
                 "antes": _json_valor(c.get("antes")), "nota": nota, "usuario": usuario,
                 "nombre": nombre, "en": ahora, "archivo": archivo}
        if antes and (antes["operacion"], antes["valor"]) == (nueva["operacion"], nueva["valor"]):
            return 0
        con.execute("INSERT OR REPLACE INTO revisiones VALUES (:sha256, :seccion, :clave, "
                    ":campo, :operacion, :valor, :antes, :nota, :usuario, :nombre, :en, "
                    ":archivo)", nueva)
        self.auditar(con, usuario, "corregir", etiqueta, antes, nueva, nota)
        return 1

    def _poner_estado(self, con, sha256, estado, usuario, nombre, archivo, nota, ahora,
                      solo_si_distinto=False):
        antes = self._fila(con, "SELECT * FROM revision_estado WHERE sha256 = ?", (sha256,))
        if solo_si_distinto and antes and antes["estado"] == estado:
            return
        nueva = {"sha256": sha256, "estado": estado, "usuario": usuario, "nombre": nombre,
                 "en": ahora, "archivo": archivo, "nota": nota}
        con.execute("INSERT OR REPLACE INTO revision_estado VALUES (:sha256, :estado, :usuario, "
                    ":nombre, :en, :archivo, :nota)", nueva)
        self.auditar(con, usuario, "estado de revisión", sha256[:16], antes, nueva, nota)

    def marcar_revision(self, sha256, estado, usuario, nombre=None, archivo=None, nota=None):
        """Set the acta's review status: «en revisión» or «revisada» (by this person, now)."""
        if estado not in ("en revisión", "revisada"):
            raise AlmacenError(f"Estado de revisión desconocido: {estado}.")
        with self.transaccion() as con:
            self._poner_estado(con, sha256, estado, usuario, nombre, archivo, nota,
                               _iso(ahora_utc()))

    def trasladar(self, sha_viejo, sha_nuevo, llave, usuario, nombre=None, archivo=None):
        """Carry one correction of an old version of an acta over to its new bytes."""
        seccion, clave, campo = llave
        with self.transaccion() as con:
            vieja = self._fila(con, "SELECT * FROM revisiones WHERE sha256 = ? AND seccion = ? "
                               "AND clave = ? AND campo = ?", (sha_viejo, seccion, clave, campo))
            if vieja is None:
                raise AlmacenError("Esa corrección ya no está en el registro.")
            nueva = dict(vieja, sha256=sha_nuevo, archivo=archivo or vieja["archivo"],
                         usuario=usuario, nombre=nombre, en=_iso(ahora_utc()))
            antes = self._fila(con, "SELECT * FROM revisiones WHERE sha256 = ? AND seccion = ? "
                               "AND clave = ? AND campo = ?", (sha_nuevo, seccion, clave, campo))
            con.execute("INSERT OR REPLACE INTO revisiones VALUES (:sha256, :seccion, :clave, "
                        ":campo, :operacion, :valor, :antes, :nota, :usuario, :nombre, :en, "
                        ":archivo)", nueva)
            self.auditar(con, usuario, "trasladar corrección",
                         f"{sha_nuevo[:16]}:{seccion}:{clave}:{campo}", antes, nueva,
                         f"de la versión {sha_viejo[:16]}")
            self._poner_estado(con, sha_nuevo, "en revisión", usuario, nombre, archivo, None,
                               nueva["en"], solo_si_distinto=True)

    # ───────── actas withdrawn (tablero/carga.py moves the file) ─────────

    def registrar_retiro(self, archivo, destino, sha256, motivo, usuario, nombre=None):
        nueva = {"archivo": archivo, "destino": destino, "sha256": sha256, "motivo": motivo,
                 "usuario": usuario, "nombre": nombre, "en": _iso(ahora_utc())}
        with self.transaccion() as con:
            con.execute("INSERT OR REPLACE INTO retiradas VALUES (:archivo, :destino, :sha256, "
                        ":motivo, :usuario, :nombre, :en)", nueva)
            self.auditar(con, usuario, "retirar acta", archivo, None, nueva, motivo)

    def registrar_devolucion(self, archivo, usuario, nota):
        with self.transaccion() as con:
            antes = self._fila(con, "SELECT * FROM retiradas WHERE archivo = ?", (archivo,))
            con.execute("DELETE FROM retiradas WHERE archivo = ?", (archivo,))
            self.auditar(con, usuario, "devolver acta", archivo, antes, None, nota)

    def retiradas(self):
        return self._tabla("retiradas", "en DESC",
                           ["archivo", "destino", "sha256", "motivo", "usuario", "nombre", "en"])

    # ───────── sign-in counters (tablero.cuentas) ─────────

    def intento(self, usuario):
        """(fallos, espera_hasta as datetime or None) for `usuario`."""
        df = self.leer("SELECT fallos, espera_hasta FROM intentos WHERE usuario = ?", (usuario,))
        if df is None or df.empty:
            return 0, None
        return int(df["fallos"].iloc[0]), dt.datetime.fromisoformat(df["espera_hasta"].iloc[0])

    def registrar_fallo(self, clave, espera, ahora=None, usuario=None):
        """One more failed sign-in on counter `clave` (an account, or tablero.cuentas.DESCONOCIDO),
        audited under the name typed (`usuario`); `espera(fallos)` gives the seconds until the
        next try. Counters idle for a day are pruned in the same transaction."""
        ahora = ahora or ahora_utc()
        with self.transaccion() as con:
            con.execute("DELETE FROM intentos WHERE espera_hasta < ? AND ultimo_fallo < ?",
                        (_iso(ahora), _iso(ahora - dt.timedelta(days=1))))
            fila = con.execute("SELECT fallos FROM intentos WHERE usuario = ?",
                               (clave,)).fetchone()
            fallos = (fila[0] if fila else 0) + 1
            hasta = ahora + dt.timedelta(seconds=espera(fallos))
            con.execute("INSERT OR REPLACE INTO intentos VALUES (?, ?, ?, ?)",
                        (clave, fallos, _iso(ahora), _iso(hasta)))
            self.auditar(con, (usuario or clave)[:64], "inicio de sesión fallido", clave,
                         None, {"fallos": fallos, "espera_hasta": _iso(hasta)}, en=ahora)
        return fallos, hasta

    def registrar_acceso(self, usuario, accion):
        """A sign-in or sign-out («iniciar sesión», «cerrar sesión») in the audit trail."""
        with self.transaccion() as con:
            self.auditar(con, usuario, accion, usuario)

    def limpiar_fallos(self, usuario):
        if not self.path.exists():
            return
        with self.transaccion() as con:
            con.execute("DELETE FROM intentos WHERE usuario = ?", (usuario,))
