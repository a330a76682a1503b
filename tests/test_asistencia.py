"""The roster (etl/asistencia.py): a heading line governs the names below it, until the next
heading, and is never the cargo of the name above it. The made-up rosters below are laid out as
committees write them: headings with or without a colon, with or without a blank line, names
indented under them or not; and, for contrast, names each with its cargo on the line below."""
import re

import pytest

from conftest import PROCESO2
from etl.parse import parse_acta

APERTURA = ("ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL COMITÉ TÉCNICO ASESOR DEL PREP\n\n"
            "Fecha: martes 5 de marzo de 2024        Hora de inicio: 10:00 horas\n\n"
            "I. LISTA DE ASISTENCIA\n\n"
            "El Secretario Técnico pasó lista de asistencia, registrándose la presencia de:\n\n")


def _roles(roster):
    acta = parse_acta(APERTURA + roster + "\nSe declaró la existencia de quórum legal.\n")
    return {a["nombre"]: (a["rol"], a["con_voto"], a["partido"]) for a in acta["asistentes"]}


ESPERADO = {
    "Ana Sofía Medrano Ruelas": ("integrante", True, None),
    "Pedro Luis Garza Anaya": ("integrante", True, None),
    "Marta Elena Quiroz Salas": ("secretario", False, None),
    "Jorge Iván Pérez Luna": ("representante", False, "PAN"),
}

ENCABEZADOS = {
    "sin dos puntos ni renglón en blanco": (
        "Integrantes\n"
        "Dra. Ana Sofía Medrano Ruelas\n"
        "Dr. Pedro Luis Garza Anaya\n"
        "Secretaria Técnica\n"
        "Mtra. Marta Elena Quiroz Salas\n"
        "Representantes de partidos\n"
        "PAN    Lic. Jorge Iván Pérez Luna, propietario\n"),
    "sangría bajo cada encabezado": (
        "Personas asesoras técnicas\n"
        "    Dra. Ana Sofía Medrano Ruelas\n"
        "    Dr. Pedro Luis Garza Anaya\n"
        "Secretaría Técnica\n"
        "    Mtra. Marta Elena Quiroz Salas\n"
        "Representaciones de los partidos políticos ante el Consejo General\n"
        "    PAN    Lic. Jorge Iván Pérez Luna, propietario\n"),
    "un renglón en blanco antes de cada encabezado": (
        "Integrantes\n"
        "Dra. Ana Sofía Medrano Ruelas\n"
        "Dr. Pedro Luis Garza Anaya\n\n"
        "Secretaria Técnica\n"
        "Mtra. Marta Elena Quiroz Salas\n\n"
        "Representantes de partidos\n"
        "PAN    Lic. Jorge Iván Pérez Luna, propietario\n"),
}


@pytest.mark.parametrize("forma", list(ENCABEZADOS))
def test_un_encabezado_rige_los_nombres_que_le_siguen(forma):
    assert _roles(ENCABEZADOS[forma]) == ESPERADO


def test_el_cargo_bajo_cada_nombre_sigue_siendo_su_cargo():
    """Name over cargo: «Secretaria Técnica» under a name is that person's cargo, and «Representante
    del PAN» under a name in the representatives' list is not a new heading."""
    roles = _roles("Integrantes del Comité\n"
                   "Dra. Ana Sofía Medrano Ruelas\n"
                   "Asesora Técnica\n\n"
                   "Mtra. Marta Elena Quiroz Salas\n"
                   "Secretaria Técnica\n\n"
                   "REPRESENTANTES\n"
                   "Lic. Jorge Iván Pérez Luna\n"
                   "Representante del PAN\n"
                   "C. Rosa María Ibarra Soto\n"
                   "Representante del PRI\n")
    assert roles == {
        "Ana Sofía Medrano Ruelas": ("integrante", True, None),
        "Marta Elena Quiroz Salas": ("secretario", False, None),
        "Jorge Iván Pérez Luna": ("representante", False, "PAN"),
        "Rosa María Ibarra Soto": ("representante", False, "PRI"),
    }


ZACATECAS = sorted(PROCESO2.glob("cotaprep-zacatecas-*.txt"))


def _sin_dos_puntos(texto):
    """The acta's roster headings as other templates write them: no colon, no «(con voz…)»."""
    return re.sub(r"(?m)^(\S[^\n]*?)(?: \(con voz[^)]*\))?:$", r"\1", texto)


