"""Every acta of a folder into one DuckDB file, swapped in whole.

Design (openstates' «scrape, then import in one transaction»):

1. Hash every file of the folder. When the folder's (name, sha256) list, the catalogs and the
   ETL's own code are what the last build recorded (metadatos.huella), nothing is written:
   «Sin cambios: N actas ya cargadas».
2. Parse only the files whose bytes the database does not hold yet, in a process pool when there
   are many (a 10,000-acta build must stay near a minute on two cores).
3. Write into a NEW file next to the target: a copy of the current database when it was built by
   this same code (metadatos.version), so only the delta is applied — rows of removed or changed
   actas deleted, new ones inserted in bulk from Arrow tables — else a fresh one from schema.sql.
   Everything that spans actas (personas' display names, documentos, the links between a
   correction and the one it attends, partidos, acreditaciones) is recomputed over the whole
   database in the same transaction, so a delta gives the same facts as a full build.
4. `os.replace` the new file onto the target: a reader sees the old database or the new one,
   never half of one, and a failed build leaves the last good one in place.

Why a delta on a copy rather than a full rewrite: re-reading 10,000 unchanged actas would cost the
incremental build its 3-second budget; copying a file and touching a few rows does not. A change
of the ETL's code changes `version` and forces the full rewrite, so stale facts never survive.
"""
import csv
import functools
import hashlib
import os
import re
import shutil
import sqlite3
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from etl import busqueda, ocr, revision
from etl.comites import comite_de, identidad
from etl.errors import DatabaseError, TableroError
from etl.extract import FORMATOS
from etl.lectura import read_acta, read_files, sin_control, unexpected  # noqa: F401 (read_acta, unexpected: used by etl.cli and tests)
from etl.partidos import CATALOGO_PATH, load_catalogo
from etl.personas import title_case
from etl.vocabulario import CLAVE_DOCUMENTO_RE, GRADO_RE, PARTICLES, fold_acronym

ETL_DIR = Path(__file__).resolve().parent
SCHEMA_PATH = ETL_DIR / "schema.sql"
ACREDITACIONES_PATH = CATALOGO_PATH.parent / "acreditaciones.csv"
PROGRESS_MIN = 20    # show a progress bar from this many files to parse
COLOR_DESCONOCIDO = "#9E9E9E"

# Tables that hold one acta's facts, and the column that says which acta.
TABLAS_DE_ACTA = [("votos", "sesion_id"), ("votaciones", "sesion_id"),
                  ("asistencias", "sesion_id"), ("orden_del_dia", "sesion_id"),
                  ("documento_eventos", "sesion_id"), ("correcciones", "sesion_id"),
                  ("correcciones_atendidas", "sesion_id"), ("avisos", "acta_id"),
                  ("sesiones", "sesion_id"), ("archivos", "acta_id"), ("actas", "acta_id")]
DUPLICADO = "tiene los mismos bytes que"


# ---------------------------------------------------------------------------------------------
# The report


def _actas(n):
    """«1 acta», «3 actas»."""
    return f"{n} acta" if n == 1 else f"{n} actas"


@dataclass
class BuildReport:
    """What a build did, file by file."""
    db_path: Path
    loaded: list = field(default_factory=list)      # file names read and loaded now
    unchanged: list = field(default_factory=list)   # already in the database, not read again
    failed: list = field(default_factory=list)      # (file name, reason)
    removed: list = field(default_factory=list)     # file names no longer in the folder
    avisos: list = field(default_factory=list)      # load-level notices (duplicates, parties)
    sin_cambios: bool = False
    actas: int = 0                                  # actas in the database after the build

    @property
    def ok(self):
        return not self.failed

    def summary(self):
        """The Spanish lines printed after a build."""
        if self.sin_cambios:
            lines = [f"Sin cambios: {_actas(self.actas)} ya {'cargada' if self.actas == 1 else 'cargadas'} "
                     f"en {self.db_path}."]
        else:
            lines = [f"Base de datos {self.db_path}: {_actas(self.actas)}. "
                     f"Cargadas: {len(self.loaded)} · sin cambios: {len(self.unchanged)} · "
                     f"retiradas: {len(self.removed)} · con error: {len(self.failed)}."]
        lines += [f"Aviso: {sin_control(aviso)}" for aviso in self.avisos]
        lines += [f"Error en {sin_control(archivo)}: {sin_control(motivo)}"
                  for archivo, motivo in self.failed]
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Names and keys shared across actas


# The titles before a name (the parser's list, etl/vocabulario.py): «Mtro.», «M.D.», «Licenciada».
_GRADOS_AL_INICIO = re.compile(rf"^\s*(?:{GRADO_RE}(?:\s+|(?<=\.)))+", re.IGNORECASE)
_VACIAS = {"de", "del", "la", "las", "el", "los", "y", "e", "al", "a", "en", "por", "para", "con",
           "su", "sus", "que", "se", "mes", "correspondiente"}


@functools.lru_cache(maxsize=65536)
def persona_clave(nombre):
    """The key that makes one person of «JOSE LUIS BAUTISTA CABRERA» and «Mtro. José Luis
    Bautista Cabrera»: no title, no accents, lower case, single spaces."""
    return fold_acronym(_GRADOS_AL_INICIO.sub("", nombre or ""))


def best_spelling(spellings):
    """The fullest, most accented spelling: most words, then mixed case over capitals, then
    most accented letters. Capitals only are shown in title case («José Luis», «de la»)."""
    def score(name):
        return (len(name.split()), any(c.islower() for c in name),
                sum(1 for c in name if ord(c) > 127), name)
    best = max(spellings, key=score)
    if any(c.islower() for c in best):
        return best
    return title_case(best)   # as the parser shows capitals: «María de la Luz Pérez»


@functools.lru_cache(maxsize=65536)
def titulo_clave(texto):
    """A document title without accents, case, punctuation or filler words, to recognise
    «Informe mensual de febrero» and «informe mensual correspondiente al mes de febrero»."""
    return " ".join(w for w in fold_acronym(texto).split() if w not in _VACIAS)


