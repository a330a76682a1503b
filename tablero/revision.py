"""Reviewing an acta: its parse, the staff's corrections from the store, the reviewed facts, and
saving a change. Shared by the page «Revisar acta» and `python -m etl revision …`; no Streamlit.

    parse = parsear(texto, archivo)                         # what the parser reads
    revisados, notas = revisar(parse, almacen.revisiones(sha))
    n = guardar(almacen, sha, archivo, parse, revisados, nuevos, usuario, nombre, nota)
    informe = reconstruir(almacen)                          # the build, so every page sees it

The rules (keys, applying, differences) are etl/revision.py's.
"""
import hashlib
import json
import sys
from pathlib import Path

from etl import revision as reglas
from etl.errors import TableroError
from tablero import db
from tablero.almacen import Almacen


class RevisionError(TableroError):
    """A review that cannot be read or saved."""


def parsear(texto, archivo="el acta"):
    """The parser's facts of an acta's extracted text (what the build applies corrections to),
    parsed in a reader worker with the limits of every reading (etl/lectura.py), never in the
    dashboard's process; TableroError with one Spanish sentence when refused."""
    from etl.lectura import parse_text
    return parse_text(archivo, texto)


def leer_archivo(archivo):
    """(sha256, text, parse) of an acta file, extracted and parsed in a reader worker."""
    from etl.extract import read_bytes
    from etl.lectura import read_file
    datos = read_bytes(archivo)
    texto, parse = read_file(archivo)
    return hashlib.sha256(datos).hexdigest(), texto, parse


def revisar(parse, revisiones):
    """(reviewed facts, notes on corrections that no longer apply or now differ)."""
    return reglas.aplicar(parse, revisiones)


def guardar(almacen, sha256, archivo, parse, actual, revisado, usuario, nombre, nota):
    """Store what staff changed from `actual` (the reviewed facts they saw) to `revisado`; how
    many corrections changed. Only the touched facts are written (etl.revision.cambios)."""
    cambios = reglas.cambios(parse, actual, revisado)
    if not cambios:
        return 0
    return almacen.guardar_revision(sha256, archivo, cambios, usuario, nombre, nota)


def reconstruir(almacen=None, actas=None, base=None):
    """Run the build (under the upload's lock) so every page sees the review; its report."""
    from etl.load import build
    from tablero.carga import candado
    almacen = almacen or Almacen()
    with candado(almacen):
        return build(Path(actas or db.actas_path()), Path(base or db.db_path()), progress=False,
                     almacen=almacen.carpeta)


def exportar(archivo, almacen=None):
    """The reviewed facts of an acta file in the contract's JSON (the shape of `parse`)."""
    almacen = almacen or Almacen()
    sha, _, parse = leer_archivo(archivo)
    revisados, _ = revisar(parse, almacen.revisiones(sha))
    out = {"archivo": str(archivo), "sha256": sha}
    out.update((k, v) for k, v in reglas.sin_origen(revisados).items() if k not in out)
    return out


def aplicar(archivo, revisado, usuario, nota, almacen=None, nombre=None):
    """Record the difference between the parse of `archivo` and the JSON `revisado` as
    corrections (audited, like the page's); how many changed."""
    almacen = almacen or Almacen()
    if not isinstance(revisado, dict) or not isinstance(revisado.get("sesion"), dict):
        raise RevisionError("El JSON revisado no tiene la forma de «python -m etl parse» "
                            "(falta «sesion»): parta de «python -m etl revision exportar».")
    sha, _, parse = leer_archivo(archivo)
    if revisado.get("sha256") not in (None, sha):
        raise RevisionError(f"El JSON revisado es de otra versión del acta (sha256 "
                            f"{str(revisado['sha256'])[:16]}…, el archivo es {sha[:16]}…): "
                            "exporte de nuevo y repita la revisión sobre ésta.")
    actual, _ = revisar(parse, almacen.revisiones(sha))
    revisado = {k: v for k, v in revisado.items() if k not in ("archivo", "sha256")}
    return guardar(almacen, sha, Path(archivo).name, parse, actual, revisado, usuario, nombre,
                   nota)