@pytest.mark.parametrize("acta", ZACATECAS, ids=lambda p: p.stem)
@pytest.mark.parametrize("forma", ["tal cual", "encabezados sin dos puntos"])
def test_zacatecas_la_asesora_tecnica_no_es_secretaria(acta, forma):
    """proceso2: «Mtra. Lorena Patricia Esparza Muro» is the last name under «Personas asesoras
    técnicas» and right above «Secretaría Técnica»: an integrante with vote, never secretaria."""
    texto = acta.read_text(encoding="utf-8")
    if forma != "tal cual":
        texto = _sin_dos_puntos(texto)
        assert "Secretaría Técnica\n" in texto
    asistentes = {a["nombre"]: a for a in parse_acta(texto)["asistentes"]}
    lorena = asistentes["Lorena Patricia Esparza Muro"]
    assert (lorena["rol"], lorena["con_voto"]) == ("integrante", True)
    assert "secretari" not in (lorena["cargo"] or "").lower()
    julio = asistentes["Julio César Saucedo Ibarra"]
    assert (julio["rol"], julio["con_voto"]) == ("secretario", False)


# ---- The self-check on roll-call answers ------------------------------------------------------

DIALOGO = """\
ACTA DE LA SESIÓN EXTRAORDINARIA DEL CONSEJO GENERAL
En la ciudad de Pachuca, siendo las 18:00 horas del día 9 de junio de 2024, se reunieron los
integrantes del Consejo General.

El C. Secretario Ejecutivo: Procedo a pasar lista de asistencia.

El C. Secretario Ejecutivo: Consejera Presidenta, maestra Adriana Lizbeth Monroy Galindo.

La C. Consejera Presidenta: Buenas tardes a todos.

El C. Secretario Ejecutivo: Consejero doctor Fausto Emiliano Trejo Barrera.

El C. Consejero Fausto Emiliano Trejo Barrera: Presente.

El C. Secretario Ejecutivo: Hay quórum para sesionar.
"""


def _no_entendidas(texto):
    return [(a["linea"], a["mensaje"]) for a in parse_acta(texto)["avisos"]
            if a["mensaje"].startswith("No se entendió la respuesta")]


def test_una_respuesta_que_no_se_entiende_se_dice():
    assert _no_entendidas(DIALOGO) == [
        (9, "No se entendió la respuesta «Buenas tardes a todos.» al pase de lista de Adriana Lizbeth "
            "Monroy Galindo.")]


def test_el_resultado_de_una_votacion_nominal_no_es_una_respuesta():
    """proceso2, ordinaria 3, lines 106-108: the nominal vote ends with «Mtra. Esparza Muro, a
    favor.» (a line that carries its own answer) and «Resultado: aprobado por unanimidad.» follows
    (a form field, not a turn of speech)."""
    acta = PROCESO2 / "cotaprep-zacatecas-2024-04-25-ordinaria-03.txt"
    texto = acta.read_text(encoding="utf-8")
    assert "Mtra. Esparza Muro, a favor.\nResultado: aprobado por unanimidad." in texto
    assert _no_entendidas(texto) == []
    for otra in ZACATECAS:
        assert _no_entendidas(otra.read_text(encoding="utf-8")) == [], otra.name


def test_un_campo_de_formulario_no_es_una_respuesta():
    """«Lugar: …, Zona Centro, …» over «Modalidad: Presencial» is a form, not a call and its answer
    (tests/fixtures/actas/cotecora-tamaulipas-2022-03-25-ordinaria-03.txt)."""
    texto = DIALOGO.replace(
        "El C. Secretario Ejecutivo: Procedo",
        "Lugar:           Sala de Juntas de la Dirección Ejecutiva de Organización y Logística\n"
        "                 Electoral, Morelos 501 Ote., Zona Centro, Cd. Victoria, Tamaulipas\n"
        "Modalidad:       Presencial\n\nEl C. Secretario Ejecutivo: Procedo")
    assert [linea for linea, _ in _no_entendidas(texto)] == [13]


# ---- Who attends in place of whom ---------------------------------------------------------------

IRAPUATO = (PROCESO2.parent / "actas" / "t2-consejo-municipal-irapuato-2024-05-24-extraordinaria-07.txt")
SUSTITUYE = "quien actúa en esta sesión en sustitución de la\nrepresentante propietaria, Lic. Gabriela Orozco Medina"


