"""The phrasings actas use for each fact, declared once, as data, each with the real text it reads.

A *family* is one kind of statement (a vote's result, an absence, an arrival, the closing…).
Each entry of a family is one way of saying it: a regular expression and at least one example
taken from an acta, which the entry alone must find. A family may also list counter-examples,
text the whole family must not find (the near misses that once fooled the parser). Every family
is compiled once, at import; `tests/test_frases.py` runs every example and fails for an entry
without one.

Most families read *folded* text (`etl.vocabulario.fold`: lower case, no accents), so an entry
is written without accents and in lower case, and its examples as the acta writes them.

To teach the parser a new phrasing, add one entry to its family, with the acta's words as its
example:

    ("se disculpo por no poder acompanarnos", "El Dr. Ruiz se disculpó por no poder acompañarnos"),
"""
import re
from dataclasses import dataclass, field

from etl.patrones import Patron, compilar, palabras_necesarias
from etl.vocabulario import GRADO_RE, fold


@dataclass(frozen=True)
class Entrada:
    """One way of saying the family's fact: a pattern and the acta text it must find."""
    patron: str
    ejemplos: tuple


@dataclass
class Familia:
    """A phrase family. `search`/`finditer`/`match` on `regex`, compiled once."""
    nombre: str
    entradas: list
    contraejemplos: tuple = ()
    plegado: bool = True          # entries read folded text (no accents, lower case)
    flags: int = 0
    entero: bool = False          # the whole line is the phrase («Presente.», «Sí.»)
    requiere: tuple = ()          # words one of which every phrasing contains: a fast test before the search
    regex: re.Pattern = field(init=False, repr=False)

    def __post_init__(self):
        self.entradas = [e if isinstance(e, Entrada) else Entrada(e[0], tuple(e[1:])) for e in self.entradas]
        whole = r"^[\s\-–—•*]*" + self.patron + r"[\s.!,;]*$" if self.entero else self.patron
        # A family without hand-written `requiere` words has its necessary words derived from its
        # pattern and tested first (etl/patrones.py).
        self.regex = re.compile(whole, self.flags) if self.requiere else compilar(whole, self.flags)
        # `search` (35 000 calls an acta) is the prefiltered search itself, bound once: the
        # `requiere` words, then the sets of words derived from the pattern that are no longer
        # (more would cost more than the searches they spare), then the regex. A text lacking
        # either never reached a match (the derived words are necessary; a text without `requiere`
        # words was not searched), so the answers are those of the method below, without its frame.
        if self.requiere:
            derived = [words for words in palabras_necesarias(whole, self.flags) if len(words) <= len(self.requiere)]
            self.search = Patron(self.regex, [self.requiere] + derived).search
        else:
            self.search = self.regex.search

    def regex_de(self, entrada):
        """The regex of one entry alone, wrapped as the family wraps them all."""
        alone = f"(?:{entrada.patron})"
        return re.compile(r"^[\s\-–—•*]*" + alone + r"[\s.!,;]*$" if self.entero else alone, self.flags)

    @property
    def patron(self):
        """The alternation of every entry, to embed in a larger pattern."""
        return "(?:" + "|".join(f"(?:{e.patron})" for e in self.entradas) + ")"

    def prepare(self, text):
        return fold(text) if self.plegado else text

    def search(self, text, pos=0):
        """The first phrasing in `text`. Most paragraphs hold none of the family's words: a
        substring test rules them out before the regular expression runs. (Replaced on each
        family by the same search bound at `__post_init__`; kept as its definition.)"""
        for word in self.requiere:
            if word in text:
                return self.regex.search(text, pos)
        return None if self.requiere else self.regex.search(text, pos)

    def match(self, text):
        return self.regex.match(text)

    def finditer(self, text):
        return self.regex.finditer(text)


FAMILIAS = {}


def familia(nombre, entradas, contraejemplos=(), plegado=True, flags=0, entero=False, requiere=()):
    found = Familia(nombre, list(entradas), tuple(contraejemplos), plegado, flags, entero, tuple(requiere))
    FAMILIAS[nombre] = found
    return found


# ---- presence, absence, arrival, departure ---------------------------------------------------

LLEGADA = familia("llegada", [
    (r"bienvenid[oa]", "le damos la bienvenida al Lic. Juan Pérez"),
    (r"se incorpor", "siendo las 18:10 horas se incorporó a la sesión la Mtra. Ana Ruiz"),
    (r"se integr", "se integra a los trabajos la Dra. Luz Ríos"),
    (r"se une a", "se une a la sesión el Ing. Raúl Soto"),
    (r"se suma", "se suma a la reunión la C. Rosa Díaz"),
    (r"se conect", "se conectó a la videoconferencia el Lic. Pedro Gil"),
    (r"hace acto de presencia", "hace acto de presencia el Mtro. Luis Mora"),
    (r"se presenta a la sesion", "se presenta a la sesión el representante del PAN"),
    (r"lleg[oa] a la sesion", "llegó a la sesión la Lic. Karla Núñez"),
    (r"ingres[oa] a la sesion", "ingresa a la sesión el Dr. Iván Paz"),
    (r"se reincorpor", "se reincorporó el Mtro. Luis Mora"),
    (r"registra la (?:llegada|incorporacion|asistencia)", "se registra la llegada del Ing. Raúl Soto"),
    (r"incorporacion de", "se hace constar la incorporación de la Mtra. Ana Ruiz"),
    (r"arribo de", "se registra el arribo de la Lic. Karla Núñez"),
    (r"llegada de", "con la llegada de la Dra. Luz Ríos"),
], contraejemplos=["se retira de la sesión el Lic. Juan Pérez"],
   requiere=("bienvenid", "incorpor", "integr", "une a", "suma", "conect", "presencia", "presenta", "lleg", "ingres",
             "registra", "arribo"))

