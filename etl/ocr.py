"""Scanned actas: the page images of a PDF without a text layer, or a photo (.png, .jpg, .jpeg,
.tif, .tiff), read with Tesseract's Spanish model, cleaned into an acta's text.

    texto = read_scan(path, data)            # the text; ExtractionError with one sentence
    facts = annotate(facts, path)            # adds «ocr» and the avisos of doubtful lines
    imagen, caja = page_image_of_line(path, linea)   # the page a line came from, for review

Why these libraries (see README, «Actas escaneadas»): pytesseract drives the `tesseract` program
of Debian's packages and returns every word with its box and confidence (`image_to_data`), which
is what line numbers, column gaps and doubtful words need; ocrmypdf makes a new PDF with a text
layer and hides the per-word confidences; tesserocr must be compiled against libtesseract.
pypdfium2 renders PDF pages in-process from a wheel (no poppler, no subprocess per page, the page
count before rendering anything).

Each page, before Tesseract: coloured ink (stamps, blue signatures) is whitened, the light is
evened out, the page is binarised (Otsu) and deskewed (projection profile); an upside-down or
sideways page is turned by Tesseract's orientation detection when the first reading is poor.
After Tesseract: words become lines (a wide gap becomes a tab, as in a roster's columns; a wide
vertical gap a blank line), and lines that are stamps or scribbles, page numbers and headers
repeated on every page are dropped; a word hyphenated at a line's end is joined on that line.
Line N of the result is `fuente.linea` N, and `pagina_de_linea[N - 1]` its page.

Pages are read in parallel threads (each runs one `tesseract` process with one OpenMP thread);
the PDF is rendered in the calling thread only, since PDFium is not thread-safe. Bounds: at most
$TABLERO_OCR_PAGINAS pages (100) and $TABLERO_OCR_SEGUNDOS seconds (300) per file. The result
is cached by the file's sha256 in $TABLERO_OCR_CACHE (data/.cache/ocr/<sha256>.json).
"""
import concurrent.futures
import hashlib
import io
import json
import os
import re
import threading
import time
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from etl.errors import ExtractionError
from etl.vocabulario import fold

IMAGENES = ("png", "jpg", "jpeg", "tif", "tiff")
ROOT = Path(__file__).resolve().parent.parent
DPI = 300                       # PDF pages are rendered at this resolution
LADO_MAXIMO = 3400              # a photo's long side is brought down to this (≈ 300 dpi Letter)
IDIOMA = "spa"
PSM = 6                         # one uniform block: a roster's two columns stay one line
PALABRA_DUDOSA = 60             # a word Tesseract gives less than this is doubtful
PAGINA_DUDOSA = 75              # a page whose mean word confidence is below this gets an aviso
VERSION = 3                     # of the cached reading (the raw words); bump when it changes
_PAGE_NUMBER = re.compile(r"^\s*(?:(?:p[áa]gina|p[áa]g\.?|hoja|foja)\s*\d+(?:\s*(?:de|/)\s*\d+)?"
                          r"|[-–—]?\s*\d{1,3}\s*[-–—]?|\d{1,3}\s*(?:de|/)\s*\d{1,3})\s*$",
                          re.IGNORECASE)
_pdfium = threading.Lock()      # PDFium is not thread-safe, even across documents
_memoria = {}                   # sha256 -> Escaneo: the last MEMORIA read in this process
MEMORIA = 16
_progreso = threading.local()


def limite_paginas():
    return _entero("TABLERO_OCR_PAGINAS", 100)


def limite_segundos():
    return _entero("TABLERO_OCR_SEGUNDOS", 300)


def _entero(variable, omision):
    try:
        return max(1, int(os.environ.get(variable, omision)))
    except ValueError:
        return omision


def cache_dir():
    return Path(os.environ.get("TABLERO_OCR_CACHE") or ROOT / "data" / ".cache" / "ocr")


# ---------------------------------------------------------------------------------------------
# The reading of one file


