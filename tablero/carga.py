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

EXTENSIONES = (".txt", ".md", ".pdf", ".docx", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
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
        raise CargaError(f"{nombre}: solo se cargan actas .txt, .md, .pdf o .docx, o escaneadas "
                         "como .png, .jpg o .tif.")
    return nombre


def leer(nombre, datos, actas=None, progreso=None):
    """Extract and parse the upload in a reader worker with limits (etl/lectura.py), never in the
    dashboard's own process; TableroError with one sentence if it is refused or is not an acta
    (etl.parse.check_session, the same check as `build`).
    A scan is read by OCR in the worker (cached on disk by its bytes, so «Aceptar» does not read
    it again); the worker reports each page as it is read: `progreso(nombre, pagina, paginas)`."""
    from etl.lectura import read_upload

    nombre = nombre_seguro(nombre)
    _, hechos = read_upload(nombre, datos, al_avanzar=progreso)
    sha = hashlib.sha256(datos).hexdigest()
    situacion, existente = _situacion(Path(actas or db.actas_path()), nombre, datos, sha)
    return Lectura(nombre, datos, sha, hechos, situacion, existente)


def _situacion(actas, nombre, datos, sha):
    destino = actas / nombre
    if destino.exists():
        return (IGUAL, nombre) if destino.read_bytes() == datos else (OTRA, None)
    for otro in sorted(actas.rglob("*")) if actas.is_dir() else []:
        if otro.is_file() and otro.suffix.lower() in EXTENSIONES and \
                not any(p.startswith(".") for p in otro.relative_to(actas).parts) and \
                otro.stat().st_size == len(datos) and \
                hashlib.sha256(otro.read_bytes()).hexdigest() == sha:
            return IGUAL, str(otro.relative_to(actas))
    return NUEVA, None


@contextlib.contextmanager
def candado(almacen):
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
    with candado(almacen):
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
        informe = build(actas, Path(base or db.db_path()), progress=False,
                        almacen=almacen.carpeta)
    almacen.registrar_carga(lectura.nombre, lectura.sha256, usuario, informe.summary())
    return informe


# ───────────────────────────── Withdrawing an acta ─────────────────────────────

RETIRADAS = ".retiradas"      # a hidden folder inside the actas folder: build does not read it


def retirar(archivo, motivo, usuario, nombre=None, actas=None, base=None, almacen=None):
    """Take the acta `archivo` (its path inside the actas folder) out of the tablero: its file is
    moved to .retiradas/ (never deleted), the store records who, when and why, and the database
    is rebuilt without it. `devolver` undoes it. The BuildReport."""
    from etl.load import build

    actas = Path(actas or db.actas_path())
    almacen = almacen or Almacen()
    if not (motivo or "").strip():
        raise CargaError("Escriba el motivo para retirar el acta.")
    with candado(almacen):
        origen = actas / archivo
        if not origen.is_file():
            raise CargaError(f"{archivo} ya no está en la carpeta de actas: no se cambió nada.")
        destino = _libre(actas / RETIRADAS / archivo)
        destino.parent.mkdir(parents=True, exist_ok=True)
        sha = hashlib.sha256(origen.read_bytes()).hexdigest()
        os.replace(origen, destino)
        try:
            almacen.registrar_retiro(archivo, destino.relative_to(actas).as_posix(), sha, motivo,
                                     usuario, nombre)
        except BaseException:
            os.replace(destino, origen)
            raise
        return build(actas, Path(base or db.db_path()), progress=False, almacen=almacen.carpeta)


def devolver(archivo, usuario, nota, actas=None, base=None, almacen=None):
    """Put a withdrawn acta back where it was, audited, and rebuild; the BuildReport."""
    from etl.load import build

    actas = Path(actas or db.actas_path())
    almacen = almacen or Almacen()
    retiradas = almacen.retiradas()
    fila = retiradas[retiradas["archivo"] == archivo]
    if fila.empty:
        raise CargaError(f"{archivo} no está entre las actas retiradas.")
    with candado(almacen):
        guardada, destino = actas / fila["destino"].iloc[0], actas / archivo
        if destino.exists():
            raise CargaError(f"Ya hay un archivo {archivo} en la carpeta de actas: cámbielo de "
                             "nombre antes de devolver el retirado.")
        if not guardada.is_file():
            raise CargaError(f"El archivo retirado ({fila['destino'].iloc[0]}) ya no está en la "
                             "carpeta de actas: búsquelo antes de devolverlo.")
        destino.parent.mkdir(parents=True, exist_ok=True)
        os.replace(guardada, destino)
        almacen.registrar_devolucion(archivo, usuario, nota)
        return build(actas, Path(base or db.db_path()), progress=False, almacen=almacen.carpeta)


def _libre(ruta):
    """`ruta`, or ruta-2, ruta-3 … when it is taken (the same name withdrawn twice)."""
    n, libre = 2, ruta
    while libre.exists():
        libre = ruta.with_name(f"{ruta.stem}-{n}{ruta.suffix}")
        n += 1
    return libre
