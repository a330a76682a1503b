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
