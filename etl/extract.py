"""A file in, the text of the acta out: .txt and .md (UTF-8, UTF-16 or cp1252/latin-1), the text
layer of a .pdf, the paragraphs and table rows of a .docx; a scan (a PDF without a text layer, or
a .png, .jpg, .jpeg, .tif, .tiff image) is read by OCR (etl/ocr.py).

Lines are kept as the file has them (the parser's `fuente.linea` is the 1-based line of this text);
only line endings are made `\\n`. Every failure is an ExtractionError with one Spanish sentence that
says what to do.
"""
import os
import re
from pathlib import Path

from etl.errors import ExtractionError
from etl.ocr import IMAGENES

FORMATOS = ("txt", "md", "pdf", "docx") + IMAGENES
SAVE_AS = "guarde el acta como .txt, .md, .pdf o .docx"

# Characters `str.splitlines()` breaks on besides \n: made \n so that splitlines() and
# split("\n") count the same lines.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# UTF-8 read as cp1252 and saved again («AsesorÃ­a», «TÃ‰CNICO»): the lead byte Ã or Â
# followed by a continuation character.
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u20ac\u2122]")

_ODD = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")


def extract_text(path):
    """The text of the acta at `path`, or ExtractionError saying what to do."""
    path = Path(path)
    formato = path.suffix.lower().lstrip(".")
    if formato not in FORMATOS:
        shown = f"«.{formato}»" if formato else "sin extensión"
        raise ExtractionError(f"El archivo {path.name} tiene un formato que no se puede leer "
                              f"({shown}): {SAVE_AS}, o escaneada como .pdf, .png, .jpg o "
                              ".tif.")
    data = read_bytes(path)
    if not data.strip():
        raise ExtractionError(f"El archivo {path.name} está vacío: no tiene texto que leer; "
                              "reemplácelo por el acta completa.")
    reader = {"pdf": _pdf_text, "docx": _docx_text}.get(formato, _plain_text)
    if formato in IMAGENES:
        reader = _scan_text
    text = normalise_newlines(reader(path, data))
    if not text.strip():
        raise ExtractionError(f"El archivo {path.name} no tiene texto: "
                              "reemplácelo por el acta completa.")
    return text


def read_bytes(path):
    """The file's bytes, or ExtractionError when it is missing or cannot be read."""
    path = Path(path)
    try:
        _check_size(path)
        return path.read_bytes()
    except FileNotFoundError:
        raise ExtractionError(f"No existe el archivo {path}: revise la ruta.") from None
    except IsADirectoryError:
        raise ExtractionError(f"{path} es una carpeta, no un acta: indique un archivo.") from None
    except OSError as error:
        raise ExtractionError(f"No se pudo leer el archivo {path.name} ({error.strerror}): "
                              "compruebe que existe y que tiene permiso de lectura.") from None


def _check_size(path):
    """Refuse a file past the per-acta limit before reading a byte of it (etl/lectura.py)."""
    from etl.lectura import LIMITE_MB, too_big
    size = path.stat().st_size
    if size > LIMITE_MB * 2**20:
        raise ExtractionError(too_big(path.name, size))


def normalise_newlines(text):
    """\\r\\n, \\r and the other line separators become \\n; a leading BOM goes."""
    return _LINE_BREAKS.sub("\n", text.lstrip("\ufeff"))


