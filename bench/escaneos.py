"""Scans made from an acta's text, as an institute publishes the signed paper: the text laid out
on Letter pages (a page header, «Página N de M» at the foot, the roster in two columns at a tab
stop, Markdown bold as bold), each page rendered to an image, then dirtied the way a scanner and
a rubber stamp dirty it (grain, specks, a slight rotation, a blue «RECIBIDO» stamp) and saved as
an image-only PDF: no text layer, so only OCR can read it.

    escanear(lineas, "acta.pdf", semilla=0)          # image-only PDF, 300 dpi
    fotografiar(lineas, "acta.jpg", semilla=0)       # one page, as a phone photo (JPEG)
    escanear_en_blanco("vacias.pdf", paginas=2)      # blank scanned pages

Used by tests/test_ocr.py and bench/ocr.py. Pillow, numpy, fpdf2 and pypdfium2 only.
"""
import io
import re

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DPI = 300
_LATIN1 = {"—": "-", "–": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "\u00a0": " "}
_FUENTE_SELLO = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _latin1(text):
    """Helvetica (a PDF core font) has latin-1's Spanish letters, not typographic punctuation."""
    for char, stand_in in _LATIN1.items():
        text = text.replace(char, stand_in)
    return text.encode("latin-1", "replace").decode("latin-1")


def _plain(line):
    """A Markdown line as printed: no «**», «#», «>» marks; bold when it had them."""
    bold = "**" in line or bool(re.match(r"\s{0,3}#{1,6}\s", line))
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line).replace("**", "").replace("__", "")
    return _latin1(line), bold


def pdf_de_texto(lineas):
    """The acta laid out as a text PDF (bytes): what the institute printed before signing."""
    from fpdf import FPDF

    encabezado = next((_plain(l)[0].strip() for l in lineas if l.strip()), "")

    class Acta(FPDF):
        def header(self):
            self.set_font("Helvetica", "B", 9)
            self.cell(0, 6, encabezado[:110], align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(3)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 8, f"Página {self.page_no()} de {{nb}}", align="R")

    pdf = Acta(format="Letter")
    pdf.alias_nb_pages()
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.add_page()
    columna = _tab_stop(pdf, lineas)
    for line in lineas:
        text, bold = _plain(line)
        pdf.set_font("Helvetica", "B" if bold else "", 10.5)
        if not text.strip():
            pdf.ln(3)
        elif "\t" in text:
            celdas = [c.strip() for c in text.split("\t") if c.strip()]
            x = pdf.l_margin
            for i, celda in enumerate(celdas):
                pdf.set_x(x)
                pdf.cell(0, 5.5, celda)
                x = columna if i == 0 else x + pdf.get_string_width(celda) + 8
            pdf.ln(5.5)
        else:
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _tab_stop(pdf, lineas):
    """Where the second column of a roster starts: past the longest first cell."""
    pdf.set_font("Helvetica", "", 10.5)
    anchos = [pdf.get_string_width(_plain(l)[0].split("\t")[0].strip()) for l in lineas if "\t" in l]
    return pdf.l_margin + min(max(anchos, default=60) + 10, 120)


def paginas(pdf_bytes, dpi=DPI):
    """Each page of a PDF as a white RGB image at `dpi`."""
    import pypdfium2 as pdfium

    documento = pdfium.PdfDocument(pdf_bytes)
    try:
        return [documento[i].render(scale=dpi / 72).to_pil().convert("RGB")
                for i in range(len(documento))]
    finally:
        documento.close()