# Said at the roll call of someone who will come later: their later arrival is a late arrival
# even when a roster lists them among those who attended.
LLEGADA_ANUNCIADA = familia("llegada_anunciada", [
    (r"llegaria (?:con retraso|tarde|mas tarde)|llegara (?:con retraso|tarde)",
     "el Mtro. Ulises Gamaliel Cantú Olvera avisó que llegaría con retraso"),
    (r"se incorporar(?:a|ia)|se integrar(?:a|ia)|se conectar(?:a|ia)|viene en camino",
     "informó vía telefónica que se incorporaría a la sesión con retraso", "avisó que viene en camino"),
])

RETIRO = familia("retiro", [
    (r"se retir[ao]", "siendo las 19:10 horas se retira de la sesión la Lic. Ana Soto Ruiz"),
    (r"se ausent[ao]", "se ausentó el representante del PRI"),
    (r"abandon[ao] la (?:sesion|sala|reunion)", "el Lic. Rogelio Mendoza abandonó la sala"),
    (r"se desconect[ao]", "se desconectó de la videoconferencia la C. Rosa Díaz"),
    (r"sal(?:e|io) de la sesion", "el Mtro. Luis Mora salió de la sesión"),
    (r"dej[ao] la sesion", "la Lic. Karla Núñez deja la sesión"),
    (r"retiro de la sesion", "se hace constar el retiro de la sesión del Ing. Raúl Soto"),
    (r"se despide", "el Dr. Iván Paz se despide por tener otro compromiso"),
    (r"autorizacion para retirarse", "la Mtra. Gabriela Noemí Ku Balam solicitó autorización para retirarse de la sesión"),
], contraejemplos=["se incorporó a la sesión la Mtra. Ana Ruiz"],
   requiere=("retir", "ausent", "abandon", "desconect", "sal", "dej", "despide"))

AUSENCIA = familia("ausencia", [
    (r"no asist(?:e|io|ira)", "no asiste el Lic. Juan Pérez, representante del PRD", "no asistió la Mtra. Ana Ruiz"),
    (r"no se encuentra presente|no se encontraba presente|se encuentra ausente",
     "el Dr. Iván Paz no se encuentra presente"),
    (r"justific\w* (?:su |la )?(?:inasistencia|ausencia)", "la Lic. Karla Núñez justificó su inasistencia"),
    (r"inasistencia de|ausencia de", "se hace constar la inasistencia del Ing. Raúl Soto"),
    (r"no se presento|no estuvo presente", "el representante del PT no se presentó"),
    (r"no pudo asistir|no podra asistir|no acud(?:io|e)", "la C. Rosa Díaz no pudo asistir"),
    (r"excus\w+ (?:su )?asistencia", "el Lic. Pedro Gil excusó su asistencia"),
    (r"no se conect\w*|no se encuentra conectad\w*", "la Mtra. Ana Ruiz no se encuentra conectada"),
    (r"no se incorpor\w*", "el Dr. Iván Paz no se incorporó a la sesión"),
    (r"se disculp\w+ por no (?:poder )?(?:acompanar|asistir|estar)",
     "el Mtro. Luis Mora se disculpó por no poder acompañarnos"),
], contraejemplos=["se encuentra presente la Lic. Karla Núñez", "asistió el Dr. Iván Paz"],
   requiere=("asist", "present", "ausen", "justific", "acud", "excus", "conect", "incorpor", "disculp"))

# An absence from another session: «se abstendría, pues no asistió a la sesión del 15 de febrero».
AUSENCIA_OTRA_SESION = familia("ausencia_otra_sesion", [
    (r"no (?:asisti\w*|estuvo presente|acudi\w*) (?:a|en) la (?:sesion|reunion) (?:del|de fecha|anterior|pasada|celebrada)",
     "manifestó que se abstendría, pues no asistió a la sesión del 15 de febrero"),
    (r"no (?:asisti\w*|estuvo presente|acudi\w*) (?:a|en) la (?!presente\b|actual\b)\w+ (?:\w+ )?(?:sesion|reunion)",
     "Abstención (no asistió a la tercera sesión ordinaria)"),
], contraejemplos=["no asistió a esta sesión", "no asistió a la presente sesión"])