def documento_llave(tipo, clave, titulo):
    """How a document is recognised across sessions: its clave, else its type and title;
    None when it has neither (then it is only itself: one session, one item)."""
    if clave:
        return "clave:" + re.sub(r"\s+", "", clave).upper()
    titulo = titulo_clave(titulo)
    return f"{tipo or 'otro'}:{titulo}" if titulo else None


# ---------------------------------------------------------------------------------------------
# Reading the folder


@dataclass
class Archivo:
    archivo: str            # path inside the actas folder, with «/»
    path: Path
    sha256: str = None
    bytes: int = 0
    error: str = None


def scan(actas_dir):
    """The acta files of the folder (sub-folders too, hidden ones not), hashed, sorted by name."""
    actas_dir = Path(actas_dir)
    if not actas_dir.is_dir():
        raise DatabaseError(f"No existe la carpeta de actas {actas_dir}: indíquela con --actas "
                            "o con la variable TABLERO_ACTAS.")
    paths = [p for p in actas_dir.rglob("*") if p.suffix.lower().lstrip(".") in FORMATOS
             and not any(part.startswith(".") for part in p.relative_to(actas_dir).parts)
             and p.is_file()]
    return [_hash(p, p.relative_to(actas_dir).as_posix()) for p in sorted(paths)]


def _hash(path, archivo):
    try:
        data = path.read_bytes()
    except OSError as error:
        return Archivo(archivo, path, error=f"No se pudo leer el archivo ({error.strerror}): "
                                            "compruebe que tiene permiso de lectura.")
    return Archivo(archivo, path, hashlib.sha256(data).hexdigest(), len(data))


def etl_version():
    """Digest of the code and catalogs that decide the facts: when it changes, every acta is
    read again instead of trusting rows an older parser wrote."""
    digest = hashlib.sha256()
    for path in sorted(ETL_DIR.glob("*.py")) + [SCHEMA_PATH, CATALOGO_PATH]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def huella(archivos, version, revisiones=None):
    """Digest of what a build reads: the folder's names and bytes, the acreditaciones, the code,
    and the staff's review of each acta (etl/revision.py)."""
    digest = hashlib.sha256(version.encode())
    for sha in sorted(revisiones or {}):
        digest.update(f"revision {sha} {revision.huella_acta(revisiones[sha])}\n".encode())
    for a in archivos:
        digest.update(f"{a.archivo}\0{a.sha256}\0{a.error}\n".encode())
    if ACREDITACIONES_PATH.exists():
        digest.update(ACREDITACIONES_PATH.read_bytes())
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------
# Parsing, in a pool when there are many files

def read_all(archivos, progress=True):
    """The files read in worker processes with limits (etl/lectura.py), in order: (text, facts)
    or (None, reason) each; a bar when there are many."""
    bar = _bar(len(archivos)) if progress and len(archivos) >= PROGRESS_MIN else None
    try:
        return read_files([a.path for a in archivos], [a.archivo for a in archivos],
                          al_leer=(lambda _: bar.update(1)) if bar is not None else None,
                          al_avanzar=ocr.barra() if progress else None)   # a bar per scan
    finally:
        if bar is not None:
            bar.close()