@dataclass
class Escaneo:
    """What OCR read from one file: its raw pages (lines of words with confidences and boxes)
    and, derived from them by `limpiar`, the acta's text with the page of each line."""
    sha256: str
    paginas: list                               # one dict per page, see `_leer_pagina`
    motor: str = ""
    segundos: float = 0.0
    texto: str = field(init=False, default="")
    pagina_de_linea: list = field(init=False, default_factory=list)
    lineas: list = field(init=False, default_factory=list)   # the raw line behind each line

    def __post_init__(self):
        self.texto, self.pagina_de_linea, self.lineas = limpiar(self.paginas)

    def confianza(self, pagina):
        """Mean confidence of the page's words (0-100), None for a page with none."""
        confs = [w[1] for l in self.paginas[pagina - 1]["lineas"] for w in l["palabras"]]
        return sum(confs) / len(confs) if confs else None

    def dudosas(self, linea):
        """Words of line `linea` Tesseract was unsure of, [(word, confidence)]."""
        raw = self.lineas[linea - 1] if 1 <= linea <= len(self.lineas) else None
        return [(w, c) for w, c, *_ in (raw or {}).get("palabras", [])
                if c < PALABRA_DUDOSA and sum(ch.isalnum() for ch in w) >= 1]

    def as_json(self):
        return {"version": VERSION, "motor": self.motor, "sha256": self.sha256,
                "segundos": round(self.segundos, 2), "texto": self.texto,
                "pagina_de_linea": self.pagina_de_linea, "paginas": self.paginas}


def read_scan(path, data):
    """The acta's text read by OCR from the scanned PDF or image `path` (its bytes `data`).
    Reuses the cache; ExtractionError (one Spanish sentence) for too many pages, too long a
    reading, a damaged image or pages with no text at all."""
    return scan(path, data).texto


def scan(path, data):
    """The Escaneo of `path`: from the cache when these bytes were read before."""
    sha = hashlib.sha256(data).hexdigest()
    escaneo = cached(sha)
    if escaneo is None:
        escaneo = _read(Path(path), data, sha)
        _store(escaneo)
    if not escaneo.texto.strip():
        n = len(escaneo.paginas)
        raise ExtractionError(
            f"El archivo {Path(path).name} no tiene texto legible: "
            f"{'su página parece' if n == 1 else f'sus {n} páginas parecen'} en blanco o sin "
            "letras; "
            "revise que el escaneo sea el del acta.")
    return escaneo


def motor():
    """Which Tesseract, model and settings read a cached file: another one reads it again."""
    import pytesseract

    try:
        version = str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        raise ExtractionError("Para leer actas escaneadas falta Tesseract: instálelo con "
                              "./scripts/tablero setup (paquetes tesseract-ocr y "
                              "tesseract-ocr-spa).") from None
    return f"tesseract {version} {IDIOMA} psm{PSM} {DPI}dpi v{VERSION}"


def _read(path, data, sha):
    inicio = time.monotonic()
    paginas = _Paginas(path, data)
    with paginas:
        n = len(paginas)
        if n > limite_paginas():
            raise ExtractionError(
                f"El archivo {path.name} tiene {n} páginas escaneadas y el límite es "
                f"{limite_paginas()}: divídalo en partes más pequeñas o súbalo con su capa de "
                "texto.")
        engine = motor()
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")    # one core per tesseract: pages in parallel
        leidas = _read_pages(path, paginas, n, inicio + limite_segundos())
    return Escaneo(sha, leidas, engine, time.monotonic() - inicio)


def _read_pages(path, paginas, n, plazo):
    """OCR of every page in parallel threads; the page images come from this thread."""
    hilos = max(1, min(len(os.sched_getaffinity(0)), n, _hilos_permitidos()))
    aviso = getattr(_progreso, "funcion", None)
    resultados = [None] * n
    with concurrent.futures.ThreadPoolExecutor(hilos) as pool:
        pendientes, siguiente, hechas = {}, 0, 0
        try:
            while siguiente < n or pendientes:
                while siguiente < n and len(pendientes) < 2 * hilos:
                    imagen = paginas.imagen(siguiente)
                    pendientes[pool.submit(_leer_pagina, imagen, siguiente + 1, plazo)] = siguiente
                    siguiente += 1
                listos, _ = concurrent.futures.wait(pendientes, timeout=max(0.1, plazo - time.monotonic()),
                                                    return_when=concurrent.futures.FIRST_COMPLETED)
                if not listos:
                    raise _Tarde()
                for futuro in listos:
                    resultados[pendientes.pop(futuro)] = futuro.result()
                    hechas += 1
                    if aviso:
                        aviso(path.name, hechas, n)
        except _Tarde:
            for futuro in pendientes:
                futuro.cancel()
            raise ExtractionError(
                f"La lectura por OCR de {path.name} pasó del límite de {limite_segundos()} s "
                f"({n} páginas): divídalo en partes más pequeñas o aumente "
                "TABLERO_OCR_SEGUNDOS.") from None
    return resultados


def _hilos_permitidos():
    """Inside a build's process pool every core already has a worker: one thread per file."""
    import multiprocessing

    return 1 if multiprocessing.current_process().daemon else 64


class _Tarde(Exception):
    """The file's time limit passed."""


