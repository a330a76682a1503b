"""Reading actas in worker processes with limits: one bad file is refused in one Spanish sentence
and the rest of the folder loads.

    leidos = read_files(paths)          # [(text, facts, index rows) or (None, reason, None)]
    text, facts = read_upload(nombre, datos)   # the upload page: TableroError when refused
    text, facts = read_file(path)              # one file, not annotated (`etl revision`)
    facts = parse_text(nombre, texto)          # text already extracted («Revisar acta»)

A scan is read by OCR page by page; the worker reports each page as it goes (`al_avanzar(nombre,
page, pages)` in the caller: the upload page's bar, the terminal's), and the limits still hold.

Each file is extracted and parsed in a worker process (etl/aislado.py) that the operating system
holds to LIMITE_MEMORIA_MB of memory; each file gets LIMITE_SEGUNDOS of processor time (the kernel
stops the worker past it, even inside one long regular expression) and of wall-clock time (the
caller kills the worker). A killed worker is replaced and the next file goes on. Size limits are
checked before anything is read: bytes per file (LIMITE_MB, here and in etl/extract.py) and, in a
.docx, the uncompressed size each member declares (etl/extract.py).

Every limit can be changed with an environment variable (see README «Límites»).
"""
import os
import resource
import select
import tempfile
import time
import unicodedata
from pathlib import Path

from etl import aislado
from etl.errors import ExtractionError, TableroError


def _entorno(nombre, defecto):
    valor = os.environ.get(nombre, "").strip()
    try:
        return type(defecto)(valor) if valor else defecto
    except ValueError:
        return defecto


LIMITE_MB = _entorno("TABLERO_ACTA_MB", 50)                       # bytes of one file
LIMITE_SEGUNDOS = _entorno("TABLERO_ACTA_SEGUNDOS", 120)         # to read one file
LIMITE_MEMORIA_MB = _entorno("TABLERO_LECTOR_MEMORIA_MB", 1024)  # of one worker
TRABAJADORES_MAX = 8


# -- File names as people see them ---------------------------------------------------------------

def visible(nombre):
    """A file name fit to print on one line: control characters (a newline, a tab, the line
    separators) become «�», and a very long name is cut in the middle."""
    limpio = sin_control(nombre)
    return limpio if len(limpio) <= 120 else f"{limpio[:80]}…{limpio[-30:]}"


def sin_control(texto):
    """A sentence on one line: control characters (a newline in a file name) become «�»."""
    return "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                   for c in str(texto))


def corto(nombre, maximo=150):
    """A printable file name of at most `maximo` bytes, its extension kept."""
    nombre = sin_control(nombre).replace("/", "\ufffd")
    sufijo = Path(nombre).suffix if len(Path(nombre).suffix) <= 10 else ""
    tronco = nombre[:len(nombre) - len(sufijo)] if sufijo else nombre
    while len((tronco + sufijo).encode("utf-8")) > maximo:
        tronco = tronco[:-1]
    return (tronco.rstrip() or "acta") + sufijo


# -- Sentences -----------------------------------------------------------------------------------

def too_big(nombre, tamano, limite_mb=None):
    limite_mb = limite_mb or LIMITE_MB
    return (f"El archivo {visible(nombre)} pesa {tamano / 2**20:.1f} MB y el límite es {limite_mb} MB "
            f"por acta: no se leyó; guárdelo sin imágenes o divídalo (o suba TABLERO_ACTA_MB).")


def _por_tiempo(nombre, segundos):
    unidad = "segundo" if segundos == 1 else "segundos"
    return (f"La lectura de {visible(nombre)} superó el límite de {segundos} {unidad} y se detuvo: "
            "revise que sea un acta y no un archivo enorme o dañado (o suba TABLERO_ACTA_SEGUNDOS).")


def _por_memoria(nombre, mb):
    return (f"La lectura de {visible(nombre)} necesitó más de {mb} MB de memoria y se detuvo: revise "
            "que sea un acta y no un archivo enorme o dañado (o suba TABLERO_LECTOR_MEMORIA_MB).")


# -- In the worker -------------------------------------------------------------------------------

_catalogo = None


def _catalog():
    global _catalogo
    if _catalogo is None:
        from etl.partidos import load_catalogo
        _catalogo = load_catalogo()
    return _catalogo


def read_acta(path, nombre=None, memoria_mb=None, anotar=True):
    """(text, facts, search index rows) of one file, or (None, reason, None). Never raises: one
    bad file must not stop the others. Runs in the worker. `anotar`: the OCR's confidence on the
    facts of a scan (etl.ocr.annotate), as the build stores them."""
    def leer():
        from etl import busqueda, ocr
        from etl.extract import extract_text
        text = extract_text(path)
        facts, filas = busqueda.parse_con_indice(text, _catalog())
        from etl.parse import check_session
        check_session(facts, visible(nombre or Path(path).name))
        return text, ocr.annotate(facts, path) if anotar else facts, filas
    return _sin_excepcion(leer, nombre or Path(path).name, memoria_mb)