@pytest.mark.parametrize("frase", [
    SUSTITUYE,
    "quien sustituye a la\nrepresentante propietaria, Lic. Gabriela Orozco Medina",
    "quien actúa en suplencia de la\nrepresentante propietaria, Lic. Gabriela Orozco Medina",
    "quien asiste en representación de la\nrepresentante propietaria, Lic. Gabriela Orozco Medina",
    "quien sustituye a la Lic. Gabriela Orozco Medina",
])
def test_quien_es_sustituido_falta_y_comparte_el_partido(frase):
    """Irapuato, lines 40-43: the suplente of Morena attends in place of the propietaria."""
    texto = IRAPUATO.read_text(encoding="utf-8")
    assert SUSTITUYE in texto
    asistentes = {a["nombre"]: a for a in parse_acta(texto.replace(SUSTITUYE, frase))["asistentes"]}
    sustituta = asistentes["Gabriela Orozco Medina"]
    assert (sustituta["presente"], sustituta["rol"], sustituta["partido"]) == (False, "representante", "MORENA")
    suplente = asistentes["Luis Fernando Estrada Sámano"]
    assert (suplente["presente"], suplente["partido"], suplente["calidad"]) == (True, "MORENA", "suplente")


def test_representar_a_un_partido_no_sustituye_a_nadie():
    """«en representación de Morena» names a party, not a person replaced: both attend."""
    texto = IRAPUATO.read_text(encoding="utf-8").replace(
        SUSTITUYE, "quien actúa en esta sesión en representación de Morena, junto con la\n"
                   "representante propietaria, Lic. Gabriela Orozco Medina")
    asistentes = {a["nombre"]: a for a in parse_acta(texto)["asistentes"]}
    assert asistentes["Gabriela Orozco Medina"]["presente"] is True
    assert asistentes["Luis Fernando Estrada Sámano"]["presente"] is True


def test_una_referencia_no_es_un_llamado():
    """SCJN shorthand version (../shared/otros-organos): «El VIII A.» names a section of the ruling,
    not a person called; «Correcto.» after it is no roll-call answer."""
    texto = DIALOGO + ("\nSEÑOR MINISTRO PÉREZ DAYÁN: El VIII A.\n\n"
                       "SEÑORA MINISTRA ESQUIVEL MOSSA: Correcto.\n")
    assert [linea for linea, _ in _no_entendidas(texto)] == [9]


def test_una_sustitucion_de_otro_tiempo_no_cambia_la_asistencia():
    """Said in a later item, «sustituyó al … en la comisión» is history, not this session's roll."""
    texto = IRAPUATO.read_text(encoding="utf-8").replace(
        "No habiendo más\nintervenciones",
        "El C. Hugo Enrique Lara Rocha recordó que en 2021 sustituyó al Lic. José Antonio Barrón Lara\n"
        "en la comisión de debates. No habiendo más\nintervenciones")
    assert "sustituyó al Lic. José" in texto
    asistentes = {a["nombre"]: a for a in parse_acta(texto)["asistentes"]}
    assert asistentes["José Antonio Barrón Lara"]["presente"] is True
    assert asistentes["Gabriela Orozco Medina"]["presente"] is False


# ---- the shortcuts of the roster and prose readers answer as the searches they spare ----------

def test_una_linea_sin_tabulador_ni_espacios_seguidos_es_una_celda():
    """`_may_split`: every white space but the plain space is unprintable, so a printable line
    without a run of spaces holds none of the runs the roster's cells are split on."""
    import random
    import sys

    from etl.asistencia import _COLUMNS_ENTRY_RE, _SIGNATURE_PAIRS_RE, _may_split
    espacios = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert [c for c in espacios if c.isprintable()] == [" "]
    azar = random.Random(7)
    letras = espacios + list("Lic. Ana RUIZ—(PAN),:") + ["  ", "   "]
    for _ in range(5000):
        texto = "".join(azar.choice(letras) for _ in range(azar.randint(0, 12)))
        for pares, regex in ((3, _SIGNATURE_PAIRS_RE), (2, _COLUMNS_ENTRY_RE)):
            if not _may_split(texto, pares):
                assert regex.search(texto) is None, (texto, pares)