@contextmanager
def progreso(funcion):
    """While active, `funcion(archivo, paginas_leidas, paginas)` is called in this thread after
    each page: the CLI's bar, the upload page's progress."""
    anterior = getattr(_progreso, "funcion", None)
    _progreso.funcion = funcion
    try:
        yield
    finally:
        _progreso.funcion = anterior


def progreso_activo():
    """The function `progreso` set in this thread, or None (etl/lectura.py forwards the pages a
    reader worker reports to it)."""
    return getattr(_progreso, "funcion", None)


def barra():
    """A tqdm bar per file on stderr (only on a terminal), for `progreso`."""
    from tqdm import tqdm

    barras = {}

    def avanzar(archivo, hechas, total):
        if archivo not in barras:
            barras[archivo] = tqdm(total=total, desc=f"OCR {archivo}", unit="pág",
                                   leave=False, disable=None)
        barras[archivo].update(hechas - barras[archivo].n)
        if hechas == total:
            barras.pop(archivo).close()
    return avanzar


# ---------------------------------------------------------------------------------------------
# Page images


class _Paginas:
    """The page images of a PDF (rendered at DPI) or of an image file (each TIFF frame a page)."""

    def __init__(self, path, data):
        self.path, self.data = path, data
        self.pdf = path.suffix.lower() == ".pdf"
        self.documento = self.imagen_abierta = None

    def __enter__(self):
        if self.pdf:
            import pypdfium2 as pdfium

            with _pdfium:
                try:
                    self.documento = pdfium.PdfDocument(self.data)
                except pdfium.PdfiumError:
                    raise ExtractionError(f"El PDF {self.path.name} está dañado y no se pudo "
                                          "abrir: vuelva a exportarlo o descárguelo de nuevo."
                                          ) from None
        else:
            self.imagen_abierta = _abrir_imagen(self.path, self.data)
        return self

    def __exit__(self, *exc):
        if self.documento is not None:
            with _pdfium:
                self.documento.close()

    def __len__(self):
        if self.pdf:
            return len(self.documento)
        return getattr(self.imagen_abierta, "n_frames", 1)

    def imagen(self, i):
        if self.pdf:
            with _pdfium:
                return self.documento[i].render(scale=DPI / 72).to_pil()
        from PIL import Image, ImageOps

        try:
            self.imagen_abierta.seek(i)
            imagen = ImageOps.exif_transpose(self.imagen_abierta.convert("RGB"))
        except (OSError, ValueError, Image.DecompressionBombError):
            raise _dañada(self.path) from None
        if max(imagen.size) > LADO_MAXIMO:
            imagen.thumbnail((LADO_MAXIMO, LADO_MAXIMO), Image.LANCZOS)
        return imagen


def _abrir_imagen(path, data):
    from PIL import Image

    try:
        imagen = Image.open(io.BytesIO(data))
        imagen.load()
        return imagen
    except Image.DecompressionBombError:
        raise ExtractionError(f"La imagen {path.name} es demasiado grande para leerla: "
                              "redúzcala a unos 300 ppp y vuelva a cargarla.") from None
    except (OSError, ValueError, SyntaxError):
        raise _dañada(path) from None


def _dañada(path):
    return ExtractionError(f"La imagen {path.name} está dañada o no es una imagen: vuelva a "
                           "escanearla o a exportarla.")


def page_image(path, pagina, dpi=150):
    """Page `pagina` (1-based) of a scanned PDF or image as a PIL image, for review beside the
    OCR text; at `dpi` for a PDF, the photo itself otherwise."""
    path = Path(path)
    paginas = _Paginas(path, path.read_bytes())
    with paginas:
        if not 1 <= pagina <= len(paginas):
            raise ExtractionError(f"El archivo {path.name} no tiene página {pagina}.")
        if paginas.pdf:
            with _pdfium:
                return paginas.documento[pagina - 1].render(scale=dpi / 72).to_pil()
        return paginas.imagen(pagina - 1)


def page_image_of_line(path, linea, dpi=150):
    """(image of the page that line `linea` of the OCR text came from, box of that line on it
    as (left, top, right, bottom) in the image's pixels), or None when the file was not read by
    OCR (not in the cache) or the line is blank."""
    path = Path(path)
    escaneo = cached(hashlib.sha256(path.read_bytes()).hexdigest())
    if escaneo is None or not 1 <= linea <= len(escaneo.lineas) or not escaneo.lineas[linea - 1]:
        return None
    pagina = escaneo.pagina_de_linea[linea - 1]
    imagen = page_image(path, pagina, dpi)
    ancho = escaneo.paginas[pagina - 1]["ancho"]
    escala = imagen.width / ancho if ancho else 1
    caja = tuple(round(v * escala) for v in escaneo.lineas[linea - 1]["caja"])
    return imagen, caja


