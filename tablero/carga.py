"""Adding an acta from the dashboard: read an uploaded file without changing anything, then, when
staff accept it, save it in the actas folder and rebuild the database. No Streamlit here.

    lectura = leer("acta.txt", datos)        # TableroError with one Spanish line if it is no acta
    informe = aceptar(lectura, usuario)      # saves, runs etl.load.build, audits; BuildReport

Saving and building hold an exclusive lock (fcntl) on a file beside the store, so two staff
accepting at once build one after the other instead of racing to swap the database.
"""
import contextlib
import fcntl
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from etl.errors import TableroError
from tablero import db
from tablero.almacen import Almacen

EXTENSIONES = (".txt", ".md", ".pdf", ".docx")
NUEVA, IGUAL, OTRA = "nueva", "igual", "otra"


class CargaError(TableroError):
    """The uploaded file cannot be added."""


@dataclass
class Lectura:
    """What was read from an uploaded file, before anything changes."""
    nombre: str
    datos: bytes
    sha256: str
    hechos: dict
    situacion: str          # nueva, igual (same bytes already there), otra (same name, other bytes)
    existente: str = None   # the file in the folder with the same bytes, when situacion = igual


def nombre_seguro(nombre):
    """The file's own name, without folders, control characters (a newline would split the build
    summary) or more than 150 bytes; CargaError for a type build does not read."""
    from etl.lectura import corto
    nombre = Path(nombre or "").name.strip()
    nombre = corto(nombre).strip() if nombre else nombre
    if not nombre or nombre.startswith("."):
        raise CargaError("El archivo no tiene nombre: cárguelo de nuevo.")
    if Path(nombre).suffix.lower() not in EXTENSIONES:
        raise CargaError(f"{nombre}: solo se cargan actas .txt, .md, .pdf o .docx.")
    return nombre


def leer(nombre, datos, actas=None):
    """Extract and parse the upload in a reader worker with limits (etl/lectura.py), never in the
    dashboard's own process; TableroError with one sentence if it is not an acta or is refused."""
    from etl.lectura import read_upload

    nombre = nombre_seguro(nombre)
    _, hechos = read_upload(nombre, datos)
    sha = hashlib.sha256(datos).hexdigest()
    situacion, existente = _situacion(Path(actas or db.actas_path()), nombre, datos, sha)
    return Lectura(nombre, datos, sha, hechos, situacion, existente)


def _situacion(actas, nombre, datos, sha):
    destino = actas / nombre
    if destino.exists():
        return (IGUAL, nombre) if destino.read_bytes() == datos else (OTRA, None)
    for otro in sorted(actas.rglob("*")) if actas.is_dir() else []:
        if otro.is_file() and otro.suffix.lower() in EXTENSIONES and \
                otro.stat().st_size == len(datos) and \
                hashlib.sha256(otro.read_bytes()).hexdigest() == sha:
            return IGUAL, str(otro.relative_to(actas))
    return NUEVA, None


@contextlib.contextmanager
def _candado(almacen):
    almacen.carpeta.mkdir(parents=True, exist_ok=True)
    with open(almacen.carpeta / "carga.lock", "w") as candado:
        fcntl.flock(candado, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(candado, fcntl.LOCK_UN)


def aceptar(lectura, usuario, actas=None, base=None, almacen=None):
    """Save the file (never over a different one), rebuild the database, audit; the BuildReport."""
    from etl.load import build

    actas = Path(actas or db.actas_path())
    almacen = almacen or Almacen()
    if lectura.situacion == IGUAL:
        raise CargaError(f"Esta acta ya está en la carpeta, con los mismos bytes: "
                         f"{lectura.existente}. No se cambió nada.")
    with _candado(almacen):
        destino = actas / lectura.nombre
        actas.mkdir(parents=True, exist_ok=True)
        try:
            with open(destino, "xb") as archivo:     # "x": never over a file that appeared since
                archivo.write(lectura.datos)
                archivo.flush()
                os.fsync(archivo.fileno())
        except FileExistsError:
            raise CargaError(f"Ya hay otro archivo llamado {lectura.nombre} en la carpeta de "
                             "actas, con otro contenido: cambie el nombre y cárguelo de nuevo."
                             ) from None
        informe = build(actas, Path(base or db.db_path()), progress=False)
    almacen.registrar_carga(lectura.nombre, lectura.sha256, usuario, informe.summary())
    return informe
