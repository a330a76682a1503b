"""The informe as a document a committee signs (issue «An informe parcial de actividades that a
committee can sign»): rendered from a Word template the institute owns (tablero/plantilla.py),
with the staff's own sections (tablero/narrativa.py), then turned into PDF by LibreOffice and read
as a person reads it. Page images of January 2021's informe are kept in artefactos/informe/."""
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tablero import informe, narrativa, plantilla
from tablero.almacen import Almacen
from tablero.db import connect_readonly
from tablero.genero import calidad_con_genero, cargo_con_genero, genero

ROOT = Path(__file__).resolve().parent.parent
ENERO = (dt.date(2021, 1, 1), dt.date(2021, 1, 31))
ARTEFACTOS = ROOT / "artefactos" / "informe"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MULETILLAS = ("Solamente quisiera", "quiero solicitar", "Procedo también a consultar",
              "La propuesta", "Omitir la lectura", "Las propuestas realizadas")


def generar(db, almacen=None, plantilla_ruta=None, periodo=ENERO):
    con = connect_readonly(db)
    try:
        return informe.build_informe(con, *periodo, almacen, plantilla_ruta)
    finally:
        con.close()


def a_pdf(datos, carpeta):
    """The .docx through LibreOffice (Debian's libreoffice-writer-nogui), as a person opens it."""
    origen = carpeta / "informe.docx"
    origen.write_bytes(datos)
    perfil = carpeta / "perfil-lo"
    resultado = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={perfil.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(carpeta), str(origen)], capture_output=True, text=True, timeout=180)
    pdf = carpeta / "informe.pdf"
    assert resultado.returncode == 0 and pdf.is_file(), resultado.stderr
    return pdf