def _parse_text(nombre, texto, memoria_mb):
    """(text, facts, None) of text already extracted (the database's copy of an acta), or (None,
    reason, None). Runs in the worker."""
    def leer():
        from etl.parse import parse_acta
        return texto, parse_acta(texto, _catalog()), None
    return _sin_excepcion(leer, nombre, memoria_mb)


def _sin_excepcion(leer, nombre, memoria_mb):
    try:
        return leer()
    except ImportError as error:
        return None, f"El lector de actas (etl/parse.py) no se pudo cargar ({error}).", None
    except TableroError as error:
        return None, str(error), None
    except MemoryError:
        return None, _por_memoria(nombre, memoria_mb or LIMITE_MEMORIA_MB), None
    except Exception as error:  # a parser bug must become one line, not a stopped build
        return None, unexpected(error), None


def unexpected(error):
    """One Spanish line for a failure nobody expected."""
    detail = " ".join(str(error).split())[:200]
    return (f"Fallo inesperado ({type(error).__name__}: {detail}); "
            "avise a quien mantiene el tablero.")


_AVANCE, _FIN = "avance", "fin"     # the worker's messages: a page read; the file's reading


def serve_reader(canal):
    """The worker's loop (etl.aislado runs it): a path, (name, bytes) of an upload, or (name,
    text) to parse, in; («avance», name, page, pages) after each page a scan's OCR reads, then
    («fin», reading, peak memory) out; the processor-time limit set again before each file."""
    from etl import ocr

    while True:
        try:
            pedido = aislado.recibir(canal)
        except (EOFError, OSError):
            return
        aislado.limitar_cpu(pedido["segundos"])
        _entorno_de(pedido)
        nombre = pedido.get("nombre")

        def avanzar(_archivo, hechas, total):
            aislado.enviar(canal, (_AVANCE, nombre, hechas, total))

        with ocr.progreso(avanzar):
            if "texto" in pedido:
                resultado = _parse_text(nombre, pedido["texto"], pedido["memoria_mb"])
            elif "datos" in pedido:
                resultado = _read_bytes(nombre, pedido["datos"], pedido["memoria_mb"])
            else:
                resultado = read_acta(pedido["path"], nombre, pedido["memoria_mb"],
                                      pedido.get("anotar", True))
        pico = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        aislado.enviar(canal, (_FIN, resultado, pico))


def _entorno_de(pedido):
    """The caller's TABLERO_* settings and size limit, which may have changed since the fork
    server started (the OCR page limit, TABLERO_ACTA_MB…)."""
    global LIMITE_MB
    for clave in [c for c in os.environ if c.startswith("TABLERO_") and c not in pedido["entorno"]]:
        del os.environ[clave]
    os.environ.update(pedido["entorno"])
    LIMITE_MB = pedido["limite_mb"]


def _read_bytes(nombre, datos, memoria_mb):
    """An upload: written in a private folder under its own name made short and printable (a
    300-character name or a newline in it can do nothing), read as that file."""
    with tempfile.TemporaryDirectory(prefix="tablero-carga-") as carpeta:
        ruta = Path(carpeta) / corto(Path(nombre).name)
        ruta.write_bytes(datos)
        return read_acta(ruta, memoria_mb=memoria_mb)


def precargar():
    """What every reader needs, imported once in the fork server (etl/aislado.py)."""
    import docx  # noqa: F401
    import pypdf  # noqa: F401
    from lxml import etree  # noqa: F401

    import etl.busqueda  # noqa: F401
    import etl.extract  # noqa: F401
    import etl.parse  # noqa: F401
    import etl.partidos  # noqa: F401   (the catalog itself is read by each worker: it may change)


# -- In the caller -------------------------------------------------------------------------------

class _Trabajador:
    def __init__(self):
        self.hijo = aislado.Hijo("etl.lectura", "serve_reader", memoria=LIMITE_MEMORIA_MB * 2**20)
        self.tarea = None       # (index, name, deadline)

    def dar(self, indice, pedido, nombre, segundos):
        self.tarea = (indice, nombre, time.monotonic() + reloj(nombre, segundos))
        entorno = {c: v for c, v in os.environ.items() if c.startswith("TABLERO_")}
        self.hijo.enviar(dict(pedido, segundos=segundos, memoria_mb=LIMITE_MEMORIA_MB,
                              limite_mb=LIMITE_MB, entorno=entorno))


def reloj(nombre, segundos):
    """Wall-clock seconds a worker gets for one file: its processor time plus 5 s; a scan (.pdf or
    an image) may wait on Tesseract, whose processor time is not the worker's, up to the OCR's
    own limit (TABLERO_OCR_SEGUNDOS, which stops it first with its own sentence)."""
    from etl import ocr
    if Path(str(nombre)).suffix.lower().lstrip(".") in ocr.IMAGENES + ("pdf",):
        return max(segundos, ocr.limite_segundos()) + 5
    return segundos + 5