def _bar(total):
    from tqdm import tqdm
    return tqdm(total=total, desc="Leyendo actas", unit="acta", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# The build


@dataclass
class Anterior:
    """What the current database holds, as far as the next build needs to know."""
    version: str
    huella: str
    actas: dict            # sha256 -> (acta_id, archivo, digest of its review or None)
    errores: list          # (archivo, error)
    indice: Path = None    # its search index (etl/busqueda.py), None when missing


def read_previous(db_path):
    """The current database's metadata and actas, or None when there is none usable."""
    if not Path(db_path).exists():
        return None
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return None
    try:
        meta = dict(con.execute("SELECT clave, valor FROM metadatos").fetchall())
        actas = {sha: (i, a, r) for i, a, sha, r in
                 con.execute("SELECT acta_id, archivo, sha256, revision FROM actas").fetchall()}
        errores = con.execute("SELECT archivo, error FROM errores_carga ORDER BY archivo").fetchall()
    except duckdb.Error:
        return None
    finally:
        con.close()
    indice = Path(db_path).with_name(meta["indice_busqueda"]) if meta.get("indice_busqueda") \
        else None
    return Anterior(meta.get("version"), meta.get("huella"), actas, errores,
                    indice if indice is not None and indice.exists() else None)


def build(actas_dir, db_path, progress=True, almacen=None):
    """Load every acta of `actas_dir` into `db_path`; see the module's docstring. The staff's
    corrections (the store in `almacen`, default $TABLERO_SEGUIMIENTO or data/seguimiento/,
    read-only) are applied to each acta after it is parsed."""
    db_path = Path(db_path)
    archivos = scan(actas_dir)
    version = etl_version()
    revisiones = revision.leer_almacen(almacen)
    firma = huella(archivos, version, revisiones)
    anterior = read_previous(db_path)
    report = BuildReport(db_path)
    if anterior and anterior.huella == firma and anterior.indice is not None:
        report.sin_cambios = True
        report.actas = len(anterior.actas)
        report.unchanged = sorted(a for _, a, _ in anterior.actas.values())
        report.failed = [tuple(e) for e in anterior.errores]
        return report
    # Without its search index a database is rebuilt whole: the index needs every acta read.
    base = anterior if anterior and anterior.version == version and anterior.indice else None
    plan = Plan.make(archivos, base, revisiones)
    leidos = [revisar(leido, revisiones.get(a.sha256))
              for a, leido in zip(plan.nuevos, read_all(plan.nuevos, progress))]
    meta = {"version": version, "huella": firma,
            "indice_busqueda": busqueda.nombre_indice(db_path, firma).name}
    write(db_path, base, plan, leidos, report, meta)
    return report


def revisar(leido, revision_acta):
    """read_acta's (text, facts, index rows) with the staff's corrections applied to the facts;
    a note on a correction that no longer applies, or that the parser now reads differently,
    becomes an aviso of that acta. The search index keeps the acta's own words."""
    texto, facts, *resto = leido
    if texto is None or not isinstance(facts, dict) or not revision_acta:
        return leido
    revisados, notas = revision.aplicar(facts, revision_acta["revisiones"])
    revisados["avisos"] = list(revisados.get("avisos") or []) + [
        {"mensaje": f"Revisión: {n['mensaje']}", "linea": n["linea"]} for n in notas]
    return (texto, revisados, *resto)


@dataclass
class Plan:
    """Which files to read, which to keep, which acta rows to drop."""
    nuevos: list            # Archivo to read and load
    conservados: dict       # acta_id -> archivo name now (renames included)
    retirados: dict         # acta_id -> archivo name of actas whose bytes left the folder
    duplicados: list        # (Archivo, Archivo of the same bytes that is loaded)
    ilegibles: list         # Archivo that could not even be read
    revisiones: dict = field(default_factory=dict)   # sha256 -> the acta's review (store)
    reusar: dict = field(default_factory=dict)       # sha256 -> acta_id of an acta read again

    @classmethod
    def make(cls, archivos, base, revisiones=None):
        """A kept acta is one whose bytes AND review are those of the database; an acta whose
        review changed is read again (cheap: one acta) so the new corrections apply."""
        revisiones = revisiones or {}
        previas = {sha: v for sha, v in (base.actas if base else {}).items()
                   if v[2] == revision.huella_acta(revisiones.get(sha))}
        todas = base.actas if base else {}
        primero, duplicados, nuevos, conservados = {}, [], [], {}
        ilegibles = [a for a in archivos if a.error]
        # Of several files with the same bytes, the one loaded last time stays the original.
        antes = {archivo for _, archivo, _ in todas.values()}
        for a in sorted((a for a in archivos if not a.error),
                        key=lambda a: (a.archivo not in antes, a.archivo)):
            if a.sha256 in primero:
                duplicados.append((a, primero[a.sha256]))
                continue
            primero[a.sha256] = a
            if a.sha256 in previas:
                conservados[previas[a.sha256][0]] = a.archivo
            else:
                nuevos.append(a)
        retirados = {i: archivo for sha, (i, archivo, _) in todas.items()
                     if i not in conservados}
        # An acta read again only because its review changed keeps its acta_id (= sesion_id),
        # so links to its session survive a correction.
        reusar = {a.sha256: todas[a.sha256][0] for a in nuevos if a.sha256 in todas}
        return cls(nuevos, conservados, retirados, duplicados, ilegibles, revisiones, reusar)


def write(db_path, base, plan, leidos, report, meta):
    """Apply the plan to a new file next to `db_path` and to a new search index, then swap them
    in: the index first (under its own new name), then the database that names it."""
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.nuevo")
    indice = None
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(db_path)
        tmp.unlink(missing_ok=True)
        if base:
            shutil.copyfile(db_path, tmp)
        indice = busqueda.Indice(db_path, meta["huella"], base.indice if base else None)
        con = duckdb.connect(str(tmp))
        try:
            if not base:
                con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))
            con.execute("BEGIN TRANSACTION")
            Carga(con, plan, report, indice).run(leidos, meta)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        indice.cerrar(meta)
        nuevo = indice.publicar()
        os.replace(tmp, db_path)
        busqueda.limpiar(db_path, [nuevo, base.indice if base else None])
    except Exception as error:
        _remove(tmp)
        if indice is not None:
            indice.descartar()
        if not isinstance(error, (duckdb.Error, OSError, pa.ArrowException, sqlite3.Error)):
            raise
        raise DatabaseError(f"No se pudo construir la base de datos {db_path} "
                            f"({' '.join(str(error).split())[:200]}); la anterior sigue intacta."
                            ) from error
    finally:
        _remove(Path(f"{tmp}.wal"))


def remove_stale(db_path):
    """The temporary copies a killed build left (`.tablero.duckdb.<pid>.nuevo`, a full copy of
    the database each): removed when the build that made them is no longer running."""
    for tmp in db_path.parent.glob(f".{db_path.name}.*.nuevo*"):
        pid = tmp.name[len(db_path.name) + 2:].split(".")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            _remove(tmp)


def _running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(path):
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


# ---------------------------------------------------------------------------------------------
# Facts to rows


