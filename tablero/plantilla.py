"""The informe's Word template: the institute owns its order, letterhead and fonts; the tablero
fills its fields.

A template is a .docx with Jinja fields, rendered by docxtpl (see README «Informe»): `{{ campo }}`
for a line of text, `{{p campo }}` (alone in its paragraph) for a section the tablero writes as
Word paragraphs, tables and charts. CAMPOS lists every field, what it holds and whether a
template must have it. Which template: $TABLERO_PLANTILLA, else `data/plantillas/informe.docx`
(the one staff upload on the Informe page), else the base template built here
(`plantilla_base()`), which staff can download, edit in Word and upload.

A template that lacks a required field, or names a field the tablero does not know, is refused
with one Spanish sentence naming the field; nothing is rendered.
"""
import io
import os
import re
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, TemplateError, UndefinedError

from etl.errors import TableroError

ROOT = Path(__file__).resolve().parent.parent
PLANTILLA_PERSONAL = ROOT / "data" / "plantillas" / "informe.docx"
LIMITE_BYTES = 20 * 1024 * 1024

# field → (what it holds, required)
CAMPOS = {
    "instituto": ("el nombre del instituto", True),
    "organo": ("el nombre completo del Comité", False),
    "organo_corto": ("el nombre corto del Comité (COTAPREP)", False),
    "proceso": ("el proceso electoral", False),
    "comite": ("el nombre del comité en el tablero («COTAPREP · IEPC Durango · PEL 2020-2021»)", False),
    "titulo": ("el título del informe", False),
    "periodo": ("el periodo («del 1 al 31 de enero de 2021»)", True),
    "fecha_corte": ("la fecha de corte («31 de enero de 2021»)", True),
    "indice": ("el índice: los títulos de primer nivel de la plantilla", False),
    "presentacion": ("la presentación con las cifras del periodo", False),
    "fundamento_legal": ("el fundamento legal (texto del personal)", False),
    "antecedentes": ("los antecedentes (texto del personal)", False),
    "integracion": ("la integración del Comité en el periodo, con cargos en el género de cada persona", True),
    "sesiones": ("las sesiones celebradas", True),
    "asistencia": ("la asistencia de integrantes y representaciones", True),
    "votaciones": ("los acuerdos y votaciones", True),
    "documentos": ("los documentos y sus estados", True),
    "correcciones": ("las correcciones solicitadas y su seguimiento", True),
    "pendientes": ("los asuntos pendientes al corte", False),
    "actividades": ("las actividades sustantivas (texto del personal)", False),
    "recomendaciones": ("las recomendaciones (texto del personal)", False),
    "conclusiones": ("las conclusiones (texto del personal)", False),
    "firmas": ("el bloque de firmas de los integrantes", True),
    "fuentes": ("el anexo de actas consultadas con su SHA-256", True),
}
OBLIGATORIOS = [campo for campo, (_, obligatorio) in CAMPOS.items() if obligatorio]

# The base template's order: (heading, field). A heading of None is a field without heading.
ORDEN_BASE = [
    ("Presentación", "presentacion"),
    ("Fundamento legal", "fundamento_legal"),
    ("Antecedentes", "antecedentes"),
    ("Integración del Comité", "integracion"),
    ("Sesiones celebradas", "sesiones"),
    ("Asistencia", "asistencia"),
    ("Acuerdos y votaciones", "votaciones"),
    ("Documentos y su estado", "documentos"),
    ("Correcciones solicitadas y su seguimiento", "correcciones"),
    ("Asuntos pendientes al corte", "pendientes"),
    ("Actividades sustantivas", "actividades"),
    ("Recomendaciones", "recomendaciones"),
    ("Conclusiones", "conclusiones"),
]
COLOR_TITULOS = RGBColor(0x5A, 0x17, 0x2D)


class PlantillaError(TableroError):
    """The template cannot be used: not a .docx, a field missing or unknown, a Jinja error."""


# --- Which template ---------------------------------------------------------------------------


def ruta_plantilla():
    """The template in use: $TABLERO_PLANTILLA, the staff's upload, or None for the base one."""
    propia = os.environ.get("TABLERO_PLANTILLA")
    if propia:
        return Path(propia)
    return PLANTILLA_PERSONAL if PLANTILLA_PERSONAL.is_file() else None


def bytes_plantilla(ruta=None):
    """The bytes of the template in use (`ruta`, else ruta_plantilla(), else the base one)."""
    ruta = ruta or ruta_plantilla()
    if ruta is None:
        return plantilla_base()
    try:
        return Path(ruta).read_bytes()
    except OSError as error:
        raise PlantillaError(f"No se pudo leer la plantilla del informe {ruta} ({error.strerror}): "
                             "revise la ruta en TABLERO_PLANTILLA o vuelva a subirla.") from None