PRESENCIA = familia("presencia", [
    (r"constar,?(?:\s+\w+,)?\s+la (?:asistencia|presencia)", "se hace constar la asistencia de la Mtra. Ana Ruiz"),
    (r"asistencia (?:de|del|de la|de los|de las|como invitad\w*)\b", "con la asistencia del Lic. Juan Pérez"),
    (r"presencia (?:de|del|de la|de los|de las)\b", "agradezco la presencia de la Dra. Luz Ríos"),
    (r"encontrandose presentes", "encontrándose presentes las y los integrantes"),
    (r"nos acompan", "También nos acompañan el Consejero Presidente, M.D. Roberto Herrera Hernández"),
    (r"se encuentra(?:n)? presentes?", "se encuentran presentes los asesores"),
    (r"estando presentes?", "estando presentes el Lic. Juan Pérez y la Mtra. Ana Ruiz"),
    (r"asiste(?:n)? (?:tambien|como invitad|en calidad)", "asiste también el Ing. Raúl Soto"),
    (r"en calidad de invitad", "el Mtro. Luis Mora, en calidad de invitado"),
    (r"contamos con la presencia|con la presencia de", "contamos con la presencia del Dr. Iván Paz"),
    (r"asistieron|asisten\b|asisti[oó]\b|asiste\b", "asistieron la Lic. Karla Núñez y el Lic. Pedro Gil"),
    (r"presentes? (?:la|el|las|los)\b", "presentes los integrantes del Comité"),
    (r"se encuentran? (?:conectad|en linea)", "se encuentran conectados la Mtra. Ana Ruiz y el Dr. Iván Paz"),
    (r"participan? (?:tambien|como)", "participa también la C. Rosa Díaz"),
    (r"se encontraba(?:n)? (?:conectad|presentes?|en linea)",
     "El Secretario Técnico hizo constar que se encontraban conectadas la Mtra. Thalía Yazmín Canché Poot"),
    (r"constar la conexion", "hizo constar la conexión del Lic. Rafael Antonio Chan Uc"),
], requiere=("asist", "presen", "acompan", "conect", "conexion", "en linea", "particip", "invitad"))

# Someone attends in place of someone else, who is therefore absent: the phrase stands between
# the one who attends and the one replaced, and is followed by that person (a title, maybe after
# their cargo), so «en representación del Partido Acción Nacional» is not one.
_PERSONA_SIGUE = (rf"(?=,?\s+(?:(?:la|el|los|las)\s+)?(?:(?:consejer|representante|secretari|president|vocal|"
                  rf"asesor|titular|integrante|coordinador|director)\w*(?:\s+[a-z]+){{0,4}},?\s+)?"
                  rf"{GRADO_RE}\s)")
SUSTITUCION = familia("sustitucion", [
    (r"en sustitucion (?:de|del)" + _PERSONA_SIGUE,
     "quien actúa en esta sesión en sustitución de la representante propietaria, Lic. Gabriela Orozco Medina"),
    (r"\bsustitu(?:ye|yo|ira|ia|yendo) al?" + _PERSONA_SIGUE,
     "el C. Luis Fernando Estrada Sámano, quien sustituye a la Lic. Gabriela Orozco Medina",
     "asiste el Ing. Raúl Soto, que sustituye al Mtro. Luis Mora"),
    (r"en suplencia (?:de|del)" + _PERSONA_SIGUE,
     "la Mtra. Ana Ruiz, en suplencia del Consejero Presidente, Dr. Iván Paz Ríos"),
    (r"en representacion (?:de|del)" + _PERSONA_SIGUE,
     "el Lic. Pedro Gil, en representación de la Lic. Karla Núñez Soto, titular de la Unidad"),
], contraejemplos=["el Lic. Pedro Gil, en representación del Partido Acción Nacional",
                   "La versión corregida sustituyó a la anterior en el expediente",
                   "en sustitución del documento aprobado en la sesión anterior",
                   "la Lic. Karla Núñez, representante suplente, en representación de Morena"],
   requiere=("sustitu", "suplencia", "representacion"))

# The cell of an attendance column: «Sí», «Asistió», «Presencial», «Remota», «Retardo».
ASISTENCIA_SI = familia("asistencia_si", [
    (r"si\b|presente|asistio|asiste\b", "Sí", "Sí (se incorporó a las 11:32)", "Asistió", "Presente"),
    (r"presencial|remot[oa]|virtual|en linea|a distancia", "Presencial", "Remota"),
    (r"retardo|llego tarde|se incorporo", "Retardo"),
    (r"[x✓✔]$", "X", "✓"),
], contraejemplos=["No", "Ausente"])
ASISTENCIA_NO = familia("asistencia_no", [
    (r"no\b|ausente|no asistio|inasistencia|falta\b", "No", "Ausente", "Inasistencia"),
    (r"justific", "Justificó", "Justificada"),
], contraejemplos=["Sí", "Asistió", "Presencial"])