def ensuciar(imagen, rng, angulo=None, sello=True, ruido=12.0, motas=0.0015):
    """A clean page as the scanner returns it: a rotation of ±1.5° at most, grey grain, dark
    specks, a blue stamp in the lower half. `rng` is a numpy Generator (same seed, same scan)."""
    if sello:
        imagen = _sellar(imagen, rng)
    if angulo is None:
        angulo = float(rng.uniform(-1.5, 1.5))
    imagen = imagen.rotate(angulo, resample=Image.BILINEAR, fillcolor=(255, 255, 255))
    pixeles = np.asarray(imagen).astype(np.int16)
    grano = rng.standard_normal(pixeles.shape[:2], dtype=np.float32) * ruido
    pixeles += grano.astype(np.int16)[..., None]
    alto, ancho = pixeles.shape[:2]
    n = int(alto * ancho * motas)
    pixeles[rng.integers(0, alto, n), rng.integers(0, ancho, n)] = rng.integers(0, 90)
    return Image.fromarray(np.clip(pixeles, 0, 255).astype(np.uint8))


def _sellar(imagen, rng):
    """A round blue «RECIBIDO» stamp with a date, over the right half of the lower page."""
    imagen = imagen.copy()
    ancho, alto = imagen.size
    radio = int(ancho * 0.09)
    cx = int(ancho * rng.uniform(0.6, 0.8))
    cy = int(alto * rng.uniform(0.55, 0.85))
    capa = Image.new("RGBA", imagen.size, (0, 0, 0, 0))
    dibujo = ImageDraw.Draw(capa)
    tinta = (30, 60, 190, 170)
    for grosor in (0, int(radio * 0.12)):
        r = radio - grosor
        dibujo.ellipse([cx - r, cy - r, cx + r, cy + r], outline=tinta, width=max(4, radio // 30))
    fuente = ImageFont.truetype(_FUENTE_SELLO, max(12, radio // 4))
    for texto, dy in (("RECIBIDO", -0.3), ("12 FEB 2021", 0.05), ("OFICIALÍA", 0.4)):
        dibujo.text((cx, cy + dy * radio), texto, font=fuente, fill=tinta, anchor="mm")
    capa = capa.rotate(float(rng.uniform(-25, 25)), center=(cx, cy))
    imagen.paste(capa, (0, 0), capa)
    return imagen


def pdf_de_imagenes(imagenes, destino, dpi=DPI):
    """The images as an image-only PDF (JPEG inside, as scanners write it)."""
    primera, *resto = imagenes
    primera.save(destino, "PDF", resolution=dpi, save_all=True, append_images=resto, quality=80)
    return destino


def escanear(lineas, destino, semilla=0, dpi=DPI):
    """The acta's lines as a dirty image-only PDF at `dpi`; the number of pages."""
    rng = np.random.default_rng(semilla)
    limpias = paginas(pdf_de_texto(lineas), dpi)
    pdf_de_imagenes([ensuciar(p, rng) for p in limpias], destino, dpi)
    return len(limpias)


def fotografiar(lineas, destino, semilla=0):
    """The acta's first page as a phone photo: uneven light, a little blur, rotated, JPEG."""
    rng = np.random.default_rng(semilla)
    pagina = paginas(pdf_de_texto(lineas), 220)[0]
    pagina = ensuciar(pagina, rng, angulo=float(rng.uniform(-2.5, 2.5)), ruido=6, motas=0.0003)
    alto, ancho = pagina.size[1], pagina.size[0]
    luz = np.linspace(1.0, 0.82, ancho)[None, :] * np.linspace(0.97, 0.88, alto)[:, None]
    pixeles = np.asarray(pagina).astype(np.float32) * luz[..., None]
    foto = Image.fromarray(np.clip(pixeles, 0, 255).astype(np.uint8))
    foto = foto.filter(ImageFilter.GaussianBlur(0.7))
    foto.save(destino, "JPEG", quality=85)
    return destino


def escanear_en_blanco(destino, n=2, semilla=0):
    """`n` blank pages with scanner grain only: nothing to read."""
    rng = np.random.default_rng(semilla)
    blanca = Image.new("RGB", (int(8.5 * 150), int(11 * 150)), (250, 250, 248))
    pdf_de_imagenes([ensuciar(blanca, rng, sello=False, ruido=4, motas=0.0002)
                     for _ in range(n)], destino, 150)
    return destino


def imagen_en_bytes(imagen, formato="PNG"):
    salida = io.BytesIO()
    imagen.save(salida, formato)
    return salida.getvalue()