def verificar(datos):
    """Refuse a template the tablero cannot fill, in one sentence that names the field.
    Returns the set of fields the template uses."""
    if len(datos) > LIMITE_BYTES:
        raise PlantillaError(f"La plantilla pesa más de {LIMITE_BYTES // 2 ** 20} MB: reduzca sus "
                             "imágenes o use otra.")
    if not zipfile.is_zipfile(io.BytesIO(datos)):
        raise PlantillaError("La plantilla no es un documento de Word (.docx): guárdela como "
                             "«Documento de Word» y vuelva a subirla.")
    try:
        usados = DocxTemplate(io.BytesIO(datos)).get_undeclared_template_variables(_entorno())
    except TemplateError as error:
        raise PlantillaError(f"La plantilla tiene un campo mal escrito ({error.message}): revise que "
                             "cada campo esté entre «{{ » y « }}».") from None
    except (KeyError, ValueError, zipfile.BadZipFile):
        raise PlantillaError("La plantilla no es un documento de Word (.docx) válido: ábrala en "
                             "Word, guárdela de nuevo y vuelva a subirla.") from None
    desconocidos = sorted(usados - set(CAMPOS))
    if desconocidos:
        raise PlantillaError(f"La plantilla usa el campo «{desconocidos[0]}», que el tablero no "
                             f"conoce: corríjalo o quítelo (los campos son: {', '.join(CAMPOS)}).")
    for campo in OBLIGATORIOS:
        if campo not in usados:
            raise PlantillaError(f"La plantilla no tiene el campo «{campo}» ({CAMPOS[campo][0]}): "
                                 f"agréguelo como {{{{p {campo} }}}} en un párrafo propio.")
    return usados


def _entorno():
    return Environment(undefined=StrictUndefined, autoescape=False)


# --- Rendering --------------------------------------------------------------------------------


def render(contexto_de, datos):
    """The informe as .docx bytes from the template `datos`: `contexto_de(tpl)` builds the context
    (sections need the template to create their sub-documents). Two passes: the first finds the
    template's first-level headings for the index."""
    verificar(datos)
    tpl = DocxTemplate(io.BytesIO(datos))
    contexto = contexto_de(tpl)
    contexto["indice"] = _indice(tpl, _titulos(datos))
    try:
        tpl.render(contexto, jinja_env=_entorno())
    except UndefinedError as error:
        raise PlantillaError(f"La plantilla usa un dato que el tablero no tiene ({error.message}): "
                             "corríjalo o quítelo.") from None
    except TemplateError as error:
        raise PlantillaError(f"La plantilla no se pudo llenar ({error.message}): revise sus "
                             "campos.") from None
    salida = io.BytesIO()
    tpl.save(salida)
    return tpl, salida.getvalue()


ESTILOS_TITULO = re.compile(r"^(heading|t[ií]tulo)\s*1$", re.I)


def _titulos(datos):
    """The template's first-level headings, as they will read (fields in them are left out)."""
    documento = docx.Document(io.BytesIO(datos))
    titulos = []
    for parrafo in documento.paragraphs:
        if parrafo.style is not None and ESTILOS_TITULO.match(parrafo.style.name or ""):
            texto = re.sub(r"\{[{%#].*?[}%#]\}", "", parrafo.text).strip()
            if texto:
                titulos.append(texto)
    return titulos


def _indice(tpl, titulos):
    sub = tpl.new_subdoc()
    for titulo in titulos:
        parrafo = sub.add_paragraph(titulo)
        parrafo.paragraph_format.space_after = Pt(3)
    return sub


# --- The base template ------------------------------------------------------------------------


def plantilla_base():
    """The base template as .docx bytes: letterhead with the institute's name, cover, index,
    ORDEN_BASE's sections, signatures, the annex of actas. Built in code so it has no binary in
    the repository; staff download it from the Informe page to make their own."""
    documento = docx.Document()
    _estilos(documento)
    _pagina(documento)
    for texto, tamano, negritas, antes in (
            ("{{ instituto }}", 14, True, 36), ("{{ organo }} ({{ organo_corto }})", 12, False, 12),
            ("{{ proceso }}", 12, False, 6), ("INFORME PARCIAL DE ACTIVIDADES", 22, True, 150),
            ("Periodo: {{ periodo }}", 13, False, 24), ("Fecha de corte: {{ fecha_corte }}", 11, False, 150)):
        parrafo = documento.add_paragraph()
        parrafo.alignment = WD_ALIGN_PARAGRAPH.CENTER
        parrafo.paragraph_format.space_before = Pt(antes)
        run = parrafo.add_run(texto)
        run.font.size, run.bold = Pt(tamano), negritas
        if texto.startswith("INFORME"):
            run.font.color.rgb = COLOR_TITULOS
    documento.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    documento.add_paragraph("Índice", style="Title")
    documento.add_paragraph("{{p indice }}")
    documento.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for numero, (titulo, campo) in enumerate(ORDEN_BASE, 1):
        documento.add_heading(f"{numero}. {titulo}", level=1)
        documento.add_paragraph(f"{{{{p {campo} }}}}")
    documento.add_heading("Firmas", level=1)
    documento.add_paragraph("{{p firmas }}")
    documento.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    documento.add_heading("Anexo. Actas consultadas", level=1)
    documento.add_paragraph("{{p fuentes }}")
    salida = io.BytesIO()
    documento.save(salida)
    return salida.getvalue()