# «Y el de la voz, Octavio Raúl Sánchez Peralta, Secretario Ejecutivo.»: the caller names himself.
PROPIA_VOZ = familia("propia_voz", [
    (r"^\W*(?:y\s+)?(?:el|la) de la voz\b", "Y el de la voz, Octavio Raúl Sánchez Peralta, Secretario Ejecutivo."),
    (r"^\W*(?:y\s+)?(?:el|la) (?:suscrit[oa]|que suscribe)\b", "Y la suscrita, Lic. Ana Ruiz Soto, Secretaria Técnica."),
])

# ---- a vote: its call, each ballot's sense, its result ----------------------------------------

# Read unfolded, case-insensitive, inside ballot patterns (group `sentido`).
SENTIDO = familia("sentido", [
    (r"a\s+favor", "Dra. Alejandra Arreola: a favor."),
    (r"en\s+contra", "Mtro. Luis Mora.- En contra."),
    (r"me\s+abstengo|abstenerme|mi\s+abstenci[oó]n", "Lic. Juan Pérez: me abstengo"),
    (r"(?:en\s+)?abstenci[oó]n", "Ing. Raúl Soto: abstención."),
    (r"(?:mi\s+)?voto\s+es\s+a\s+favor|(?:mi\s+)?voto\s+es\s+en\s+contra", "Dr. Iván Paz: mi voto es a favor"),
    (r"por\s+la\s+afirmativa|por\s+la\s+negativa", "Mtra. Ana Ruiz: por la afirmativa."),
    (r"con\s+el\s+proyecto", "Lic. Karla Núñez: con el proyecto."),
    (r"en\s+los\s+mismos\s+t[eé]rminos", "Dr. Iván Paz: en los mismos términos."),
], plegado=False, flags=re.IGNORECASE)

# An answer alone on its line, after the voter's name on the line before (a roll call of a vote).
RESPUESTA_VOTO = familia("respuesta_voto", [
    (r"a favor|en contra|me abstengo|abstencion|en abstencion", "A favor.", "En contra.", "Me abstengo."),
    (r"(?:mi voto es |voto )?(?:a favor|en contra)", "Mi voto es a favor."),
    (r"si|no", "Sí.", "No."),
    (r"por la afirmativa|por la negativa", "Por la afirmativa."),
    (r"con el proyecto|en los mismos terminos", "Con el proyecto.", "En los mismos términos."),
    (r"(?:a favor|en contra),? (?:con|y anuncio|anunciando) (?:un |mi )?voto (?:particular|concurrente)",
     "A favor, con voto concurrente.", "En contra, y anuncio voto particular."),
], contraejemplos=["Presente.", "Gracias.", "No tengo comentarios sobre el particular"], entero=True)

# An answer alone on its line, after the member's name, in a roll call of attendance.
RESPUESTA_LISTA = familia("respuesta_lista", [
    (r"presente|aqui|presente,? gracias", "Presente.", "Aquí.", "Presente, gracias."),
    (r"(?:presente|conectad[oa]) (?:de manera |en forma |en modalidad )?(?:remota|virtual|a distancia)",
     "Presente de manera remota."),
], contraejemplos=["A favor.", "presente acta"], entero=True)

# A call met with silence: «(No se escucha respuesta)».
SIN_RESPUESTA = familia("sin_respuesta", [
    (r"no se escucha respuesta|sin respuesta|no (?:hay|hubo) respuesta|no (?:contesta|contesto|responde|respondio)",
     "(No se escucha respuesta)", "(Sin respuesta)", "No contesta."),
], contraejemplos=["Presente."])

RESULTADO = familia("resultado", [
    (r"\b(?:aprobaron|rechazaron)\b", "los integrantes aprobaron el informe"),
    (r"\b(?:es|son|ha sido|han sido|fue|fueron|queda|quedan|queda(?:n)? debidamente|resulta|resultan|resulto)\s+"
     r"(?:aprobad|rechazad)[oa]s?", "El orden del día es aprobado por unanimidad.", "fue rechazado el dictamen"),
    # «se consulta si se aprueba …» asks; it does not decide.
    (r"(?<!\bsi )(?:se aprueban?|se rechazan?)|se aprobo|se aprobaron|se rechazo|se rechazaron|no se aprobo",
     "Se aprueba por unanimidad de votos.", "se rechazó la propuesta"),
    (r"aprobad[oa]s?\s+(?:por|con)\s+(?:unanimidad|mayoria|\w+\s+votos?)", "aprobada por mayoría de votos"),
    (r"rechazad[oa]s?\s+(?:por|con)\s+(?:unanimidad|mayoria|\w+\s+votos?)", "rechazado con dos votos en contra"),
    (r"no (?:es|fue|ha sido|resulta|resulto) aprobad[oa]s?|no se aprueba|no aprobad[oa]s?",
     "el dictamen no fue aprobado, por dos votos en contra y uno a favor"),
    (r"^\W*(?:aprobad[oa]s?|rechazad[oa]s?)\b", "Aprobado."),
    (r"[.;]\s*(?:no\s+)?(?:aprobad[oa]s?|rechazad[oa]s?)\W*$", "Votación: 3 a favor, 0 en contra, 0 abstenciones. Aprobado."),
], contraejemplos=["se somete a votación el orden del día",
                   "Consejeras y consejeros electorales, se consulta si se aprueba el orden del día."],
   requiere=("aprob", "aprueb", "rechaz"))