def _int(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _bool(value):
    return value if isinstance(value, bool) else None


def _str(value):
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _date(value):
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _linea(item):
    fuente = item.get("fuente") if isinstance(item, dict) else None
    return _int(fuente.get("linea")) if isinstance(fuente, dict) else None


def _momento(value):
    """A UTC ISO timestamp of the staff store as a naive UTC datetime, or None."""
    try:
        momento = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return momento.replace(tzinfo=None) if momento else None


def _origen(item):
    """Where a fact comes from: `acta` (the parser) or `revision` (staff), with who and when."""
    if item.get("origen") != "revision":
        return {"origen": "acta", "revisado_por": None, "revisado_en": None}
    return {"origen": "revision", "revisado_por": _str(item.get("revisado_por")),
            "revisado_en": _momento(item.get("revisado_en"))}


def _items(facts, key):
    value = facts.get(key)
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _contenido(archivo):
    """The file's bytes, if they are still the ones hashed (and parsed) a moment ago."""
    try:
        data = archivo.path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == archivo.sha256 else None


_ARROW = {"INTEGER": pa.int32(), "BIGINT": pa.int64(), "VARCHAR": pa.string(), "BLOB": pa.binary(),
          "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
          "INTEGER[]": pa.list_(pa.int32())}


class Carga:
    """One build's writes, inside the open transaction of `con`."""

    def __init__(self, con, plan, report, indice):
        self.con, self.plan, self.report, self.indice = con, plan, report, indice
        self.now = datetime.now().replace(microsecond=0)
        self.catalogo = load_catalogo()
        self.rows = {}

    def run(self, leidos, meta):
        self.drop_removed()
        self.rename_kept()
        self.add_new(leidos)
        self.add_failures()
        self.refresh_comites()
        self.refresh_partidos()
        self.refresh_acreditaciones()
        self.refresh_personas()
        self.refresh_documentos()
        self.link_corrections()
        self.refresh_duplicates()
        self.write_metadata(meta)

    # -- bookkeeping of actas ------------------------------------------------------------------

    def drop_removed(self):
        ids = list(self.plan.retirados)
        if not ids:
            return
        self.insert("_retiradas", [{"acta_id": i} for i in ids], {"acta_id": pa.int32()})
        self.indice.quitar(ids)
        for tabla, columna in TABLAS_DE_ACTA:
            self.con.execute(f"DELETE FROM {tabla} WHERE {columna} IN "
                             "(SELECT acta_id FROM _retiradas)")
        nuevos = {a.archivo for a in self.plan.nuevos}
        self.report.removed = sorted(a for a in self.plan.retirados.values() if a not in nuevos)

    def rename_kept(self):
        rows = [{"acta_id": i, "archivo": a} for i, a in self.plan.conservados.items()]
        if rows:
            self.insert("_nombres", rows, {"acta_id": pa.int32(), "archivo": pa.string()})
            self.con.execute("UPDATE actas SET archivo = n.archivo FROM _nombres n "
                             "WHERE actas.acta_id = n.acta_id AND actas.archivo <> n.archivo")
        self.report.unchanged = sorted(self.plan.conservados.values())

    def add_failures(self):
        self.con.execute("DELETE FROM errores_carga")
        rows = [{"archivo": a, "sha256": sha, "error": e, "intentada_en": self.now}
                for a, sha, e in self.failures]
        self.insert("errores_carga", rows)
        self.report.failed = sorted((a, e) for a, _, e in self.failures)

    # -- new actas -----------------------------------------------------------------------------

    def add_new(self, leidos):
        self.failures = [(a.archivo, None, a.error) for a in self.plan.ilegibles]
        self.next = {k: self._max(t, k) + 1 for t, k in
                     [("actas", "acta_id"), ("votaciones", "votacion_id"),
                      ("correcciones", "correccion_id"), ("correcciones_atendidas", "atendida_id")]}
        self.next["acta_id"] = max([self.next["acta_id"]] +
                                   [i + 1 for i in self.plan.reusar.values()])
        self.personas = PersonaIndex(self.con)
        self.comites = ComiteIndex(self.con)
        self.rows = {tabla: [] for tabla, _ in TABLAS_DE_ACTA}
        for archivo, (texto, facts, filas) in zip(self.plan.nuevos, leidos):
            if texto is None:
                self.failures.append((archivo.archivo, archivo.sha256, facts))
            elif not isinstance(facts, dict):
                self.failures.append((archivo.archivo, archivo.sha256,
                                      "El lector de actas no devolvió hechos para este archivo."))
            elif (contenido := _contenido(archivo)) is None:
                self.failures.append((archivo.archivo, archivo.sha256,
                                      "El archivo cambió mientras se cargaba: vuelva a ejecutar "
                                      "la carga."))
            else:
                acta_id = self.add_acta(archivo, texto, facts, filas or [])
                self.rows["archivos"].append({"acta_id": acta_id,
                                              "contenido": contenido})
        for tabla, rows in self.rows.items():
            if tabla != "documento_eventos":  # needs documento_id: see refresh_documentos
                self.insert(tabla, rows)
        self.report.loaded = [a.archivo for a in self.plan.nuevos
                              if a.archivo not in {f[0] for f in self.failures}]

    def _max(self, tabla, columna):
        return self.con.execute(f"SELECT coalesce(max({columna}), 0) FROM {tabla}").fetchall()[0][0]

    def add_acta(self, archivo, texto, facts, filas):
        """Rows of one acta; its acta_id (the one it had when read again for a review)."""
        acta_id = self.plan.reusar.get(archivo.sha256)
        if acta_id is None:
            acta_id = self.next["acta_id"]
            self.next["acta_id"] += 1
        sesion = facts.get("sesion") if isinstance(facts.get("sesion"), dict) else {}
        organo = _str(facts.get("organo"))
        instituto, proceso = _str(facts.get("instituto")), _str(facts.get("proceso"))
        comite = self.comites.key_for(organo, instituto, proceso)
        revision_acta = self.plan.revisiones.get(archivo.sha256)
        estado = (revision_acta or {}).get("estado") or {}
        self.rows["actas"].append({
            "acta_id": acta_id, "archivo": archivo.archivo, "sha256": archivo.sha256,
            "formato": archivo.path.suffix.lower().lstrip("."), "bytes": archivo.bytes,
            "texto": texto, "cargada_en": self.now,
            "revision": revision.huella_acta(revision_acta),
            "revision_estado": estado.get("estado") or revision.SIN_REVISAR,
            "revisada_por": (estado.get("nombre") or estado.get("usuario"))
            if estado.get("estado") == revision.REVISADA else None,
            "revisada_en": _momento(estado.get("en"))
            if estado.get("estado") == revision.REVISADA else None,
            "paginas": (facts.get("ocr") or {}).get("pagina_de_linea")})
        self.rows["sesiones"].append({
            "sesion_id": acta_id, "acta_id": acta_id, "comite": comite, "organo": organo,
            "instituto": instituto, "proceso": proceso,
            "tipo": _str(sesion.get("tipo")), "numero": _int(sesion.get("numero")),
            "fecha": _date(sesion.get("fecha")), "hora_inicio": _str(sesion.get("hora_inicio")),
            "hora_fin": _str(sesion.get("hora_fin")),
            "duracion_min": _int(sesion.get("duracion_min")),
            "modalidad": _str(sesion.get("modalidad")), "lugar": _str(sesion.get("lugar")),
            "quorum": _bool(sesion.get("quorum")), **_origen(sesion)})
        avisos = [{"mensaje": _str(a.get("mensaje")) or "", "linea": _int(a.get("linea"))}
                  for a in _items(facts, "avisos")]
        n_asistencias = len(self.rows["asistencias"])
        avisos += self.add_asistencias(acta_id, organo, facts)
        self.indice.agregar(acta_id, filas,
                            oradores(filas, self.rows["asistencias"][n_asistencias:]))
        avisos += self.add_votaciones(acta_id, organo, facts)
        self.add_orden(acta_id, facts)
        self.add_correcciones(acta_id, organo, facts)
        self.add_documentos(acta_id, comite, facts)
        self.rows["avisos"] += [dict(a, sesion_id=acta_id, acta_id=acta_id) for a in avisos]
        return acta_id

    def add_asistencias(self, sesion_id, organo, facts):
        avisos, vistos = [], set()
        for a in _items(facts, "asistentes"):
            nombre = _str(a.get("nombre"))
            if not nombre or not persona_clave(nombre):
                continue
            persona_id = self.personas.id_for(nombre, organo)
            if persona_id in vistos:
                avisos.append({"mensaje": f"«{nombre}» aparece dos veces entre los asistentes: "
                                          "se cuenta una vez.", "linea": _linea(a)})
                continue
            vistos.add(persona_id)
            partido = _str(a.get("partido"))
            if partido and partido not in self.catalogo:
                avisos.append({"mensaje": f"El partido «{partido}» de {nombre} no está en "
                                          "data/catalogos/partidos.csv: se conserva como lo "
                                          "escribe el acta; agréguelo al catálogo.",
                               "linea": _linea(a)})
            self.rows["asistencias"].append({
                "sesion_id": sesion_id, "persona_id": persona_id, "nombre": nombre,
                "grado": _str(a.get("grado")), "cargo": _str(a.get("cargo")),
                "rol": _str(a.get("rol")) or "otro", "con_voto": bool(a.get("con_voto")),
                "partido": partido, "calidad": _str(a.get("calidad")),
                "presente": a.get("presente") is not False,
                "llegada_punto": _int(a.get("llegada_punto")),
                "retiro_punto": _int(a.get("retiro_punto")), "linea": _linea(a), **_origen(a)})
        return avisos

    def add_votaciones(self, sesion_id, organo, facts):
        avisos = []
        for v in _items(facts, "votaciones"):
            votacion_id = self.next["votacion_id"]
            self.next["votacion_id"] += 1
            self.rows["votaciones"].append({
                "votacion_id": votacion_id, "sesion_id": sesion_id, "punto": _int(v.get("punto")),
                "asunto": _str(v.get("asunto")), "forma": _str(v.get("forma")) or "economica",
                "resultado": _str(v.get("resultado")) or "aprobado",
                "unanimidad": bool(v.get("unanimidad")), "a_favor": _int(v.get("a_favor")) or 0,
                "en_contra": _int(v.get("en_contra")) or 0,
                "abstenciones": _int(v.get("abstenciones")) or 0, "linea": _linea(v),
                **_origen(v)})
            avisos += self.add_votos(votacion_id, sesion_id, organo, v)
        return avisos

    def add_votos(self, votacion_id, sesion_id, organo, votacion):
        avisos, vistos = [], set()
        for voto in _items(votacion, "votos"):
            nombre = _str(voto.get("nombre"))
            if not nombre or not persona_clave(nombre):
                continue
            persona_id = self.personas.id_for(nombre, organo)
            if persona_id in vistos:
                avisos.append({"mensaje": f"«{nombre}» vota dos veces en la votación del punto "
                                          f"{votacion.get('punto')}: se cuenta un voto.",
                               "linea": _linea(votacion)})
                continue
            vistos.add(persona_id)
            self.rows["votos"].append({
                "votacion_id": votacion_id, "sesion_id": sesion_id, "persona_id": persona_id,
                "nombre": nombre, "sentido": _str(voto.get("sentido")) or "", **_origen(voto)})
        return avisos

    def add_orden(self, sesion_id, facts):
        vistos = set()
        for punto in _items(facts, "orden_del_dia"):
            numero = _int(punto.get("numero"))
            if numero is None or numero in vistos:
                continue
            vistos.add(numero)
            self.rows["orden_del_dia"].append({
                "sesion_id": sesion_id, "numero": numero, "titulo": _str(punto.get("titulo")) or "",
                "linea": _linea(punto), **_origen(punto)})

    def add_correcciones(self, sesion_id, organo, facts):
        for tabla, key, id_col in [("correcciones", "correcciones", "correccion_id"),
                                   ("correcciones_atendidas", "correcciones_atendidas",
                                    "atendida_id")]:
            for c in _items(facts, key):
                solicitante = _str(c.get("solicitante"))
                row = {id_col: self.next[id_col], "sesion_id": sesion_id,
                       "punto": _int(c.get("punto")), "documento": _str(c.get("documento")),
                       "solicitante": solicitante,
                       "persona_id": self.personas.id_for(solicitante, organo)
                       if solicitante and persona_clave(solicitante) else None,
                       "descripcion": _str(c.get("descripcion")), "linea": _linea(c),
                       **_origen(c)}
                if tabla == "correcciones":
                    row["aprobada"] = _bool(c.get("aprobada"))
                self.next[id_col] += 1
                self.rows[tabla].append(row)

    def add_documentos(self, sesion_id, comite, facts):
        """A document is its committee's: two states' «Informe mensual de diciembre», or two
        «DICT/COTAPREP/001/2024», are two documents."""
        for d in _items(facts, "documentos"):
            tipo, clave, titulo = _str(d.get("tipo")) or "otro", _str(d.get("clave")), \
                _str(d.get("titulo"))
            llave = documento_llave(tipo, clave, titulo) or \
                f"{tipo}:sesion {sesion_id} punto {d.get('punto')}"
            self.rows["documento_eventos"].append({
                "sesion_id": sesion_id, "punto": _int(d.get("punto")),
                "estado": _str(d.get("estado")) or "presentado",
                "concluye": d.get("concluye") is True, "linea": _linea(d),
                "llave": f"{comite}|{llave}",
                "tipo": tipo, "clave": clave,
                "titulo": titulo, **_origen(d)})

    # -- what spans actas ----------------------------------------------------------------------

    def refresh_comites(self):
        """comites: one row per committee still holding a session, named from the spelling most
        of its actas use, with its first and last session date."""
        self.con.execute("DELETE FROM comites")
        filas = self.con.execute(
            "SELECT comite, organo, instituto, proceso, count(*), min(fecha), max(fecha) "
            "FROM sesiones GROUP BY ALL ORDER BY comite, count(*) DESC, organo, instituto, "
            "proceso").fetchall()
        comites = {}
        for comite, organo, instituto, proceso, n, desde, hasta in filas:
            if comite not in comites:
                comites[comite] = {"comite": comite, "nombre": comite_de(organo, instituto, proceso)[1],
                                   "organo": organo, "instituto": instituto, "proceso": proceso,
                                   "sesiones": 0, "desde": desde, "hasta": hasta}
            c = comites[comite]
            c["sesiones"] += n
            c["desde"] = min(x for x in (c["desde"], desde) if x) if c["desde"] or desde else None
            c["hasta"] = max(x for x in (c["hasta"], hasta) if x) if c["hasta"] or hasta else None
        nombres = {}
        for c in comites.values():
            nombres.setdefault(c["nombre"], []).append(c)
        for iguales in nombres.values():   # two committees whose short names coincide
            for c in iguales[1:] if len(iguales) > 1 else []:
                c["nombre"] += f" ({c['comite'].rsplit('-', 1)[-1]})"
        self.insert("comites", list(comites.values()))

    def refresh_partidos(self):
        """The catalog, plus every party an acta names that the catalog lacks."""
        self.con.execute("DELETE FROM partidos")
        rows = [{"partido": p.partido, "nombre": p.nombre, "color": p.color, "ambito": p.ambito,
                 "en_catalogo": True} for p in self.catalogo.partidos.values()]
        otros = self.con.execute("SELECT DISTINCT partido FROM asistencias WHERE partido IS NOT "
                                 "NULL ORDER BY 1").fetchall()
        rows += [{"partido": p, "nombre": p, "color": COLOR_DESCONOCIDO, "ambito": None,
                  "en_catalogo": False} for (p,) in otros if p not in self.catalogo]
        self.insert("partidos", rows)

    def refresh_acreditaciones(self):
        self.con.execute("DELETE FROM acreditaciones")
        if not ACREDITACIONES_PATH.exists():
            return
        with open(ACREDITACIONES_PATH, encoding="utf-8", newline="") as f:
            rows = {(r["instituto"], r["proceso"], r["partido"]): r for r in csv.DictReader(f)}
        self.insert("acreditaciones", list(rows.values()))

    def refresh_personas(self):
        """One row per person still named somewhere, shown with the best spelling seen."""
        spellings = {}
        for persona_id, nombre in self.con.execute(
                "SELECT persona_id, nombre FROM asistencias UNION SELECT persona_id, nombre FROM "
                "votos UNION SELECT persona_id, solicitante FROM correcciones WHERE persona_id IS "
                "NOT NULL UNION SELECT persona_id, solicitante FROM correcciones_atendidas WHERE "
                "persona_id IS NOT NULL").fetchall():
            spellings.setdefault(persona_id, []).append(nombre)
        claves = self.personas.claves()
        self.con.execute("DELETE FROM personas")
        self.insert("personas", [{"persona_id": i, "nombre": best_spelling(names),
                                  "clave": claves[i]} for i, names in sorted(spellings.items())])

    def refresh_documentos(self):
        """documentos: one row per llave still named by an event, ids kept across builds."""
        anteriores = dict(self.con.execute("SELECT llave, documento_id FROM documentos").fetchall())
        siguiente = max(anteriores.values(), default=0) + 1
        eventos, nuevos = self.rows.get("documento_eventos", []), []
        for e in eventos:
            if e["llave"] not in anteriores:
                anteriores[e["llave"]] = siguiente
                siguiente += 1
                nuevos.append(dict(e, documento_id=anteriores[e["llave"]]))
            e["documento_id"] = anteriores[e["llave"]]
        self.insert("documentos", nuevos)
        self.insert("documento_eventos", eventos)
        self.con.execute("DELETE FROM documentos WHERE documento_id NOT IN "
                         "(SELECT documento_id FROM documento_eventos)")

    def link_corrections(self):
        """Each correction to its document; each attended correction to the request it
        answers (see `vincular`)."""
        documentos = self.con.execute(
            "SELECT DISTINCT s.comite, d.documento_id, d.clave, d.titulo FROM documentos d "
            "JOIN documento_eventos e USING (documento_id) JOIN sesiones s USING (sesion_id)"
        ).fetchall()
        q = ("SELECT t.{id}, t.documento, t.persona_id, s.fecha, t.sesion_id {extra}, s.comite "
             "FROM {tabla} t JOIN sesiones s USING (sesion_id)")
        pedidas = self.con.execute(q.format(id="correccion_id", tabla="correcciones",
                                            extra=", t.aprobada, t.descripcion")).fetchall()
        atendidas = self.con.execute(q.format(id="atendida_id", tabla="correcciones_atendidas",
                                              extra=", t.descripcion")).fetchall()
        rows_c, rows_a = [], []
        # A correction is answered in its own committee: same body, same process. Grouped once:
        # a national archive has thousands of committees.
        por_comite = {}
        for i, filas in enumerate((documentos, pedidas, atendidas)):
            for fila in filas:
                clave = fila[0] if i == 0 else fila[-1]
                por_comite.setdefault(clave, ([], [], []))[i].append(
                    fila[1:] if i == 0 else fila[:-1])
        for comite in sorted(por_comite, key=str):
            docs, suyas, reportadas = por_comite[comite]
            finder = DocumentFinder(docs)
            rows_c += [{"correccion_id": c[0], "documento_id": finder.find(c[1])} for c in suyas]
            rows_a += [dict(atendida_id=a[0], documento_id=finder.find(a[1]), **link)
                       for a, link in zip(reportadas, vincular(suyas, reportadas, finder))]
        self.update("correcciones", "correccion_id", rows_c,
                    {"correccion_id": pa.int32(), "documento_id": pa.int32()})
        self.update("correcciones_atendidas", "atendida_id", rows_a,
                    {"atendida_id": pa.int32(), "documento_id": pa.int32(),
                     "correccion_id": pa.int32(), "vinculo": pa.string()})

    def refresh_duplicates(self):
        """Same bytes under two names: loaded once, with an aviso naming both."""
        self.con.execute(f"DELETE FROM avisos WHERE linea IS NULL AND mensaje LIKE "
                         f"'%{DUPLICADO}%'")
        ids = dict(self.con.execute("SELECT sha256, acta_id FROM actas").fetchall())
        rows = []
        for copia, original in self.plan.duplicados:
            mensaje = (f"El archivo {copia.archivo} {DUPLICADO} {original.archivo}: "
                       "se cargó una sola vez.")
            self.report.avisos.append(mensaje)
            if original.sha256 in ids:
                rows.append({"sesion_id": ids[original.sha256],
                             "acta_id": ids[original.sha256], "mensaje": mensaje})
        self.insert("avisos", rows)

    def write_metadata(self, meta):
        actas = self.con.execute("SELECT count(*) FROM actas").fetchall()[0][0]
        self.report.actas = actas
        self.con.execute("DELETE FROM metadatos")
        valores = dict(meta, cargada_en=self.now.isoformat(sep=" "), actas=str(actas))
        self.insert("metadatos", [{"clave": k, "valor": v} for k, v in valores.items()])

    # -- bulk writes ---------------------------------------------------------------------------

    def insert(self, tabla, rows, schema=None):
        """Rows (dicts) into `tabla` in one statement through an Arrow table; a name starting
        with «_» is a temporary table of the given schema."""
        if tabla.startswith("_"):
            cols = ", ".join(f"{k} {'INTEGER' if t == pa.int32() else 'VARCHAR'}"
                             for k, t in schema.items())
            self.con.execute(f"CREATE OR REPLACE TEMP TABLE {tabla} ({cols})")
        if not rows:
            return
        arrow = pa.Table.from_pylist(rows, schema=pa.schema(schema or self.arrow_schema(tabla)))
        self.con.register("_lote", arrow)
        try:
            self.con.execute(f"INSERT INTO {tabla} BY NAME SELECT * FROM _lote")
        finally:
            self.con.unregister("_lote")

    def update(self, tabla, key, rows, schema):
        if not rows:
            return
        self.insert("_cambios", rows, schema)
        sets = ", ".join(f"{c} = _cambios.{c}" for c in schema if c != key)
        self.con.execute(f"UPDATE {tabla} SET {sets} FROM _cambios "
                         f"WHERE {tabla}.{key} = _cambios.{key}")

    def arrow_schema(self, tabla):
        cols = self.con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                "WHERE table_name = ? ORDER BY ordinal_position",
                                [tabla]).fetchall()
        return {c: _ARROW[t] for c, t in cols}