# ---------------------------------------------------------------------------------------------
# One page through Tesseract


def _leer_pagina(imagen, numero, plazo):
    """One page: {"pagina", "ancho", "alto", "angulo", "giro", "lineas": [{"palabras":
    [[text, conf, left, top, width, height]], "caja": [l, t, r, b]}]}; no lines for a blank page."""
    limpia = _preparar(imagen)
    del imagen
    pagina = {"pagina": numero, "ancho": limpia.width, "alto": limpia.height, "angulo": 0.0,
              "giro": 0, "lineas": []}
    if _en_blanco(limpia):
        return pagina
    angulo = _inclinacion(limpia)
    if abs(angulo) >= 0.1:
        limpia = limpia.rotate(angulo, resample=_bicubic(), fillcolor=255, expand=False)
        pagina["angulo"] = round(angulo, 2)
    lineas = _tesseract(limpia, plazo)
    if _media(lineas) < 50:                    # upside down or sideways? ask Tesseract's OSD
        giro = _orientacion(limpia, plazo)
        if giro:
            giradas = _tesseract(limpia.rotate(-giro, expand=True), plazo)
            if _media(giradas) > _media(lineas):
                lineas, pagina["giro"] = giradas, giro
    pagina["lineas"] = lineas
    return pagina


def _bicubic():
    from PIL import Image
    return Image.BICUBIC


def _preparar(imagen):
    """Grey page where coloured ink is light (stamps, signatures in blue or red: each pixel its
    brightest channel, HSV's value; a black letter under a stamp stays dark), smoothed a little
    (a scanner's grain makes ragged edges: «IEPC» read «JEPC», «9.» read «9,»), the light evened
    out (divided by the paper's local brightness) and binarised by Otsu's threshold."""
    import numpy as np
    from PIL import Image, ImageChops, ImageFilter

    rojo, verde, azul = imagen.convert("RGB").split()
    valor = ImageChops.lighter(ImageChops.lighter(rojo, verde), azul)
    valor = valor.filter(ImageFilter.GaussianBlur(1))  # grain off the letters' edges
    gris = np.asarray(valor)
    pequeña = valor.reduce(8)
    papel = pequeña.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.GaussianBlur(6))
    papel = np.asarray(papel.resize((imagen.width, imagen.height), Image.BILINEAR), np.float32)
    gris = np.clip(gris.astype(np.float32) / np.maximum(papel, 40) * 255, 0, 255).astype(np.uint8)
    return Image.fromarray(np.where(gris < _otsu(gris), 0, 255).astype(np.uint8))