def _plain_text(path, data):
    """Decode a .txt or .md: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/latin-1.
    Binary data (NUL bytes, control characters) is refused rather than decoded into noise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _check_plausible(path, _decode(data, "utf-16"))
    if b"\x00" in data:
        raise _binary(path)
    text = _decode(data, "utf-8-sig")
    if text is not None:
        return _check_plausible(path, _repair_mojibake(text))
    text = _decode(data, "cp1252") or data.decode("latin-1")
    return _check_plausible(path, text)


def _decode(data, encoding):
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _repair_mojibake(text):
    """UTF-8 that was once decoded as cp1252 and saved again reads «SESIÃ“N»: undo that when the
    whole text round-trips and the repair removes every such pair."""
    if len(_MOJIBAKE.findall(text)) < 3:
        return text
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text
    return repaired if not _MOJIBAKE.search(repaired) else text


def _check_plausible(path, text):
    """Text, not bytes that happened to decode: at most 2 % control characters, replacement
    marks or private-use code points (random bytes read as cp1252 give about 10 %)."""
    if not text:
        raise _binary(path)
    if len(_ODD.findall(text)) / len(text) > 0.02:
        raise _binary(path)
    return text


def _binary(path):
    return ExtractionError(f"El archivo {path.name} no es texto legible (contiene datos binarios): "
                           f"{SAVE_AS}.")


def _pdf_text(path, data):
    """The text layer of every page, pages joined by a line break."""
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    # pypdf logs its repairs («EOF marker not found») to stderr; a person sees only our sentence.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError:
        raise ExtractionError(f"El PDF {path.name} está protegido con contraseña: "
                              "guárdelo sin protección y vuelva a intentarlo.") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError):
        raise ExtractionError(f"El PDF {path.name} está dañado y no se pudo abrir: "
                              "vuelva a exportarlo o descárguelo de nuevo.") from None
    if not "".join(pages).strip():      # no text layer: a scan
        return _scan_text(path, data)
    return "\n".join(pages)


def _scan_text(path, data):
    """A scanned PDF or a photo, read by OCR (cached by its bytes)."""
    from etl.ocr import read_scan

    return read_scan(path, data)


def _docx_text(path, data):
    """Paragraphs in order; each table row one line with its cells joined by a tab, so a roster
    kept in a table reads like the tab-aligned columns of a .txt acta."""
    import io
    import zipfile

    import docx
    from docx.table import Table

    from lxml.etree import XMLSyntaxError

    _check_docx(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, XMLSyntaxError):
        raise ExtractionError(f"El documento {path.name} está dañado o no es un .docx: "
                              "ábralo y guárdelo de nuevo como .docx.") from None
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_rows(block))
        else:
            lines.append(block.text)
    return "\n".join(lines)


DOCX_MIEMBRO_MB = int(os.environ.get("TABLERO_DOCX_MIEMBRO_MB") or 25)
DOCX_TOTAL_MB = int(os.environ.get("TABLERO_DOCX_TOTAL_MB") or 100)
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _check_docx(path, data):
    """A .docx is a zip: before anything is inflated, the uncompressed size each member declares
    (zipfile never inflates past it: a member that lies fails its CRC) must stay under
    DOCX_MIEMBRO_MB, and all of them under DOCX_TOTAL_MB: a 1.6 MB zip bomb declares gigabytes.
    Then no XML part may carry a DTD: Word never writes one, and entity definitions are how a
    «billion laughs» file grows to gigabytes in the XML parser."""
    import io
    import zipfile

    damaged = ExtractionError(f"El documento {path.name} está dañado o no es un .docx: "
                              "ábralo y guárdelo de nuevo como .docx.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise damaged from None
    largest = max(members, key=lambda m: m.file_size, default=None)
    if largest and largest.file_size > DOCX_MIEMBRO_MB * 2**20:
        raise ExtractionError(
            f"El documento {path.name} declara {largest.file_size / 2**20:,.0f} MB sin comprimir en "
            f"una parte ({largest.filename}) y el límite es {DOCX_MIEMBRO_MB} MB: no se abrió; "
            "guárdelo de nuevo desde Word sin imágenes grandes (o suba TABLERO_DOCX_MIEMBRO_MB).")
    total = sum(m.file_size for m in members)
    if total > DOCX_TOTAL_MB * 2**20:
        raise ExtractionError(
            f"El documento {path.name} declara {total / 2**20:,.0f} MB sin comprimir y el límite es "
            f"{DOCX_TOTAL_MB} MB: no se abrió; guárdelo de nuevo desde Word sin imágenes grandes "
            "(o suba TABLERO_DOCX_TOTAL_MB).")
    for member in members:
        if member.filename.lower().endswith((".xml", ".rels")):
            try:
                head = archive.read(member)
            except (zipfile.BadZipFile, ValueError, OSError, KeyError):
                raise damaged from None
            if _DTD.search(head) or _DTD.search(head.decode("utf-16", "ignore").encode()
                                                if head[:2] in (b"\xff\xfe", b"\xfe\xff") else b""):
                raise ExtractionError(
                    f"El documento {path.name} contiene definiciones de entidades XML (DTD), que "
                    "Word nunca escribe: no se abrió por seguridad; ábralo y guárdelo de nuevo "
                    "como .docx.")


def _table_rows(table):
    """One line per row, a merged cell counted once, a cell's own line breaks made spaces."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        rows.append("\t".join(cells))
    return rows