RESULTADO_NEGATIVO = familia("resultado_negativo", [
    (r"rechazad|se rechaz", "fue rechazado el dictamen", "se rechaza la propuesta"),
    (r"no (?:es|fue|ha sido|resulta|resulto) aprobad|no se aprob|no se aprueban?|no aprobad", "No aprobada.",
     "no se aprobó el acta", "Presidenta, la propuesta no se aprueba por cinco votos en contra y dos a favor"),
], contraejemplos=["Aprobado por unanimidad."], requiere=("rechaz", "aprob", "aprueb"))

# «aprobado por el Consejo General», «aprobada en la sesión anterior»: a result that dates an earlier decision.
RESULTADO_REFERIDO = familia("resultado_referido", [
    (r"(?:aprobad[oa]s?|rechazad[oa]s?)\s+(?:por el|por la|por los|mediante|en la sesion|el dia|en sesion|"
     r"en su sesion|previamente|con anterioridad|anteriormente)",
     "el acuerdo aprobado por el Consejo General", "aprobada en la sesión del 22 de diciembre"),
], contraejemplos=["aprobado por unanimidad"], requiere=("aprobad", "rechazad"))

# «ACUERDO 06/03/2022: Se aprueba el orden del día…»: the record of the decision just voted.
ACUERDO_TOMADO = familia("acuerdo_tomado", [
    (r"^\W*acuerdo\s+(?:n[uo]m(?:ero)?\.?\s*)?[\w/.-]*\d[\w/.-]*\s*[:.\-–]+\s*se (?:aprueba|rechaza|tiene|toma)",
     "ACUERDO 06/03/2022: Se aprueba el orden del día de la tercera sesión ordinaria."),
], contraejemplos=["El acuerdo IEQROO/CG/A-010/2022 por el que se aprueba el calendario"])

LLAMADO = familia("llamado", [
    (r"votaci[oó]n|\bse vot[oó]\b|\bse vota\b", "procedo a tomar la votación nominal", "se votó el informe"),
    (r"someto|sometemos|somete|se consulta|consulto|les consulto", "someto a su consideración el orden del día"),
    (r"a favor de|a su consideraci", "quienes estén a favor de aprobar el acta"),
    (r"levantando la mano|levantar la mano|manifestarlo|sirvanse", "sírvanse manifestarlo levantando la mano"),
], plegado=False, flags=re.IGNORECASE)

# «…aprobado por unanimidad de los integrantes con derecho a voto»: counts from those voting.
UNANIMIDAD = familia("unanimidad", [
    (r"unanimidad", "Aprobado por unanimidad de votos.",
     "aprobado por unanimidad de los integrantes con derecho a voto"),
    (r"votaron (?:todos|todas) a favor|por (?:el )?voto unanime|de manera unanime|en forma unanime",
     "se aprobó de manera unánime"),
])

# ---- the session -------------------------------------------------------------------------------

APERTURA = familia("apertura", [
    (r"\bsiendo las\b", "En la Ciudad de Victoria de Durango, Dgo., siendo las 17:00 (diecisiete) horas"),
    (r"\breunid[oa]s\b|\bse reunieron\b|\bse reunen\b", "se reunieron de manera virtual los integrantes del Comité"),
    (r"\bdio inicio\b|\bda inicio\b", "el Presidente dio inicio a la sesión"),
    (r"\bse constituy", "se constituyeron en la Sala de Sesiones"),
    (r"\bse abrio la sesion\b|\bse abre la sesion\b|\bse declara abierta\b|\bapertura de la sesion\b",
     "(SE ABRIÓ LA SESIÓN A LAS 11:45 HORAS)"),
])

CLAUSURA = familia("clausura", [
    (r"clausur(?:ad[oa]|o|a la)|se clausura|se da por clausurad", "se declara clausurada la Sesión"),
    (r"conclu(?:ye|ida|ido|ir|yo)|da por concluid", "se da por concluida la sesión"),
    (r"se levanta la (?:presente )?sesion|levant(?:a|o|andose) la presente acta|se levanta la presente acta",
     "se levanta la sesión siendo las 19:30 horas"),
    (r"da por terminad|termino de la sesion|finalizad[ao]|terminad[ao]s? los asuntos",
     "se da por terminada la sesión", "terminados los asuntos del orden del día"),
    (r"se cierra la sesion|cierre de la sesion", "siendo las 20:05 horas se cierra la sesión"),
    (r"se cerro la sesion", "(SE CERRÓ LA SESIÓN A LAS 00:20 HORAS DEL DÍA SIGUIENTE)"),
], contraejemplos=["se abre la sesión"])

CIERRE_DEL_ACTA = familia("cierre_del_acta", contraejemplos=[
    "La consejera Zamudio Tovar pidió que su intervención conste en el acta."], entradas=[
    (r"^\W*conste\b|c o n s t e|\bconste\W*$", "C O N S T E", "----- C O N S T E -----", "Conste."),
    (r"^firmas?\b|^firman\b", "FIRMAS", "Firman al calce los que intervinieron"),
])