def cli(args):
    """`python -m etl revision exportar|aplicar …` (etl/cli.py)."""
    if args.accion == "exportar":
        print(json.dumps(exportar(args.archivo), ensure_ascii=False, indent=2))
        return 0
    try:
        revisado = json.loads(Path(args.revisado).read_text(encoding="utf-8"))
    except OSError as error:
        raise RevisionError(f"No se pudo leer {args.revisado} ({error.strerror}).") from None
    except json.JSONDecodeError as error:
        raise RevisionError(f"{args.revisado} no es JSON válido (línea {error.lineno}): "
                            "corríjalo y repita.") from None
    n = aplicar(args.archivo, revisado, args.usuario, args.nota)
    print(f"{n} correcciones registradas para {args.archivo}." if n else
          f"Sin diferencias: nada que registrar para {args.archivo}.")
    if n:
        print("Ejecute «python -m etl build» para que el tablero las muestre.", file=sys.stderr)
    return 0


# ───────────────────────────── The scan beside its OCR text ─────────────────────────────

def escaneo_de_linea(nombre, datos, paginas, linea, dpi=110):
    """For an acta read by OCR: (the band of its scanned page around line `linea` as PNG, the
    whole page as JPEG (a tenth of its PNG's bytes), the page number), the line highlighted where the OCR cache knows its box
    (etl.ocr.page_image_of_line); the page without a mark when the cache is gone. None for an
    acta that was not a scan (`paginas`, actas.paginas, is empty) or a line outside it.

    `datos` are the bytes loaded (archivos.contenido), so the image is the very file the facts
    were read from, whatever happened in the folder since."""
    import tempfile

    from etl import ocr

    if not paginas or linea is None or not 1 <= int(linea) <= len(paginas) or \
            not paginas[int(linea) - 1]:
        return None
    linea, pagina = int(linea), int(paginas[int(linea) - 1])
    with tempfile.TemporaryDirectory(prefix="tablero-escaneo-") as carpeta:
        ruta = Path(carpeta) / f"escaneo{Path(nombre).suffix.lower()}"
        ruta.write_bytes(datos)
        hallado = ocr.page_image_of_line(ruta, linea, dpi)
        imagen, caja = hallado if hallado is not None else (ocr.page_image(ruta, pagina, dpi), None)
    imagen = imagen.convert("RGB")
    if caja is None:
        return None, _bytes(imagen, "JPEG"), pagina
    return _bytes(_franja(imagen, caja), "PNG"), _bytes(_resaltar(imagen, caja), "JPEG"), pagina


def _resaltar(imagen, caja):
    """The page with the line's box under a translucent yellow band and a red outline."""
    from PIL import Image, ImageDraw

    capa = Image.new("RGBA", imagen.size, (0, 0, 0, 0))
    izquierda, arriba, derecha, abajo = caja
    margen = max(2, (abajo - arriba) // 4)
    caja = (max(0, izquierda - margen), max(0, arriba - margen),
            min(imagen.width, derecha + margen), min(imagen.height, abajo + margen))
    dibujo = ImageDraw.Draw(capa)
    dibujo.rectangle(caja, fill=(255, 221, 0, 90), outline=(200, 0, 0, 255), width=2)
    return Image.alpha_composite(imagen.convert("RGBA"), capa).convert("RGB")


def _franja(imagen, caja):
    """The highlighted line with three lines' height of the page above and below, full width."""
    alto = max(1, caja[3] - caja[1])
    return _resaltar(imagen, caja).crop((0, max(0, caja[1] - 3 * alto), imagen.width,
                                         min(imagen.height, caja[3] + 3 * alto)))


def _bytes(imagen, formato):
    import io

    salida = io.BytesIO()
    imagen.save(salida, format=formato, **({"quality": 85} if formato == "JPEG" else {}))
    return salida.getvalue()