def texto_pdf(pdf):
    """The PDF's text in reading order (a table cell's lines stay together)."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="module")
def enero_pdf(db_real, tmp_path_factory):
    if SOFFICE is None or shutil.which("pdftotext") is None:
        pytest.skip("falta LibreOffice o poppler-utils: ./scripts/tablero test los instala")
    carpeta = tmp_path_factory.mktemp("informe-pdf")
    _, datos = generar(db_real, Almacen(carpeta / "almacen"))
    pdf = a_pdf(datos, carpeta)
    ARTEFACTOS.mkdir(parents=True, exist_ok=True)
    shutil.copy(pdf, ARTEFACTOS / "informe-enero-2021.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(ARTEFACTOS / "pagina")],
                   check=True, timeout=120)
    return texto_pdf(pdf)


def test_el_pdf_tiene_indice_y_apartados_en_orden(enero_pdf):
    titulos = ["Índice", "1. Presentación", "2. Fundamento legal", "4. Integración del Comité",
               "5. Sesiones celebradas", "6. Asistencia", "7. Acuerdos y votaciones",
               "8. Documentos y su estado", "9. Correcciones solicitadas y su seguimiento",
               "13. Conclusiones", "Firmas", "Anexo. Actas consultadas"]
    posiciones = [enero_pdf.index(t) for t in titulos]
    assert posiciones == sorted(posiciones)
    indice = enero_pdf[enero_pdf.index("Índice"):enero_pdf.index("1. Presentación", enero_pdf.index("Índice") + 10)]
    assert "Anexo. Actas consultadas" in indice


def test_el_pdf_tiene_la_sesion_las_correcciones_cortas_y_las_firmas(enero_pdf):
    plano = " ".join(enero_pdf.split())
    assert "Sesión Ordinaria número 2" in plano
    assert "antecedentes 9 y 27: «ayuntamientos» por «distritos»; ortografía en la página 10" in plano
    assert "numeración de los incisos en la página 6, numeral 10" in plano
    assert "quitar la leyenda «se anexa la síntesis curricular» en la página 11" in plano
    for muletilla in MULETILLAS:
        assert muletilla not in plano
    assert "Reglamento de Elecciones" in plano
    firmas = plano[plano.index("Firmas", plano.index("13. Conclusiones")):]
    for nombre in ("Dra. Alejandra del Carmen Arreola Delgado", "Mtro. José Luis Bautista Cabrera",
                   "Dr. Martín Gallardo García", "Ing. Jorge Galo Solano García"):
        assert nombre in firmas
    assert "Asesora Técnica" in firmas and "Secretario Técnico" in firmas
    assert list(ARTEFACTOS.glob("pagina-*.png"))


def test_integracion_con_cargos_en_su_genero(db_real, tmp_path):
    doc, datos = generar(db_real, Almacen(tmp_path))
    filas = {f[0]: f[1] for f in _tabla(docx.Document(io.BytesIO(datos)), "Nombre", "Cargo",
                                        "Sesiones con asistencia")}
    assert filas["Dra. Alejandra del Carmen Arreola Delgado"] == "Asesora Técnica"
    assert filas["Lic. Miguel Ángel Olvera Escalera"] == "Representante propietario del PRI"
    assert filas["Lic. Adla Patricia Karam Araujo"] == "Representante suplente del PAN"


def test_genero_de_los_cargos():
    assert genero("Ana Ruiz", "Lic.", None) == "f"
    assert genero("Xóchitl Citlali Ruiz Matus", None, None) == "f"
    assert genero("José María López", None, None) == "m"
    assert genero("Guadalupe Ortiz", None, "Asesor Técnico") == "m"
    assert genero("Cruz Pérez", None, None) is None
    assert calidad_con_genero("propietario", "f") == "propietaria"
    assert calidad_con_genero("propietario", None) == "propietario"
    assert cargo_con_genero("Asesor Técnico", "f") == "Asesora Técnica"
    assert cargo_con_genero("Secretario Técnico", "m") == "Secretario Técnico"


def test_apartados_del_personal_entran_al_informe_con_su_auditoria(db_real, tmp_path):
    almacen = Almacen(tmp_path)
    doc, _ = generar(db_real, almacen)
    clave = informe.clave_informe(doc)
    assert narrativa.guardar(almacen, clave, "conclusiones",
                             "El Comité cumplió su programa de trabajo del periodo.\n\n"
                             "Se recomienda dar seguimiento a las tres correcciones.", "ana", "Ana López")
    assert not narrativa.guardar(almacen, clave, "conclusiones",
                                 "El Comité cumplió su programa de trabajo del periodo.\n\n"
                                 "Se recomienda dar seguimiento a las tres correcciones.", "ana")
    doc, datos = generar(db_real, almacen)
    cuerpo = "\n".join(p.text for p in docx.Document(io.BytesIO(datos)).paragraphs)
    assert "El Comité cumplió su programa de trabajo del periodo." in cuerpo
    assert "Se recomienda dar seguimiento a las tres correcciones." in cuerpo
    assert cuerpo.count(narrativa.POR_REDACTAR) == 3       # antecedentes, actividades, recomendaciones
    auditoria = almacen.auditoria()
    assert auditoria.accion.tolist().count("narrativa") == 1
    assert generar(db_real, almacen)[1] == datos             # same store, same bytes


def plantilla_propia(tmp_path, sin=None, extra=None):
    """An institute's template: its letterhead, signatures before the data, another order."""
    documento = docx.Document()
    documento.sections[0].header.paragraphs[0].text = "INSTITUTO ELECTORAL · MEMBRETE PROPIO"
    documento.add_paragraph("Informe del {{ organo_corto }} — {{ instituto }}")
    documento.add_paragraph("Periodo {{ periodo }}; corte {{ fecha_corte }}")
    orden = ["firmas", "correcciones", "votaciones", "documentos", "sesiones", "asistencia",
             "integracion", "fuentes"]
    for campo in orden:
        if campo == sin:
            continue
        documento.add_heading(f"Sección {campo}", level=1)
        documento.add_paragraph(f"{{{{p {campo} }}}}")
    if extra:
        documento.add_paragraph(extra)
    ruta = tmp_path / "propia.docx"
    documento.save(ruta)
    return ruta