# ---------------------------------------------------------------------------------------------
# People across actas


def oradores(filas, asistencias):
    """Speaker name -> persona_id among the acta's attendees: the same key, or a short form
    whose words all stand in one attendee's name («Jorge Solano» / «Jorge Galo Solano García»).
    A name that fits none, or several, is left without a person."""
    from etl.personas import same_person

    por_nombre = {}
    for nombre in {f["orador"] for f in filas if f.get("orador")}:
        clave = persona_clave(nombre)
        iguales = {a["persona_id"] for a in asistencias if persona_clave(a["nombre"]) == clave}
        if not iguales:
            iguales = {a["persona_id"] for a in asistencias if same_person(nombre, a["nombre"])}
        if len(iguales) == 1:
            por_nombre[nombre] = iguales.pop()
    return por_nombre


class PersonaIndex:
    """persona_id for each name: the same id for every spelling of one person, ids kept from
    build to build. A short form whose words all stand in exactly one longer name of the same
    organo («Martín Gallardo» / «Martín Gallardo García») is that person.

    The longer names are found through an index word -> claves per organo: a national archive
    has thousands of people under one organo name, and comparing each new name with all of
    them made a 10,000-acta build quadratic."""

    def __init__(self, con):
        self.ids, self.organos = {}, {}
        for persona_id, clave in con.execute("SELECT persona_id, clave FROM personas").fetchall():
            self.ids[clave] = persona_id
        for clave, organo in con.execute(
                "SELECT DISTINCT p.clave, s.organo FROM personas p JOIN asistencias a USING "
                "(persona_id) JOIN sesiones s USING (sesion_id)").fetchall():
            self._remember(clave, organo)
        self.next = max(self.ids.values(), default=0) + 1

    def id_for(self, nombre, organo):
        clave = persona_clave(nombre)
        if clave not in self.ids:
            largo = self._longer(clave, organo)
            if largo:
                return self.ids[largo]
            self.ids[clave] = self.next
            self.next += 1
        self._remember(clave, organo)
        return self.ids[clave]

    def _remember(self, clave, organo):
        """clave is a name seen in organo: indexed under each of its significant words."""
        por_palabra = self.organos.setdefault(organo, {})
        for palabra in _palabras(clave):
            por_palabra.setdefault(palabra, set()).add(clave)

    def _longer(self, clave, organo):
        palabras = _palabras(clave)
        if len(palabras) < 2:
            return None
        por_palabra = self.organos.get(organo, {})
        listas = sorted((por_palabra.get(p, ()) for p in palabras), key=len)
        largos = {k for k in listas[0] if all(k in otra for otra in listas[1:])
                  and palabras < _palabras(k)}
        return largos.pop() if len({self.ids[k] for k in largos}) == 1 else None

    def claves(self):
        """persona_id -> clave (the first clave that got the id)."""
        out = {}
        for clave, persona_id in self.ids.items():
            out.setdefault(persona_id, clave)
        return out