def _otsu(gris):
    import numpy as np

    hist = np.bincount(gris.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    peso = np.cumsum(hist)
    media = np.cumsum(hist * np.arange(256))
    fondo = total - peso
    with np.errstate(divide="ignore", invalid="ignore"):
        entre = (media[-1] * peso / total - media) ** 2 / (peso * fondo)
    entre[~np.isfinite(entre)] = 0
    return int(min(np.argmax(entre), 200))


def _en_blanco(binaria):
    """Less than 0.2 % ink: a blank page (scanner specks only)."""
    import numpy as np

    return float((np.asarray(binaria.reduce(4)) < 128).mean()) < 0.002


def _inclinacion(binaria):
    """The skew angle in degrees (±6) that makes the rows of ink sharpest: PIL rotates by it."""
    import numpy as np
    from PIL import Image

    tinta = Image.fromarray((np.asarray(binaria.reduce(3)) < 128).astype(np.uint8) * 255)

    def nitidez(angulo):
        perfil = np.asarray(tinta.rotate(angulo, resample=Image.NEAREST), np.float32).sum(axis=1)
        return float(np.square(np.diff(perfil)).sum())

    mejor = max((a / 2 for a in range(-12, 13)), key=nitidez)
    return max((mejor + a / 20 for a in range(-10, 11)), key=nitidez)


def _tesseract(imagen, plazo):
    import pytesseract

    restante = plazo - time.monotonic()
    if restante <= 0:
        raise _Tarde()
    try:
        datos = pytesseract.image_to_data(_un_bit(imagen), lang=IDIOMA, config=f"--psm {PSM}",
                                          output_type=pytesseract.Output.DICT,
                                          timeout=restante)
    except pytesseract.TesseractError as error:
        detalle = " ".join(str(error.message).split())[:160]
        raise ExtractionError(f"Tesseract no pudo leer una página del escaneo ({detalle}): "
                              "vuelva a escanearla o guárdela como PDF o PNG.") from None
    except RuntimeError as error:                      # pytesseract's timeout
        if "timeout" in str(error).lower():
            raise _Tarde() from None
        raise
    return _lineas(datos)


def _un_bit(imagen):
    """Black and white in mode «1»: a small, fast PNG for tesseract."""
    from PIL import Image

    return imagen.convert("1", dither=Image.Dither.NONE)


def _orientacion(imagen, plazo):
    """Degrees clockwise the page is turned (0, 90, 180, 270) per Tesseract's OSD; 0 if unsure."""
    import pytesseract

    restante = plazo - time.monotonic()
    if restante <= 0:
        raise _Tarde()
    try:
        osd = pytesseract.image_to_osd(_un_bit(imagen), output_type=pytesseract.Output.DICT,
                                       timeout=restante)
    except pytesseract.TesseractError:
        return 0
    except RuntimeError as error:
        if "timeout" in str(error).lower():
            raise _Tarde() from None
        raise
    return int(osd.get("rotate", 0)) if float(osd.get("orientation_conf", 0)) > 2 else 0


def _lineas(datos):
    """Tesseract's words grouped into its lines, in reading order."""
    lineas = {}
    for i, texto in enumerate(datos["text"]):
        texto = unicodedata.normalize("NFC", texto or "").strip()
        conf = float(datos["conf"][i])
        if not texto or conf < 0:
            continue
        clave = (datos["block_num"][i], datos["par_num"][i], datos["line_num"][i])
        lineas.setdefault(clave, []).append(
            [texto, round(conf, 1), datos["left"][i], datos["top"][i], datos["width"][i],
             datos["height"][i]])
    salida = []
    for clave in sorted(lineas):
        palabras = lineas[clave]
        caja = [min(w[2] for w in palabras), min(w[3] for w in palabras),
                max(w[2] + w[4] for w in palabras), max(w[3] + w[5] for w in palabras)]
        salida.append({"palabras": palabras, "caja": caja})
    return salida


def _media(lineas):
    confs = [w[1] for l in lineas for w in l["palabras"]]
    return sum(confs) / len(confs) if confs else 0.0


# ---------------------------------------------------------------------------------------------
# Raw lines to the acta's text


def limpiar(paginas):
    """(text, page of each line, raw line of each line) from the pages' raw lines: noise lines
    dropped, page numbers and repeated headers dropped, columns as tabs, paragraph gaps as blank
    lines, hyphenated words joined."""
    por_pagina = [[l for l in (_sin_motas(l) for l in p["lineas"]) if l and not _es_ruido(l)]
                  for p in paginas]
    _quitar_numeros_de_pagina(por_pagina)
    _quitar_encabezados(por_pagina)
    textos, numeros, crudas = [], [], []
    for pagina, lineas in zip(paginas, por_pagina):
        paso = _paso_de_linea(lineas)
        anterior = None
        for linea in lineas:
            if anterior is not None and paso and linea["caja"][1] - anterior["caja"][1] > 1.45 * paso:
                textos.append("")
                numeros.append(pagina["pagina"])
                crudas.append(None)
            textos.append(_texto_de_linea(linea))
            numeros.append(pagina["pagina"])
            crudas.append(linea)
            anterior = linea
    _unir_guiones(textos)
    _numerales(textos)
    _consenso(textos, crudas)
    return "\n".join(textos), numeros, crudas


def _sin_motas(linea):
    """The line without specks read as words: punctuation alone that Tesseract doubts, or one or
    two doubtful characters standing apart (at an end of the line or after a wide gap)."""
    palabras = linea["palabras"]
    alto = sorted(w[5] for w in palabras)[len(palabras) // 2]
    quedan = []
    for i, w in enumerate(palabras):
        letras = sum(c.isalnum() for c in w[0])
        if letras == 0 and w[1] < 70:
            continue
        antes = w[2] - (palabras[i - 1][2] + palabras[i - 1][4]) if i else None
        despues = palabras[i + 1][2] - (w[2] + w[4]) if i + 1 < len(palabras) else None
        aparte = any(h is None or h > 2 * alto for h in (antes, despues))
        if letras <= 2 and w[1] < 40 and aparte:
            continue
        quedan.append(w)
    if not quedan:
        return None
    if len(quedan) == len(palabras):
        return linea
    caja = [min(w[2] for w in quedan), min(w[3] for w in quedan),
            max(w[2] + w[4] for w in quedan), max(w[3] + w[5] for w in quedan)]
    return {"palabras": quedan, "caja": caja}


def _es_ruido(linea):
    """A stamp's or a signature's leftovers: no word Tesseract trusts, or no word with two
    letters or digits in a row."""
    palabras = linea["palabras"]
    if all(w[1] < 45 for w in palabras):
        return True
    return not any(re.search(r"\w\w", w[0]) or w[0].isdigit() for w in palabras)


def _quitar_numeros_de_pagina(por_pagina):
    """«Página 2 de 11», «- 2 -», «2» as the first or last two lines of a page."""
    for lineas in por_pagina:
        for indice in sorted({0, 1, len(lineas) - 2, len(lineas) - 1}, reverse=True):
            if 0 <= indice < len(lineas) and _PAGE_NUMBER.match(_texto_plano(lineas[indice])):
                del lineas[indice]


def _quitar_encabezados(por_pagina):
    """A line among the first three of a page that (nearly: OCR varies) repeats at the top of
    at least half the other pages is the page header: dropped after the first page. On the
    first page the letterhead goes only when the acta repeats it as its own heading a few
    lines below («INSTITUTO ELECTORAL …» twice)."""
    cabezas = [[_clave(l) for l in lineas[:3]] for lineas in por_pagina]
    for p, lineas in enumerate(por_pagina):
        quitar = []
        for i, clave in enumerate(cabezas[p]):
            if len(clave) < 6:
                continue
            if p == 0:
                if _repetida_abajo(clave, lineas[i + 1:i + 5]) and \
                        not _texto_plano(lineas[i]).endswith((".", ",", ";", ":")):
                    quitar.append(i)
                continue
            otras = sum(any(_parecidas(clave, c) for c in cabezas[q])
                        for q in range(len(por_pagina)) if q != p)
            if otras >= max(1, (len(por_pagina) - 1) / 2):
                quitar.append(i)
        for i in reversed(quitar):
            del lineas[i]


def _repetida_abajo(clave, siguientes):
    """The page header printed again as the acta's own heading a few lines below it: the same
    words, give or take a letter Tesseract read otherwise."""
    return any(SequenceMatcher(None, clave, _clave(l)).ratio() >= 0.95 for l in siguientes)


def _clave(linea):
    return re.sub(r"[^a-z0-9]", "", fold(_texto_plano(linea)))


def _parecidas(a, b):
    return bool(b) and (a == b or SequenceMatcher(None, a, b).ratio() >= 0.85)


def _paso_de_linea(lineas):
    """The page's usual distance from one line's top to the next (median), or None."""
    pasos = sorted(b["caja"][1] - a["caja"][1] for a, b in zip(lineas, lineas[1:])
                   if b["caja"][1] > a["caja"][1])
    return pasos[len(pasos) // 2] if pasos else None


def _texto_plano(linea):
    return " ".join(w[0] for w in linea["palabras"])


def _texto_de_linea(linea):
    """Words joined by spaces; a gap wider than twice the words' height is a tab (columns)."""
    palabras = linea["palabras"]
    alturas = sorted(w[5] for w in palabras)
    alto = alturas[len(alturas) // 2]
    partes = [_corregir(palabras[0][0])]
    for antes, ahora in zip(palabras, palabras[1:]):
        hueco = ahora[2] - (antes[2] + antes[4])
        partes.append(("\t" if hueco > 2 * alto else " ") + _corregir(ahora[0]))
    return "".join(partes)


_MAYUSCULAS_CON_ELE = re.compile(r"^(?=[^a-km-zñáéíóú]*$)(?=.*[A-ZÁÉÍÓÚÑ].*)[\w.,;:/\-]*l[\w.,;:/\-]*$")
_INSTITUTO_MAL_LEIDO = re.compile(r"^[Jl1|](?=[EN][A-Z]*/[\w.\-]+/)")


def _corregir(palabra):
    """Tesseract's usual slips in Spanish capitals: «l» for «I» inside a word in capitals
    («P.R.l.», «lEPC/UTC/…»); «J» or «1» for the «I» that opens a document key, whose first part
    is the institute («JEPC/UTC/PREP/DICT/001/2021», «JNE/CG/…»: Instituto …); «Á» alone for the
    preposition «A» («- Á favor»), which never takes an accent; «EI» for the article «El»."""
    if palabra in ("Á", "À"):
        return "A"
    if palabra == "EI":                  # «El» with its «l» read as «I»: no Spanish word
        return "El"
    palabra = _INSTITUTO_MAL_LEIDO.sub("I", palabra)
    if "l" in palabra and _MAYUSCULAS_CON_ELE.match(palabra):
        return palabra.replace("l", "I")
    return palabra


_CLAVE = re.compile(r"[A-ZÁÉÍÓÚÑ0-9][A-ZÁÉÍÓÚÑ0-9.\-]*(?:/[A-ZÁÉÍÓÚÑ0-9.\-]+)+")


def _consenso(textos, crudas):
    """A document key the acta repeats is read right most times, and Tesseract is surer of the
    right reading: a form one letter away from another that is at least as frequent and half
    again as trusted (the sum of its words' confidences) takes that form
    («IEPC/UTC/PREP/DlCT/001/2021» at 45 beside «IEPC/UTC/PREP/DICT/001/2021» at 93). Only keys:
    names in capitals differ by one letter and are other people («ALEJANDRO», «ALEJANDRA»);
    and never a digit: «CG13» and «CG14» are two documents."""
    cuenta, peso = Counter(), Counter()
    for linea in crudas:
        for palabra, confianza, *_ in (linea or {}).get("palabras", []):
            for m in _CLAVE.finditer(_corregir(palabra)):
                if m.group().rstrip(".-").count("/") >= 2:
                    cuenta[m.group()] += 1
                    peso[m.group()] += confianza
    arreglos = {}
    for rara, n in cuenta.items():
        usual = max((u for u in cuenta if cuenta[u] >= n and peso[u] >= 1.5 * peso[rara]
                     and _a_una_letra(rara, u)), key=peso.get, default=None)
        if usual:
            arreglos[rara] = usual
    if not arreglos:
        return
    patron = re.compile(r"(?<![\w/.\-])(" + "|".join(map(re.escape, arreglos)) + r")(?![\w/\-])")
    for i, texto in enumerate(textos):
        textos[i] = patron.sub(lambda m: arreglos[m.group(1)], texto)


def _a_una_letra(a, b):
    """One letter replaced, added or dropped (not a digit) turns `a` into `b`."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diferentes = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diferentes) == 1 and not any(c.isdigit() for c in diferentes[0])
    corta, larga = sorted((a, b), key=len)
    for i, c in enumerate(larga):
        if larga[:i] + larga[i + 1:] == corta:
            return not c.isdigit()
    return False


_ROMANO = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_CONFUNDIBLES = str.maketrans("l!|1", "IIII")
_MARCA = re.compile(r"^([IVXl!|1]{1,5})([.,)])(?=\s)")
_MARCA_ARABIGA = re.compile(r"^(\d{1,2}),(?=\s+[A-ZÁÉÍÓÚÑ])")
_PUNTO_ROMANO = re.compile(r"(?<=\b[Pp]unto )([IVXl!|1]{1,5})(?=[\s.,;:])")


def _romano(marca):
    """«ll» → «II», «!ll» → «III», «V» → «V»; None when it is not a Roman numeral once the
    look-alikes are read as «I» (or when it is plainly Arabic, «1»)."""
    if marca.isdigit():
        return None
    romano = marca.translate(_CONFUNDIBLES)
    return romano if romano and _ROMANO.fullmatch(romano) else None


def _numerales(textos):
    """The numbers of an agenda as Tesseract garbles them: a Roman item read with «l», «!» or
    «1» for «I» («ll, Lectura…» → «II. Lectura…»), a comma for the item's dot («V,», «9,»), and
    the «punto !ll» that names one; «1.» before «II.» is the Roman «I.»."""
    for i, texto in enumerate(textos):
        texto = _MARCA_ARABIGA.sub(r"\1.", texto)
        m = _MARCA.match(texto)
        romano = _romano(m.group(1)) if m else None
        if romano:
            texto = romano + (")" if m.group(2) == ")" else ".") + texto[m.end():]
        textos[i] = _PUNTO_ROMANO.sub(lambda m: _romano(m.group(1)) or m.group(1), texto)
    for i, texto in enumerate(textos):
        if texto.startswith("1. ") and any(t.startswith("II. ") for t in textos[i + 1:i + 4]):
            textos[i] = "I." + texto[2:]


def _unir_guiones(textos):
    """«convo-» ⏎ «catoria …»: the word's end moves up to the line where it began, so each
    line keeps whole words and the line count does not change."""
    for i, texto in enumerate(textos):
        if not re.search(r"[a-záéíóúñü]-$", texto):
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(textos))) if textos[k].strip()), None)
        if j is None or not textos[j][:1].islower():
            continue
        resto, _, siguiente = textos[j].partition(" ")
        textos[i] = texto[:-1] + resto
        textos[j] = siguiente


# ---------------------------------------------------------------------------------------------
# Cache


def cached(sha):
    """The Escaneo of these bytes if read before by this same engine, else None."""
    if sha in _memoria:
        return _memoria[sha]
    ruta = cache_dir() / f"{sha}.json"
    try:
        datos = json.loads(ruta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if datos.get("version") != VERSION or not isinstance(datos.get("paginas"), list):
        return None
    try:
        escaneo = Escaneo(sha, datos["paginas"], datos.get("motor", ""), datos.get("segundos", 0))
    except (KeyError, TypeError, IndexError, ValueError):
        return None
    _recordar(escaneo)
    return escaneo


def _recordar(escaneo):
    _memoria[escaneo.sha256] = escaneo
    while len(_memoria) > MEMORIA:
        _memoria.pop(next(iter(_memoria)))


def _store(escaneo):
    """Into the cache folder (atomically) and this process's memory (which is all there is when
    the folder cannot be written)."""
    _recordar(escaneo)
    carpeta = cache_dir()
    tmp = carpeta / f".{escaneo.sha256}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        carpeta.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(escaneo.as_json(), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, carpeta / f"{escaneo.sha256}.json")
    except OSError:
        tmp.unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------
# What the facts owe to OCR


_LISTAS = ("asistentes", "orden_del_dia", "votaciones", "correcciones", "correcciones_atendidas",
           "documentos")


def annotate(facts, path, data=None):
    """For an acta read by OCR: `ocr` (engine, pages, page of each line, mean confidence per
    page), an aviso per page of low confidence, and per fact whose line holds doubtful words a
    `fuente.confianza` (the lowest word confidence) and one aviso per such line. Other actas
    are returned unchanged."""
    path = Path(path)
    if path.suffix.lower().lstrip(".") not in IMAGENES + ("pdf",):
        return facts
    if data is None:
        data = path.read_bytes()
    escaneo = cached(hashlib.sha256(data).hexdigest())
    if escaneo is None:
        return facts
    avisos = facts.setdefault("avisos", [])
    confianzas = {p["pagina"]: escaneo.confianza(p["pagina"]) for p in escaneo.paginas}
    facts["ocr"] = {"motor": escaneo.motor, "paginas": len(escaneo.paginas),
                    "confianza_pagina": {str(p): round(c, 1) for p, c in confianzas.items() if c},
                    "pagina_de_linea": escaneo.pagina_de_linea}
    for pagina, conf in confianzas.items():
        if conf is not None and conf < PAGINA_DUDOSA:
            avisos.append({"mensaje": f"La página {pagina} del escaneo se leyó con confianza baja "
                                      f"(media {conf:.0f} de 100): compare sus datos con el "
                                      "documento.",
                           "linea": _primera_linea(escaneo, pagina)})
    for linea, hechos in _hechos_por_linea(facts).items():
        dudosas = escaneo.dudosas(linea)
        if not dudosas:
            continue
        for _, hecho in hechos:
            hecho["fuente"]["confianza"] = round(min(c for _, c in dudosas))
        palabras = ", ".join(f"«{w}»" for w, _ in dudosas[:4])
        pagina = escaneo.pagina_de_linea[linea - 1]
        avisos.append({"mensaje": f"El OCR leyó con poca confianza {palabras} en la línea {linea} "
                                  f"(página {pagina}): revise contra el escaneo "
                                  f"{_describe(hechos)}.", "linea": linea})
    return facts


def _hechos_por_linea(facts):
    """{line: [(list name, fact)]} of the facts that name their line."""
    por_linea = {}
    for clave in _LISTAS:
        for hecho in facts.get(clave) or []:
            linea = (hecho.get("fuente") or {}).get("linea") if isinstance(hecho, dict) else None
            if isinstance(linea, int):
                por_linea.setdefault(linea, []).append((clave, hecho))
    return dict(sorted(por_linea.items()))


_NOMBRES = {"asistentes": "el asistente", "orden_del_dia": "el punto del orden del día",
            "votaciones": "la votación", "correcciones": "la corrección",
            "correcciones_atendidas": "la corrección atendida", "documentos": "el documento"}


def _describe(hechos):
    """«lo que se leyó ahí (el asistente Ana Pérez; la votación del punto 4)»."""
    partes = []
    for clave, hecho in hechos:
        cual = hecho.get("nombre") or hecho.get("clave") or hecho.get("titulo") or \
            (f"del punto {hecho['punto']}" if hecho.get("punto") is not None else "")
        cual = cual if len(cual) <= 60 else cual[:59].rstrip() + "…"
        partes.append(f"{_NOMBRES[clave]} {cual}".strip())
    return "lo que se leyó ahí (" + "; ".join(dict.fromkeys(partes)) + ")"


def _primera_linea(escaneo, pagina):
    return next((i + 1 for i, p in enumerate(escaneo.pagina_de_linea) if p == pagina), None)