MODALIDAD_MIXTA = familia("modalidad_mixta", [
    (r"semipresencial|hibrid[ao]|modalidad mixta|de manera mixta|forma mixta", "de manera híbrida",
     "en modalidad semipresencial"),
    (r"presencial y (?:virtual|a distancia|remota)|(?:virtual|a distancia|remota) y presencial",
     "en modalidad presencial y a distancia"),
    # A room and a platform for the same session: some in the room, others connected.
    (r"tanto en [^.]{0,60}\b(?:sala|recinto|instalaciones)\b[^.]{0,120}\bcomo\b[^.]{0,120}"
     r"(?:plataforma|videoconferencia|a distancia|remot|virtual)",
     "tanto en esta sala de sesiones como de quienes nos acompañan a través de la plataforma de videoconferencia"),
    (r"\b(?:sala|recinto|instalaciones)\b[^.]{0,200}\by (?:a traves|mediante|por medio) de (?:la )?plataforma",
     "en la Sala de Consejo del Instituto, ubicada en la calle Eusebio Castillo, y a través de la plataforma de "
     "videoconferencias institucional para quienes así lo solicitaron"),
], contraejemplos=["se reunieron de manera virtual mediante la plataforma Zoom", "en la Sala de Sesiones del Consejo"])
MODALIDAD_VIRTUAL = familia("modalidad_virtual", [
    (r"\bvirtual(?:es)?\b|a distancia|\bremota\b", "se reunieron de manera virtual", "sesión a distancia"),
    (r"videoconferencia|video conferencia", "mediante videoconferencia"),
    (r"plataforma (?:digital|zoom|teams|meet|webex)|\bvia zoom\b|\bzoom\b|microsoft teams|google meet",
     "a través de la plataforma Zoom"),
], contraejemplos=["en la Sala de Sesiones"])
MODALIDAD_PRESENCIAL = familia("modalidad_presencial", [
    (r"\bpresencial\b", "sesión presencial"),
    (r"sala de sesiones|salon de sesiones|sala de juntas|auditorio|recinto", "en la Sala de Sesiones del Consejo"),
    (r"en las instalaciones|en el edificio|en la sede|en las oficinas|domicilio ubicado",
     "en las instalaciones del Instituto"),
])

QUORUM_NO = familia("quorum_no", [
    (r"\bno (?:existe|existia|hay|habia|se cuenta con|se conto con|se tiene|se tuvo|se reune|se reunio|"
     r"se alcanza|se alcanzo|contamos con)\s+(?:el\s+)?quorum", "no existe el quórum requerido"),
    (r"falta de quorum|sin quorum|no hay quorum|inexistencia del quorum", "por falta de quórum"),
])
QUORUM_SI = familia("quorum_si", [
    (r"(?:existe|existiendo|habiendo|existencia del?|hay|se cuenta con|contamos con|se tiene|se declara|declaro|"
     r"se verifica|verificado el|constatad[oa]|con el)\s+(?:el\s+|un\s+)?quorum",
     "me permito informar que existe quórum legal para sesionar", "se declara la existencia del quórum"),
    (r"quorum (?:legal|reglamentario|requerido|necesario) para (?:sesionar|llevar a cabo)",
     "hay quórum legal para sesionar"),
    (r"quorum legal\b(?! para sesionar;)", "Quórum legal."),
])

# ---- items withdrawn ---------------------------------------------------------------------------

RETIRO_DE_PUNTO = familia("retiro_de_punto", [
    (r"se retira (?:el|la) (?:punto|proyecto|documento|dictamen|informe)",
     "se retira el punto del orden del día"),
    (r"retira(?:r)? del orden del dia", "propuso retirar del orden del día el dictamen"),
])


def compiled_count():
    """How many families are compiled (for the benchmark's report)."""
    return len(FAMILIAS)


# ---- corrections asked of a document, and what became of them (etl/documentos.py) -------------

# «Sin observaciones», «No habiendo observaciones, el orden del día se sometió…»: nobody asked for
# a change. Removed from a sentence before it is read as a request or a vote on a correction.
SIN_OBSERVACIONES = familia("sin_observaciones", [
    (r"\bsin\s+(?:que\s+(?:hubiera|hubiese|existieran|existiera|se\s+formularan|se\s+presentaran|se\s+registraran)\s+)?"
     r"(?:observaciones|comentarios|correcciones|modificaciones|cambios)\b",
     "Sin observaciones, el orden del día fue aprobado",
     "Puesto a consideración, y sin que hubiera observaciones, el orden del día fue aprobado"),
    (r"\b(?:no\s+habiendo|al\s+no\s+haber|al\s+no\s+registrarse|al\s+no\s+existir|no\s+existiendo|no\s+hubo|no\s+se\s+registraron|"
     r"no\s+se\s+formularon|no\s+se\s+presentaron)(?:\s+mas)?\s+(?:observaciones|comentarios|correcciones|modificaciones)\b",
     "No habiendo observaciones, el orden del día se sometió a votación económica",
     "Respecto del punto tres, al no registrarse observaciones al proyecto de acta",
     "Al no haber observaciones a la minuta, se sometió a votación"),
], contraejemplos=["La Dra. Ruiz formuló observaciones al acta de la sesión anterior"])