@functools.lru_cache(maxsize=65536)
def _palabras(clave):
    """The words of a persona clave that identify someone: no particles («de», «la», …)."""
    return frozenset(clave.split()) - PARTICLES


# ---------------------------------------------------------------------------------------------
# Committees across actas


class ComiteIndex:
    """The committee key of each (organo, instituto, proceso), the same across builds: the
    committee's name as a slug (etl/comites.py). Should two different committees give the same
    slug, the later one (in file-name order, or in build order) gets its texts' digest appended,
    so neither is ever merged into the other."""

    def __init__(self, con):
        self.claves = {}
        for comite, organo, instituto, proceso in con.execute(
                "SELECT DISTINCT comite, organo, instituto, proceso FROM sesiones "
                "WHERE comite IS NOT NULL").fetchall():
            self.claves[identidad(organo, instituto, proceso)] = comite
        self.usadas = {}
        for ident, comite in self.claves.items():
            self.usadas.setdefault(comite, ident)

    def key_for(self, organo, instituto, proceso):
        ident = identidad(organo, instituto, proceso)
        if ident not in self.claves:
            clave = comite_de(organo, instituto, proceso)[0]
            if self.usadas.get(clave, ident) != ident:
                clave += "-" + hashlib.sha256("\0".join(ident).encode()).hexdigest()[:6]
            self.claves[ident] = clave
            self.usadas.setdefault(clave, ident)
        return self.claves[ident]


