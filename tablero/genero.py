"""Cargos in the gender of the person who holds them: «representante propietaria», «Asesora
Técnica», «Secretaria Técnica».

The acta's own words decide first (a cargo written «Asesora Técnica», a title «Dra.», «Mtra.»);
then the first given name (a closed list of feminine names that do not end in -a, and the
ending -a otherwise). Where nothing says it, the form the acta uses stays: the report never
guesses a woman into a man's cargo from a name it does not know.
"""
import re

from etl.vocabulario import GRADO_GENERO, fold

CARGOS_FEMENINOS = re.compile(r"\b(asesora|consejera|secretaria|presidenta|directora|coordinadora|"
                              r"titular de la|encargada|jefa|vocal ejecutiva|integrante invitada)\b", re.I)
CARGOS_MASCULINOS = re.compile(r"\b(asesor|consejero|secretario|presidente|director|coordinador|"
                               r"encargado|jefe)\b", re.I)
NOMBRES_FEMENINOS = {
    "beatriz", "isabel", "carmen", "raquel", "ines", "mercedes", "lourdes", "dolores", "rocio",
    "consuelo", "rosario", "pilar", "luz", "abigail", "ruth", "esther", "miriam", "sol", "nayeli",
    "itzel", "xochitl", "ireri", "citlali", "belen", "noemi", "maribel", "marisol", "araceli",
    "anabel", "yazmin", "jazmin", "ivonne", "janeth", "lizbeth", "elizabeth", "guadalupe",
    "monserrat", "montserrat", "nelly", "haydee", "ingrid", "karen", "carmen", "flor", "edith",
    "judith", "zulema", "yatziri", "marlen", "marlene", "azucena", "irene", "rosalind", "gisel",
    "gisela", "aurora",
}
NOMBRES_MASCULINOS_EN_A = {"josue", "elias", "jeremias", "isaias", "tobias",
                           "matias", "nicolas", "luca", "joshua"}


def genero(nombre=None, grado=None, cargo=None):
    """'f', 'm' or None: what the acta's words say of a person."""
    por_grado = GRADO_GENERO.get(fold(grado).replace(".", "").strip())
    if por_grado:
        return por_grado
    if cargo and CARGOS_FEMENINOS.search(cargo):
        return "f"
    if cargo and CARGOS_MASCULINOS.search(cargo):
        return "m"
    nombres = fold(nombre).split()
    if not nombres:
        return None
    primero = nombres[0]
    if primero == "maria" or primero in NOMBRES_FEMENINOS:
        return "f"
    if primero == "jose" or primero in NOMBRES_MASCULINOS_EN_A:
        return "m"
    if primero.endswith("a"):
        return "f"
    if primero.endswith("o"):
        return "m"
    return None


def calidad_con_genero(calidad, sexo):
    """propietario → propietaria for a woman; suplente is the same for both."""
    if calidad == "propietario" and sexo == "f":
        return "propietaria"
    return calidad


def cargo_con_genero(cargo, sexo):
    """A cargo written in the masculine (the roster's generic form) for a woman: «Asesor Técnico»
    → «Asesora Técnica»; a cargo already in the feminine, or a man's, stays."""
    if not cargo or sexo != "f" or CARGOS_FEMENINOS.search(cargo):
        return cargo
    cambios = (("Asesor", "Asesora"), ("Consejero", "Consejera"), ("Secretario", "Secretaria"),
               ("Presidente", "Presidenta"), ("Director", "Directora"), ("Coordinador", "Coordinadora"),
               ("Técnico", "Técnica"), ("Electoral", "Electoral"), ("Ejecutivo", "Ejecutiva"),
               ("Encargado", "Encargada"), ("Jefe", "Jefa"))
    for masculino, femenino in cambios:
        cargo = re.sub(rf"\b{masculino}\b", femenino, cargo)
        cargo = re.sub(rf"\b{masculino.lower()}\b", femenino.lower(), cargo)
    return cargo
