"""Corrections reported as attended, read as secretaries write them (etl/documentos.py): the
report is attended rows, never new corrections. Fictional actas, built here from one template, each
changing only the body of its item 3 «Seguimiento de acuerdos y observaciones»."""
from etl.parse import parse_acta

CABECERA = """INSTITUTO ELECTORAL DEL ESTADO DE PRUEBA
COMITÉ TÉCNICO ASESOR DEL PROGRAMA DE RESULTADOS ELECTORALES PRELIMINARES
PROCESO ELECTORAL LOCAL 2023-2024

ACTA DE LA SEGUNDA SESIÓN ORDINARIA

En la ciudad de Prueba, siendo las 17:00 horas del miércoles 21 de febrero de 2024, mediante
videoconferencia, se reunieron las personas integrantes del Comité Técnico Asesor del Programa de
Resultados Electorales Preliminares. El Secretario Técnico pasó lista de asistencia:

Dra. Ana María Ruiz López — Asesora Técnica
Dr. Pedro Luis Gómez Sánchez — Asesor Técnico
Mtro. Juan Carlos Pérez Díaz — Asesor Técnico
Ing. Luis Alberto Torres Vega — Secretario Técnico

Existiendo quórum, se dio lectura al orden del día:

1. Lista de asistencia y declaración de quórum.
2. Lectura y, en su caso, aprobación del orden del día.
3. Seguimiento de acuerdos y observaciones.
4. Clausura.

El orden del día fue aprobado por unanimidad de votos, en votación económica.

En el punto tres, el Secretario Técnico expuso lo siguiente.

"""
CIERRE = "\n\nSiendo las 17:30 horas, se clausuró la segunda sesión ordinaria.\n"


def leer(cuerpo):
    hechos = parse_acta(CABECERA + cuerpo + CIERRE)
    return hechos["correcciones"], hechos["correcciones_atendidas"]


def test_el_parrafo_de_un_documento_en_el_seguimiento_es_una_atencion():
    pedidas, atendidas = leer(
        "En el Informe mensual de enero se corrigió el cronograma del anexo 1, conforme a las "
        "fechas aprobadas por el Consejo General.")
    assert pedidas == []
    assert [(a["punto"], a["documento"]) for a in atendidas] == [(3, "Informe mensual de enero")]


def test_un_reporte_con_un_parrafo_por_documento_y_la_confirmacion():
    pedidas, atendidas = leer(
        "El Secretario Técnico informó que las observaciones aprobadas en la sesión anterior "
        "fueron atendidas, conforme a lo siguiente:\n\n"
        "Acta de la primera sesión ordinaria. En la página 3 se sustituyó «Gomes» por «Gómez». "
        "Se tiene por atendida.\n\n"
        "Informe mensual de enero. En la tabla 2 se corrigió el total de capacitadores.\n\n"
        "La Dra. Ana María Ruiz López confirmó que sus observaciones quedaron solventadas.")
    assert pedidas == []
    assert [a["documento"] for a in atendidas] == ["Acta de la primera sesión ordinaria",
                                                   "Informe mensual de enero"]
    assert {a["solicitante"] for a in atendidas} == {"Ana María Ruiz López"}


def test_lo_que_sigue_pendiente_no_es_una_atencion_ni_una_peticion():
    pedidas, atendidas = leer(
        "El Secretario Técnico dio cuenta del estado de las observaciones aprobadas en la sesión "
        "anterior:\n\n"
        "Informe mensual de enero. Las correcciones solicitadas por el Dr. Gómez Sánchez están en "
        "proceso, pues se espera el visto bueno de la Presidencia.")
    assert pedidas == [] and atendidas == []


def test_una_pregunta_no_es_un_reporte_y_una_peticion_sigue_siendolo():
    pedidas, atendidas = leer(
        "El Mtro. Juan Carlos Pérez Díaz preguntó si las observaciones al Informe mensual de enero "
        "ya fueron atendidas; se le respondió que se informará en la siguiente sesión.\n\n"
        "La Dra. Ana María Ruiz López solicitó que en la página 4 del Informe mensual de enero se "
        "corrija la fecha del primer simulacro. El Secretario Técnico tomó nota.")
    assert atendidas == []
    assert [(p["solicitante"], p["aprobada"]) for p in pedidas] == [("Ana María Ruiz López", True)]


def test_una_peticion_sin_respuesta_es_un_aviso_no_una_correccion():
    """Precision first: a change asked that the acta never answers (no vote, no «tomó nota», no
    «no es procedente») is not counted as a correction; an aviso points at its line."""
    hechos = parse_acta(CABECERA + "La Dra. Ana María Ruiz López solicitó que en la página 4 del Informe "
                        "mensual de enero se corrija la fecha del primer simulacro." + CIERRE)
    assert hechos["correcciones"] == []
    linea = (CABECERA + "La Dra.").count("\n") + 1
    assert any("no dice si se aceptó" in a["mensaje"] and a["linea"] == linea for a in hechos["avisos"])