# An error stated with its fix is a request by itself: «en la página 4 dice «90 %» y debe decir
# «95 %»», «aparece escrito «Escareno» y debe decir «Escareño»».
FE_DE_ERRATAS = familia("fe_de_erratas", [
    (r"\b(?:debe|deberia|debera) (?:decir|leerse)\b",
     "en la página 4, numeral 2.3, dice «con un nivel de confianza del 90 %» y debe decir «… del 95 %»",
     "su segundo apellido aparece escrito «Escareno» y debe decir «Escareño»"),
    (r"\b(?:dice|decia|aparece|esta escrit[oa]|quedo asentad[oa]|se asento)\b.{0,200}\b(?:debe|deberia) ser\b",
     "dice que la sesión terminó a las 18:05 horas y debe ser 18:50 horas"),
    (r"\basentad[oa],? [^.;]{0,60}\bdebe ser\b", "en la página 5 la hora de clausura asentada, 18:05 horas, debe ser 18:50 horas"),
], contraejemplos=["manifestó que el criterio debe ser más flexible", "la votación debe hacerse de forma nominal"])

# A wish for a future document is not a correction of this one: «pidió que el siguiente informe
# incluya un cuadro por distrito», «solicitó que en los informes subsecuentes se incluya una tabla».
DOCUMENTO_FUTURO = familia("documento_futuro", [
    (r"\b(?:siguiente|proximo|proxima|proximos|futuro|futuros|posterior|posteriores|subsecuentes?)\s+"
     r"(?:informe|informes|documento|documentos|reporte|reportes|version|entrega)",
     "pidió que el siguiente informe incluya un cuadro por distrito"),
    (r"\b(?:informes|documentos|reportes|versiones|entregas)\s+(?:subsecuentes|posteriores|siguientes|futur[oa]s|"
     r"proxim[oa]s|venideros)\b",
     "La Lic. Martha Patricia Delgado Robles solicitó que en los informes subsecuentes se incluya una tabla"),
    (r"\ben lo sucesivo\b|\ben adelante\b|\ben futuras?\b", "pidió que en lo sucesivo se incluya la fuente"),
], contraejemplos=["solicitó que en la página 3 del informe se corrija la fecha"])

# A list introduced, not a request: «Enseguida se formularon las siguientes observaciones al
# proyecto de dictamen:» (each lettered item that follows is one).
LISTA_DE_OBSERVACIONES = familia("lista_de_observaciones", [
    (r"\b(?:las|los) siguientes (?:observaciones|correcciones|propuestas|comentarios|modificaciones)\b[^.;]*:\s*$",
     "Enseguida se formularon las siguientes observaciones al proyecto de dictamen:"),
], contraejemplos=["La Dra. Ruiz formuló observaciones al acta: en la página 3 dice «Ruíz»"])

# A request answered without a vote of its own, in the affirmative: «el Secretario Técnico tomó
# nota», «lo que la consejera presidenta aceptó incluir en el acuerdo», «estuvieron de acuerdo
# con la precisión, que el Secretario Técnico incorporó al proyecto».
ACEPTADA_SIN_VOTO = familia("aceptada_sin_voto", [
    (r"\b(?:se (?:toma|tomo|tomara)|tomo|toma|tomaron) (?:debida )?nota\b", "El Secretario Técnico tomó nota e indicó"),
    (r"\b(?:considero|consideraron|considera|consideran|estimo|estimaron) procedente", "La consejera presidenta consideró procedente la corrección"),
    (r"\b(?:son|es|resulta|resultan) procedentes?\b", "manifestaron que las observaciones a), b) y c) son procedentes"),
    (r"\bacept(?:o|aron|a|an) (?:incluir|incorporar|atender|realizar|la|el|las|los|dicha|esa)\b|"
     r"\b(?:fue|fueron|es|son|quedo|quedaron) aceptad[oa]s?\b|\bse acepta(?:n|ron|ra)?\b",
     "lo que la consejera presidenta aceptó incluir en el acuerdo",
     "lo que fue aceptado por las y los integrantes del consejo sin objeción"),
    (r"\b(?:estuvieron|estuvo|estan|esta|se mostraron|se mostro) de acuerdo con (?:la|el|las|los|dicha|dicho|esa|ese) "
     r"(?:precision|propuesta|cambio|correccion|observacion|modificacion|ajuste|peticion|solicitud)",
     "Las personas integrantes del Comité estuvieron de acuerdo con la precisión"),
    (r"\b(?:se )?incorpor(?:o|aron|ara|aran) (?:al|a la|en el|en la) (?:proyecto|acta|documento|dictamen|informe|acuerdo)",
     "que el Secretario Técnico incorporó al proyecto"),
    (r"\bse (?:atendera|atenderan|realizara|realizaran|incorporara|incorporaran|hara|haran) (?:la|las|el|los|dicha|dichas|esa|esas|ambas)?\s*"
     r"(?:correccion|correcciones|precision|precisiones|observacion|observaciones|ajuste|ajustes|cambio|cambios)?",
     "indicó que ambas correcciones se incorporarán al acta"),
    (r"\bse (?:incorporara|incorporaran|atendera|atenderan)\b", "ambas correcciones se incorporarán al acta antes de recabar las firmas"),
], contraejemplos=["preguntó si el cambio requería modificar el acuerdo del Consejo General",
                   "la propuesta no fue secundada"])