def read_files(paths, nombres=None, segundos=None, trabajadores=None, al_leer=None,
               al_avanzar=None):
    """read_acta over `paths` in workers; [(text, facts, index rows) or (None, reason, None)] in
    order. `al_leer(reading)` is called once per file read (a progress bar); `al_avanzar(name,
    page, pages)` after each page of a scan read by OCR (by default the function the caller's
    thread gave etl.ocr.progreso, as the command line does)."""
    segundos = segundos or LIMITE_SEGUNDOS
    nombres = nombres or [Path(p).name for p in paths]
    pedidos = [({"path": str(p), "nombre": n}, n) for p, n in zip(paths, nombres)]
    return _run(pedidos, segundos, trabajadores, al_leer, al_avanzar)


def read_upload(nombre, datos, segundos=None, al_avanzar=None):
    """(text, facts) of an uploaded file, read in a worker; TableroError with the sentence.
    `al_avanzar(name, page, pages)`: each page of a scan as the OCR reads it."""
    if len(datos) > LIMITE_MB * 2**20:
        raise ExtractionError(too_big(nombre, len(datos)))
    return _uno({"nombre": nombre, "datos": datos}, nombre, segundos, al_avanzar)[:2]


def read_file(path, segundos=None, al_avanzar=None):
    """(text, facts) of one file, read in a worker like the build's, without the OCR's notes on
    the facts (what a review compares); TableroError with the sentence when refused."""
    nombre = Path(path).name
    return _uno({"path": str(path), "nombre": nombre, "anotar": False}, nombre, segundos,
                al_avanzar)[:2]


def parse_text(nombre, texto, segundos=None):
    """The facts of an acta's text already extracted (the database keeps it), parsed in a worker
    with the same limits as a file; TableroError with the sentence when refused."""
    tamano = len(texto.encode("utf-8", "surrogatepass"))
    if tamano > LIMITE_MB * 2**20:
        raise ExtractionError(too_big(nombre, tamano))
    return _uno({"nombre": nombre, "texto": texto}, nombre, segundos, None)[1]


def _uno(pedido, nombre, segundos, al_avanzar):
    [(texto, hechos, filas)] = _run([(pedido, nombre)], segundos or LIMITE_SEGUNDOS, 1, None,
                                    al_avanzar)
    if texto is None:
        raise ExtractionError(hechos)
    return texto, hechos, filas


def _run(pedidos, segundos, trabajadores, al_leer, al_avanzar=None):
    global pico_kb
    pico_kb = 0
    if al_avanzar is None:
        from etl import ocr
        al_avanzar = ocr.progreso_activo()
    resultados = [None] * len(pedidos)
    if not pedidos:
        return resultados
    n = trabajadores or min(len(pedidos), len(os.sched_getaffinity(0)), TRABAJADORES_MAX)
    pendientes = list(range(len(pedidos)))[::-1]
    activos = []
    try:
        for _ in range(n):
            if pendientes:
                activos.append(_start(_Trabajador(), pendientes, pedidos, segundos))
        while activos:
            plazo = min(t.tarea[2] for t in activos)
            listos = select.select([t.hijo.canal for t in activos], [], [],
                                   max(0, plazo - time.monotonic()))[0]
            for trabajador in list(activos):
                if trabajador.hijo.canal not in listos and time.monotonic() < trabajador.tarea[2]:
                    continue
                recogido = _collect(trabajador, segundos, al_avanzar)
                if recogido is None:
                    continue            # a page of a scan: the file is still being read
                indice, resultado, vivo = recogido
                resultados[indice] = resultado
                if al_leer:
                    al_leer(resultado)
                activos.remove(trabajador)
                if pendientes:
                    activos.append(_start(trabajador if vivo else _Trabajador(), pendientes,
                                          pedidos, segundos))
                elif vivo:
                    trabajador.hijo.cerrar()
    finally:
        for trabajador in activos:
            trabajador.hijo.matar()
    return resultados


pico_kb = 0     # the highest peak memory (KB) a worker reported in the last read_files/read_upload


def _pico(kb):
    global pico_kb
    pico_kb = max(pico_kb, kb or 0)


def _start(trabajador, pendientes, pedidos, segundos):
    indice = pendientes.pop()
    pedido, nombre = pedidos[indice]
    try:
        trabajador.dar(indice, pedido, nombre, segundos)
    except aislado.Caido:          # it died between two files: a fresh one takes the file
        trabajador = _Trabajador()
        trabajador.dar(indice, pedido, nombre, segundos)
    return trabajador


def _collect(trabajador, segundos, al_avanzar=None):
    """(index, result, worker still usable); None after a message that a page was read (passed
    to `al_avanzar`)."""
    indice, nombre, vence = trabajador.tarea
    try:
        mensaje = trabajador.hijo.recibir(vence)
        if mensaje[0] == _AVANCE:
            if al_avanzar:
                al_avanzar(*mensaje[1:])
            return None
        _, resultado, pico = mensaje
        _pico(pico)
        return indice, resultado, True
    except aislado.Vencido:
        _pico(trabajador.hijo.medir())
        trabajador.hijo.matar()
        return indice, (None, _por_tiempo(nombre, segundos), None), False
    except aislado.Caido as caido:
        if caido.por_tiempo:
            return indice, (None, _por_tiempo(nombre, segundos), None), False
        return indice, (None, _por_memoria(nombre, LIMITE_MEMORIA_MB), None), False