def _estilos(documento):
    """Arial, Spanish (Mexico) for the spelling checker, sober headings."""
    normal = documento.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10.5)
    rpr = normal.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), "Arial")
    idioma = OxmlElement("w:lang")
    idioma.set(qn("w:val"), "es-MX")
    rpr.append(idioma)
    for nombre, tamano in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 10.5), ("Title", 16)):
        estilo = documento.styles[nombre]
        estilo.font.name, estilo.font.size = "Arial", Pt(tamano)
        estilo.font.color.rgb = COLOR_TITULOS
        for atributo in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            estilo.element.rPr.rFonts.attrib.pop(qn(atributo), None)
    pie = documento.styles["Caption"]
    pie.font.size, pie.font.bold, pie.font.italic = Pt(9), False, True
    pie.font.color.rgb = RGBColor(0x40, 0x40, 0x40)


def _pagina(documento):
    """Letter paper, 2.5 cm margins; a letterhead with the institute's name and a footer with
    the cut-off and the page number, from the second page on."""
    seccion = documento.sections[0]
    seccion.page_width, seccion.page_height = Cm(21.59), Cm(27.94)
    for margen in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(seccion, margen, Cm(2.5))
    seccion.different_first_page_header_footer = True
    membrete = seccion.header.paragraphs[0]
    membrete.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = membrete.add_run("{{ instituto }} · {{ organo_corto }}")
    run.font.size, run.font.color.rgb = Pt(8), COLOR_TITULOS
    pie = seccion.footer.paragraphs[0]
    pie.alignment = WD_ALIGN_PARAGRAPH.CENTER
    texto = pie.add_run("{{ organo_corto }} · Informe parcial de actividades · corte al "
                        "{{ fecha_corte }} · página ")
    texto.font.size = Pt(8)
    campo(pie, "PAGE").font.size = Pt(8)


def campo(parrafo, instruccion):
    """A Word field (the page number), computed by Word when it lays the page out."""
    run = parrafo.add_run()
    for tipo, texto in (("begin", None), (None, instruccion), ("separate", None), (None, "1"),
                        ("end", None)):
        if tipo:
            elemento = OxmlElement("w:fldChar")
            elemento.set(qn("w:fldCharType"), tipo)
        elif texto == instruccion:
            elemento = OxmlElement("w:instrText")
            elemento.set(qn("xml:space"), "preserve")
            elemento.text = f" {instruccion} "
        else:
            elemento = OxmlElement("w:t")
            elemento.text = texto
        run._r.append(elemento)
    return run


CAMPO_RE = re.compile(r"\{\{p?\s*(\w+)\s*\}\}")


def estructura(datos):
    """The template's order as (heading, field) pairs, for the page's preview: each field with
    the first-level heading above it (None before the first heading)."""
    documento = docx.Document(io.BytesIO(datos))
    titulo, orden = None, []
    for parrafo in documento.paragraphs:
        if parrafo.style is not None and ESTILOS_TITULO.match(parrafo.style.name or ""):
            titulo = re.sub(r"\{[{%#].*?[}%#]\}", "", parrafo.text).strip() or titulo
            continue
        for campo in CAMPO_RE.findall(parrafo.text):
            if campo in CAMPOS and (titulo, campo) not in orden:
                orden.append((titulo, campo))
    return orden


def guardar_personal(datos, usuario, almacen):
    """Staff's own template becomes the one in use (data/plantillas/informe.docx), checked first
    and audited; None restores the base template."""
    from tablero.almacen import Almacen
    if datos is not None:
        verificar(datos)
    PLANTILLA_PERSONAL.parent.mkdir(parents=True, exist_ok=True)
    antes = PLANTILLA_PERSONAL.is_file()
    if datos is None:
        PLANTILLA_PERSONAL.unlink(missing_ok=True)
    else:
        temporal = PLANTILLA_PERSONAL.with_suffix(".docx.nueva")
        temporal.write_bytes(datos)
        os.replace(temporal, PLANTILLA_PERSONAL)
    with almacen.transaccion() as con:
        Almacen.auditar(con, usuario, "plantilla", str(PLANTILLA_PERSONAL),
                        "propia" if antes else "base", "base" if datos is None else "propia")