# ---------------------------------------------------------------------------------------------
# Corrections and the documents they concern


class DocumentFinder:
    """The documentos row a correction names: by clave when the text carries one, else by a
    title that only one document has."""

    def __init__(self, documentos):
        self.por_clave, self.por_titulo = {}, {}
        for documento_id, clave, titulo in documentos:
            if clave:
                self.por_clave[re.sub(r"\s+", "", clave).upper()] = documento_id
            self.por_titulo.setdefault(titulo_clave(titulo), set()).add(documento_id)

    def find(self, texto):
        if not texto:
            return None
        for clave in (m.group(0) for m in CLAVE_DOCUMENTO_RE.finditer(texto.upper())):
            if clave in self.por_clave:
                return self.por_clave[clave]
        ids = self.por_titulo.get(titulo_clave(texto), set())
        if not ids:  # «Informe mensual de diciembre» names «Informe mensual de actividades de
            palabras = set(titulo_clave(texto).split())   # diciembre de 2023»: words a subset
            ids = {i for t, docs in self.por_titulo.items() if len(palabras) >= 2
                   and palabras <= set(t.split()) for i in docs}
        return next(iter(ids)) if len(ids) == 1 else None

    def key(self, texto):
        """What two corrections share when they concern the same document."""
        documento_id = self.find(texto)
        return ("id", documento_id) if documento_id else ("titulo", titulo_clave(texto))