def test_plantilla_propia_con_otro_orden_y_membrete(db_real, tmp_path):
    _, datos = generar(db_real, Almacen(tmp_path / "a"), plantilla_propia(tmp_path))
    documento = docx.Document(io.BytesIO(datos))
    assert documento.sections[0].header.paragraphs[0].text == "INSTITUTO ELECTORAL · MEMBRETE PROPIO"
    titulos = [p.text for p in documento.paragraphs if p.style.name == "Heading 1"]
    assert titulos[:3] == ["Sección firmas", "Sección correcciones", "Sección votaciones"]
    cuerpo = "".join(documento.element.body.itertext())       # paragraphs and tables, in order
    assert "Informe del COTAPREP — Instituto Electoral y de Participación Ciudadana del Estado de Durango" in cuerpo
    assert "Dra. Alejandra del Carmen Arreola Delgado" in cuerpo       # the signatures came first
    assert cuerpo.index("Dra. Alejandra") < cuerpo.index("Sección correcciones")


def test_plantilla_sin_un_campo_obligatorio_dice_cual(db_real, tmp_path):
    with pytest.raises(plantilla.PlantillaError) as error:
        generar(db_real, Almacen(tmp_path / "a"), plantilla_propia(tmp_path, sin="firmas"))
    assert str(error.value) == ("La plantilla no tiene el campo «firmas» (el bloque de firmas de los "
                                "integrantes): agréguelo como {{p firmas }} en un párrafo propio.")


def test_plantilla_con_un_campo_desconocido_dice_cual(db_real, tmp_path):
    with pytest.raises(plantilla.PlantillaError, match="usa el campo «presidente», que el tablero no conoce"):
        generar(db_real, Almacen(tmp_path / "a"), plantilla_propia(tmp_path, extra="{{ presidente }}"))


def test_la_orden_informe_con_plantilla_sin_campo_sale_con_su_frase(db_real, tmp_path):
    resultado = subprocess.run(
        [sys.executable, "-m", "etl", "informe", "--desde", "2021-01-01", "--hasta", "2021-01-31",
         "--salida", str(tmp_path / "x.docx"), "--db", str(db_real),
         "--plantilla", str(plantilla_propia(tmp_path, sin="sesiones"))],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert resultado.returncode == 1
    assert resultado.stderr.strip() == ("Error: La plantilla no tiene el campo «sesiones» (las sesiones "
                                        "celebradas): agréguelo como {{p sesiones }} en un párrafo propio.")
    assert not (tmp_path / "x.docx").exists()


def test_un_archivo_que_no_es_word_no_es_plantilla(tmp_path):
    with pytest.raises(plantilla.PlantillaError, match="no es un documento de Word"):
        plantilla.verificar(b"esto no es un docx")


def test_la_plantilla_base_tiene_todos_los_campos():
    usados = plantilla.verificar(plantilla.plantilla_base())
    assert set(plantilla.OBLIGATORIOS) <= usados
    orden = plantilla.estructura(plantilla.plantilla_base())
    assert [(t, c) for t, c in orden if t][:3] == [
        ("1. Presentación", "presentacion"), ("2. Fundamento legal", "fundamento_legal"),
        ("3. Antecedentes", "antecedentes")]
    assert orden[-2:] == [("Firmas", "firmas"), ("Anexo. Actas consultadas", "fuentes")]


def _tabla(documento, *encabezado):
    for t in documento.tables:
        filas = [[celda.text for celda in fila.cells] for fila in t.rows]
        if filas and tuple(filas[0][:len(encabezado)]) == encabezado:
            return filas[1:]
    raise AssertionError(f"no hay tabla con encabezado {encabezado}")