# A request answered without a vote of its own, in the negative: «su propuesta no fue
# secundada», «no es procedente», «se desecha».
RECHAZADA_SIN_VOTO = familia("rechazada_sin_voto", [
    (r"\bno (?:fue|fueron|es|son|resulto) secundad[oa]s?\b|\bno se secund\w*|\bsin (?:ser )?secundad[oa]",
     "propuso que los recuentos se realicen en la sala de sesiones del propio consejo; su propuesta no fue secundada"),
    (r"\bno (?:se acepta|se aceptan|se acepto|procede|ha lugar|es procedente|resulta procedente|se atendera)\b|"
     r"\bimprocedente\b|\bse desech\w+", "la Secretaria respondió que no es procedente", "se desecha la propuesta"),
], contraejemplos=["la consejera presidenta consideró procedente la corrección"])

# The vote or the acceptance names whose proposal it is: «incorporar al proyecto la propuesta del
# Lic. Pech Cauich», «Se sometió a votación la propuesta de la Dra. Camacho Quintero». Read
# unfolded: the name follows (group `quien`).
PROPUESTA_DE = familia("propuesta_de", [
    (r"\b(?:la|las|su|sus) (?:propuestas?|observacion(?:es)?|peticion(?:es)?|precision(?:es)?|modificacion(?:es)?|correccion(?:es)?)"
     r" (?:formuladas? |realizadas? |hechas? |planteadas? )?(?:del|de la|de el|por el|por la)\s+(?P<quien>[A-ZÁÉÍÓÚ][^,;:.]{2,80}"
     r"(?:\.[^,;:.]{2,80})?)",
     "solicitó al Secretario Técnico incorporar al proyecto la propuesta del Lic. Pech Cauich, condicionando",
     "Se sometió a votación la propuesta de la Dra. Camacho Quintero."),
], plegado=False, contraejemplos=["la propuesta de ubicación de casillas extraordinarias"])

# «las observaciones a), b) y c) se aprobaron», «La propuesta d) se sometió a votación»: a vote on
# lettered items of a list (group `letras`).
INCISOS = familia("incisos", [
    (r"\b(?:observaciones|observacion|propuestas?|correcciones|correccion|incisos?|modificaciones|modificacion|puntos?)\s+"
     r"(?P<letras>[a-z]\)(?:\s*(?:,|y|e)\s*[a-z]\))*)",
     "Las observaciones a), b) y c) se aprobaron por unanimidad", "La propuesta d) se sometió a votación económica"),
], contraejemplos=["a) El Dr. Efraín Soto Bahena señaló que en la página 4"])

# ---- documents -------------------------------------------------------------------------------

# A key an agenda title cites, not a document of the session: «por el que se da cumplimiento a la
# sentencia dictada … en el expediente TEEM-JDC-045/2024». Read on the folded text just before
# the key.
CLAVE_CITADA = familia("clave_citada", [
    (r"\b(?:expedientes?|juicios?|recursos?|oficios?|toca|incidentes?|sentencias?|resolucion(?:es)?|"
     r"acumulad[oa]s?|numero de expediente)\b(?:\s+[\w.]+){0,4}\s*$",
     "por el que se da cumplimiento a la sentencia dictada por el Tribunal Electoral del Estado de Michoacán en el expediente",
     "en cumplimiento a lo ordenado en el juicio ciudadano"),
], contraejemplos=["Presentación y, en su caso, aprobación del Proyecto de Acuerdo"])

# The vote that decides a document voted in parts: the one «en lo general», not those «en lo
# particular» on a considerando or a resolutivo.
EN_LO_PARTICULAR = familia("en_lo_particular", [
    (r"\ben lo particular\b", "Presidenta, en lo particular el considerando 31 es aprobado por mayoría"),
], contraejemplos=["Presidenta, en lo general el proyecto es aprobado por mayoría de seis votos"])

# A document received without a decision: the line that says so is where its state is read.
TENIDO_POR_PRESENTADO = familia("tenido_por_presentado", [
    (r"\b(?:tuvo|tiene|tienen|tuvieron|da|dio|dan|dieron|de|den) por (?:presentad|recibid|rendid|conocid)",
     "Las personas asesoras técnicas dieron por recibido el informe.", "se tuvo por rendido el informe"),
    (r"\bqueda(?:n|ron)? (?:debidamente )?presentad", "el informe queda debidamente presentado"),
], contraejemplos=["se presentó el informe de avance",
                   # where the acta says who presented it, that line is kept («rindió el Informe …»)
                   "Las y los asistentes se dieron por enterados del informe."])