def vincular(pedidas, atendidas, finder):
    """For each attended correction (atendida_id, documento, persona_id, fecha, sesion_id,
    descripcion), in that order, the request it answers among the earlier approved requests of the
    same committee (atendidas and pedidas come from one committee; pedidas are (correccion_id,
    documento, persona_id, fecha, sesion_id, aprobada, descripcion)) not yet answered:

    - same document and solicitante → 'documento+solicitante'; else the only one for that
      document → 'documento';
    - several for the document: the one whose content the report names (the page, numeral,
      antecedente, inciso, table or annex, or the words it quotes) → 'documento+contenido';
    - no document named or found: the one request whose content it names → 'contenido';
    - several left → 'ambiguo'; none → 'ninguno'."""
    def when(fecha, sesion_id):
        return (fecha or date.max, sesion_id)

    por_documento = {}
    for c in pedidas:
        if c[5] is not False:
            por_documento.setdefault(finder.key(c[1]), []).append(c)
    answered, links = set(), {}
    for a in sorted(atendidas, key=lambda a: when(a[3], a[4])):
        antes = [c for c in pedidas if c[5] is not False and c[0] not in answered
                 and when(c[3], c[4]) < when(a[3], a[4])]
        ids_antes = {c[0] for c in antes}
        earlier = [c for c in por_documento.get(finder.key(a[1]), []) if c[0] in ids_antes]
        same = [c for c in earlier if a[2] is not None and c[2] == a[2]]
        if len(same) > 1:
            same = _por_contenido(a, same) or same
        if same:
            pick, vinculo = _choose(same, "documento+solicitante")
        elif len(earlier) > 1 and _por_contenido(a, earlier):
            pick, vinculo = _choose(_por_contenido(a, earlier), "documento+contenido")
        elif earlier:
            pick, vinculo = _choose(earlier, "documento")
        else:
            pick, vinculo = _choose(_por_contenido(a, antes), "contenido")
        if pick is not None:
            answered.add(pick)
        links[a[0]] = {"correccion_id": pick, "vinculo": vinculo}
    return [links[a[0]] for a in atendidas]


def _choose(candidates, how):
    if not candidates:
        return None, "ninguno"
    if len(candidates) > 1:
        return None, "ambiguo"
    return candidates[0][0], how


_REFERENCIA = re.compile(
    r"\b(pagina|paginas|numeral|numerales|antecedente|antecedentes|inciso|incisos|tabla|tablas|"
    r"anexo|anexos|apartado|cuadro|considerando|fraccion|punto|seccion|grafica|figura|capitulo)"
    r"s?\s+((?:[0-9]+|[ivxlc]+\b|[a-z]\))(?:\s*(?:,|y|e)\s*(?:[0-9]+|[ivxlc]+\b|[a-z]\)))*)")
_PALABRA = re.compile(r"[a-z]{5,}")
_COMUNES = frozenset("""informe documento sesion sesiones observacion observaciones correccion
    correcciones solicito solicita solicitud realizo realizaron realizada realizadas atendida
    atendidas atendio atendieron solventada solventadas mensual actividades dictamen comite
    tecnico asesor programa resultados electorales preliminares secretario secretaria tecnica
    version corregida corrigio sustituyo sustituir asesora asesor anterior ordinaria
    extraordinaria respecto manera misma mismo cuanto relativo relativa mediante asimismo
    quedo quedaron ademas donde debia decia dicho dicha entre sobre parte pagina paginas
    numeral numerales antecedente antecedentes inciso incisos tabla tablas anexo anexos apartado
    cuadro considerando fraccion seccion grafica figura capitulo""".split())


def _lo_que_nombra(texto):
    """What a correction names: (kind, number) references and its significant words."""
    plano = fold_acronym(texto or "")
    refs = set()
    for kind, numeros in _REFERENCIA.findall(plano):
        kind = re.sub(r"(e?s)$", "", kind) if kind not in ("antecedentes", "anexos") else kind[:-1]
        for n in re.findall(r"[0-9]+|[ivxlc]+\b|[a-z]\)", numeros):
            refs.add((kind, n))
    palabras = {w for w in _PALABRA.findall(plano) if w not in _COMUNES}
    return refs, palabras


def _por_contenido(atendida, candidatas):
    """The candidates whose content the attended report names best: shared references count
    most, then shared words; [] when nothing is shared or the best is tied."""
    refs, palabras = _lo_que_nombra(atendida[5] if len(atendida) > 5 else None)
    if not refs and not palabras:
        return []
    puntos = []
    for c in candidatas:
        c_refs, c_palabras = _lo_que_nombra(c[6] if len(c) > 6 else None)
        puntos.append((3 * len(refs & c_refs) + len(palabras & c_palabras), c))
    puntos.sort(key=lambda p: -p[0])
    if not puntos or puntos[0][0] < 2 or (len(puntos) > 1 and puntos[1][0] == puntos[0][0]):
        return []
    return [puntos[0][1]]
