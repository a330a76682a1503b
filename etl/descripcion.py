"""What was asked of a document, in one short line: where and what, in the acta's own words.

The acta gives a correction as a speaker's turn, with its fillers («Solamente quisiera hacer
comentario sobre, quiero solicitar la, se corrijan errores …»); a reader of the informe wants the
line a careful secretary would write: «antecedentes 9 y 27: «ayuntamientos» por «distritos»;
ortografía en la página 10». This module turns a passage into that line (pure: text in, text
out). The whole passage stays in the acta, one click away through `fuente.linea`.

A passage is read as a list of *cambios* (changes), each of a kind, with the places the acta
names for it (página, numeral, antecedente, apartado, inciso, anexo, tabla…):

- reemplazo: «la palabra ayuntamientos por la de distritos», «dice "X" y debe decir "Y"»,
  «se sustituya la expresión "versión móvil" por "sitio adaptable"»;
- ortografía: «errores de ortografía»;
- numeración: «la corrección de los incisos», «se repiten los incisos a y b»;
- leyenda: «quitar la leyenda … donde dice que se anexa la síntesis curricular»;
- acción: any other request verb with its object, «se agregue la visita de verificación …»,
  «corregir la hora de clausura» (the subjunctive of the request becomes an infinitive).

`describir(texto, llamado=None, contexto=())` prefers what the vote put to the members (the call,
«si están a favor de … cambiar los incisos de la página 6»), completing each of its changes with
the places the request gave for the same change; it returns None when no change can be told
short, and the parser then says so in an aviso.
"""
import bisect
import functools
import re
from dataclasses import dataclass, field
from re import _parser as sre_parse

from etl.patrones import iniciales, minusculas_fiables, solo_minusculas
from etl.vocabulario import fold

LARGO_MAXIMO = 160

_A = "[aá]"
_E = "[eé]"
_I = "[ií]"
_O = "[oó]"
_U = "[uú]"
PALABRA = r"[\wÁÉÍÓÚÜÑáéíóúüñ]+"
CITA = r"[«\"“'‘]([^»\"”'’]{1,80})[»\"”'’]"

# --- Places -----------------------------------------------------------------------------------

_NUM = rf"(?:n{_U}mero\s+|no\.\s*)?"
LUGARES = (
    # (kind, pattern); group 1 is the number or name. Order is the order of the output.
    ("anexo", re.compile(rf"\banexo\s+{_NUM}(\d+|[IVX]+\b|[A-Z]\b)", re.I)),
    ("página", re.compile(rf"\bp{_A}gina\s+{_NUM}(\d+)", re.I)),
    ("apartado", re.compile(rf"\b(?:apartado|secci{_O}n|cap{_I}tulo)\s+(?:de\s+)?"
                            rf"(\d+(?:\.\d+)*|[IVX]+\b|(?:{PALABRA}\s+){{0,2}}?(?:conclusiones|"
                            rf"antecedentes|considerandos|resultados|recomendaciones|objetivos?))",
                            re.I)),
    ("antecedente", re.compile(rf"\bantecedentes?\s+(?:en\s+(?:el|los)\s+numeral(?:es)?\s+)?{_NUM}"
                               rf"(\d+(?:\s*(?:,|y|e)\s*(?:en\s+el\s+)?\d+)*)", re.I)),
    ("considerando", re.compile(rf"\bconsiderandos?\s+{_NUM}(\d+|[IVX]+\b)", re.I)),
    ("numeral", re.compile(rf"\bnumeral(?:es)?\s+{_NUM}(\d+(?:\.\d+)*)", re.I)),
    ("tabla", re.compile(rf"\b(tabla|cuadro|gr{_A}fica|figura)\s+{_NUM}(\d+|{PALABRA})", re.I)),
    ("inciso", re.compile(r"\ben\s+el\s+inciso\s+([a-z])\)?(?![\wáéíóú])", re.I)),
)
# The word every match of each kind of place holds (lower case; see `_puede`).
PALABRAS_DE_LUGAR = {"anexo": ("anexo",), "página": ("gina",), "apartado": ("apartado", "secci", "tulo"),
                     "antecedente": ("antecedente",), "considerando": ("considerando",),
                     "numeral": ("numeral",), "tabla": ("tabla", "cuadro", "fica", "figura"),
                     "inciso": ("inciso",)}
# The kinds whose every match opens with one of their words («anexo 2», «numeral 10»): searched
# from the first of those words in the passage (see `_desde`).
LUGARES_QUE_ABREN_CON_SU_PALABRA = {"anexo", "antecedente", "considerando", "numeral"}
NOMBRES_NUMERO = {"uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6",
                  "siete": "7", "ocho": "8", "nueve": "9", "diez": "10"}


@dataclass
class Lugar:
    tipo: str
    valor: str
    inicio: int
    fin: int

    def texto(self):
        if self.tipo == "antecedente":
            numeros = re.findall(r"\d+", self.valor)
            if len(numeros) > 1:
                return "antecedentes " + ", ".join(numeros[:-1]) + " y " + numeros[-1]
            return f"antecedente {numeros[0]}"
        if self.tipo == "tabla":
            return self.valor
        if self.tipo == "apartado" and not re.match(r"[\dIVX]", self.valor):
            return f"apartado de {self.valor.lower()}"
        if self.tipo == "página":
            return f"la página {self.valor}"
        return f"{self.tipo} {self.valor}"


# Python's `re` with IGNORECASE cannot skip ahead to a pattern's first letter: it tries every
# position of the passage. Each pattern here is searched only when the passage, in lower case,
# holds one of the words every match of it holds («gina» for «página 10» or «PÁGINA 10»): most
# passages name two or three kinds of place, not eight. `re` also holds «ı», «ſ»… equal to ASCII
# letters, which `str.lower` does not: a passage with one of them skips the test (the passage in
# lower case, or None, is `patrones.minusculas_fiables`).
_llano = minusculas_fiables


def _puede(palabras, llano):
    """Whether a pattern whose every match holds one of `palabras` can match the passage."""
    if llano is None:
        return True
    for palabra in palabras:        # a loop, not `any(…)`: each passage asks ~40 times
        if palabra in llano:
            return True
    return False


def _desde(palabras, llano):
    """Where the search of a pattern whose every match opens with one of `palabras` may start:
    the first of them in the passage (`str.lower` keeps every position of a passage `_llano`
    accepts), 0 when there is no reliable lower case."""
    if llano is None:
        return 0
    return min((posicion for posicion in map(llano.find, palabras) if posicion >= 0), default=len(llano))


def lugares_en(texto):
    """Every place the passage names, in order of appearance."""
    return _lugares(texto, _llano(texto))


def _lugares(texto, llano):
    """`lugares_en`, with the passage in lower case already at hand (`_llano`)."""
    encontrados = []
    for tipo, patron in LUGARES:
        if not _puede(PALABRAS_DE_LUGAR[tipo], llano):
            continue
        inicio = _desde(PALABRAS_DE_LUGAR[tipo], llano) if tipo in LUGARES_QUE_ABREN_CON_SU_PALABRA else 0
        for m in _encontrar(patron, texto, llano, inicio):
            if tipo == "tabla":
                valor = NOMBRES_NUMERO.get(m.group(2).lower(), m.group(2))
                if not re.fullmatch(r"\d+", valor):
                    continue
                encontrados.append(Lugar(tipo, f"{m.group(1).lower()} {valor}", m.start(), m.end()))
            else:
                encontrados.append(Lugar(tipo, m.group(1), m.start(), m.end()))
    unicos = []
    for lugar in sorted(encontrados, key=lambda l: -(l.fin - l.inicio)):
        if any(lugar.inicio < otro.fin and otro.inicio < lugar.fin for otro in unicos):
            continue
        unicos.append(lugar)
    return sorted(unicos, key=lambda l: l.inicio)


# --- Changes ----------------------------------------------------------------------------------

@dataclass
class Cambio:
    tipo: str
    que: str
    inicio: int
    fin: int
    lugares: list = field(default_factory=list)
    clave: str = ""

    def texto(self):
        lugares = _orden_lugares(self.lugares)
        if self.tipo == "accion":        # places within its own words are already said
            lugares = [l for l in lugares if not self.inicio <= l.inicio < self.fin]
        if any(l.tipo == "antecedente" for l in lugares):
            lugares = [l for l in lugares if not (l.tipo == "apartado" and "antecedente" in l.valor.lower())]
        if not lugares:
            return self.que
        donde = ", ".join(lugar.texto() for lugar in lugares)
        if self.tipo == "reemplazo":
            return f"{re.sub(r'^la ', '', donde)}: {self.que}"
        return f"{self.que} en {_con_articulo(donde)}"


def _con_articulo(donde):
    if donde.startswith(("la ", "el ", "los ", "las ")):
        return donde
    if donde.startswith(("antecedentes", "considerandos", "numerales")):
        return f"los {donde}"
    if donde.startswith(("tabla", "gráfica", "figura")):
        return f"la {donde}"
    return f"el {donde}"


def _orden_lugares(lugares):
    """One place of each kind (the first said), in the order of LUGARES."""
    orden = [tipo for tipo, _ in LUGARES]
    vistos, unicos = set(), []
    for lugar in sorted(lugares, key=lambda l: orden.index(l.tipo)):
        if lugar.tipo not in vistos:
            vistos.add(lugar.tipo)
            unicos.append(lugar)
    return sorted(unicos, key=lambda l: l.inicio)


REEMPLAZOS = (
    re.compile(rf"\bdice\s*:?\s*{CITA}\s*,?\s*(?:y\s+|cuando\s+)?(?:debe|deber{_I}a)\s+decir\s*:?\s*{CITA}",
               re.I),
    re.compile(rf"\b(?:sustitu\w*|cambi\w*|reemplaz\w*|modific\w*)\s+(?:de\s+forma\s+)?(?:de\s+)?"
               rf"(?:la|las|el|los)?\s*(?:palabras?|t{_E}rminos?|expresi{_O}n|vocablos?|frases?|leyendas?)?"
               rf"\s*{CITA}\s+por\s+(?:la\s+de\s+|el\s+de\s+)?{CITA}", re.I),
    re.compile(rf"\b(?:palabras?|t{_E}rminos?|expresi{_O}n|vocablos?)\s+({PALABRA})\s+por\s+"
               rf"(?:la\s+de\s+|el\s+de\s+|la\s+palabra\s+|el\s+t{_E}rmino\s+)?({PALABRA})", re.I),
)
# The words every match of each of REEMPLAZOS holds, in its order (lower case; see `_puede`).
PALABRAS_DE_REEMPLAZO = (("dice",), ("sustitu", "cambi", "reemplaz", "modific"),
                         ("palabra", "rmino", "expresi", "vocablo"))
REEMPLAZOS_QUE_ABREN_CON_SU_PALABRA = (True, True, False)     # «dice …», «sustituir …»; not «t[eé]rmino»
ORTOGRAFIA = re.compile(rf"\b(?:errores?|faltas?)\s+(?:\w+\s+){{0,2}}?de\s+ortograf{_I}\w*|"
                        rf"\bortograf{_I}a\b", re.I)
NUMERACION = re.compile(rf"\b(?:correcci{_O}n\s+de|corregir|cambiar|renumerar|numerar)\s+(?:la\s+numeraci{_O}n\s+de\s+)?"
                        rf"(?:los|las)\s+(incisos|numerales|apartados|p{_A}rrafos|antecedentes|considerandos)|"
                        rf"\bnumeraci{_O}n\s+de\s+(?:los|las)\s+(incisos|numerales|apartados|p{_A}rrafos|"
                        rf"antecedentes|considerandos)|"
                        rf"\bse\s+repiten\s+(?:los|las)\s+(incisos|numerales|apartados|p{_A}rrafos)", re.I)
LEYENDA = re.compile(rf"\b(?:quitar|eliminar|suprimir|retirar|omitir|se\s+quite|se\s+elimine|se\s+suprima)\s+"
                     rf"(?:la\s+)?leyenda\b(?P<resto>[^.;]{{0,160}})", re.I)
LEYENDA_DICE = re.compile(rf"(?:donde|que)\s+dice\s+(?:que\s+)?(?P<dice>(?:{PALABRA}\s*){{1,8}})", re.I)
NUMERACION_PALABRAS = ("inciso", "numeral", "apartado", "rrafo", "antecedente", "considerando")


def _con_iniciales(patron):
    """`patron` behind a lookahead on the characters its matches open with, read from its syntax
    («\\b(?:quitar|eliminar|…)» → «(?=[eoqrs])»): with IGNORECASE `re` tries every alternative at
    every word, the lookahead one class (same matches, 1.2–2× faster). Unchanged when the syntax
    does not tell."""
    letras, nula = iniciales(list(sre_parse.parse(patron.pattern, patron.flags)))
    if letras is None or nula or not letras:
        return patron
    clase = "".join(re.escape(letra) for letra in sorted(letras))
    return re.compile(rf"(?=[{clase}])(?:{patron.pattern})", patron.flags)


# The patterns tried on every passage that open with an alternation (the others open with one word).
REEMPLAZOS = (REEMPLAZOS[0],) + tuple(_con_iniciales(patron) for patron in REEMPLAZOS[1:])
NUMERACION, LEYENDA, ORTOGRAFIA = (_con_iniciales(patron) for patron in (NUMERACION, LEYENDA, ORTOGRAFIA))
LUGARES = tuple((tipo, _con_iniciales(patron) if tipo in ("apartado", "tabla") else patron) for tipo, patron in LUGARES)
# --- Searching in lower case ------------------------------------------------------------------
# With IGNORECASE, `re` compares every letter through its case folding (and a class like «[efo]»
# through all its cases): a pattern of lower-case words searched case-sensitively in the passage
# in lower case (`_llano`) finds the same places about twice as fast. The match itself is then
# read by the pattern on the passage at that place (groups in the acta's own letters), as
# `patrones.Minusculas` does for a single search; these patterns are searched many times a
# passage, with its lower case computed once.

def _en_minusculas(patron):
    """The case-sensitive copy of an IGNORECASE `patron` of lower-case words, or None."""
    if not patron.flags & re.IGNORECASE or not solo_minusculas(list(sre_parse.parse(patron.pattern, patron.flags))):
        return None
    return re.compile(patron.pattern, patron.flags & ~re.IGNORECASE)


def _encontrar(patron, texto, llano, inicio=0):
    """The matches of `patron.finditer(texto, inicio)` (none of its patterns matches empty): each
    place found by its copy in lower case in `llano` and the match read there by `patron`; the
    pattern alone when the passage has no reliable lower case or the pattern no copy."""
    copia = EN_MINUSCULAS.get(patron)
    if copia is None or llano is None:
        yield from patron.finditer(texto, inicio)
        return
    while (m := _buscar(patron, texto, llano, inicio)):
        yield m
        inicio = m.end()


def _buscar(patron, texto, llano, inicio=0):
    """`patron.search(texto, inicio)`, found as `_encontrar` finds each match."""
    copia = EN_MINUSCULAS.get(patron)
    if copia is None or llano is None:
        return patron.search(texto, inicio)
    hallado = copia.search(llano, inicio)
    return patron.match(texto, hallado.start()) if hallado else None


PARADAS_LEYENDA = {"este", "esta", "ya", "porque", "pues", "sino", "toda", "debido", "ya", "por", "y"}

VERBOS = {
    "corrija": "corregir", "corrijan": "corregir", "agregue": "agregar", "agreguen": "agregar",
    "incluya": "incluir", "incluyan": "incluir", "elimine": "eliminar", "eliminen": "eliminar",
    "sustituya": "sustituir", "modifique": "modificar", "modifiquen": "modificar",
    "precise": "precisar", "desagregue": "desagregar", "añada": "añadir", "anexe": "anexar",
    "actualice": "actualizar", "homologue": "homologar", "cambie": "cambiar", "quite": "quitar",
    "suprima": "suprimir", "incorpore": "incorporar", "retire": "retirar", "adicione": "adicionar",
    "aclare": "aclarar", "revise": "revisar", "complemente": "complementar", "ajuste": "ajustar",
}
INFINITIVOS = sorted({*VERBOS.values(), "señalar", "indicar", "mencionar", "especificar", "reflejar"})
SIN_SE = ("corrija", "corrijan", "agregue", "agreguen", "incluya", "incluyan", "elimine", "modifique",
          "sustituya", "actualice", "incorpore", "suprima")
# Every match opens with «se» or one of the verbs: the lookahead on their first letters spares
# `re` trying seventy alternatives at each word that cannot open one (same matches, half the time).
_INICIALES = "".join(sorted({palabra[0] for palabra in ("se", *VERBOS, *SIN_SE, *INFINITIVOS)}))
ACCION = re.compile(
    rf"(?=[{_INICIALES}])" r"\b(?:se\s+(?P<subj>" + "|".join(VERBOS) + r")|(?P<subj2>" + "|".join(SIN_SE) + r")|(?P<inf>"
    + "|".join(INFINITIVOS) + r"))\b\s+(?P<objeto>[^.;:]{3,200})", re.I)
# Every alternative opens with «,», «;» or a space: the lookahead spares `re` trying them at
# every letter (same matches).
FIN_OBJETO = re.compile(rf"(?=[,;\s])(?:,\s*(?:que|ya|pues|porque|toda\s+vez|debido|cuando|para\s+que|el\s+cual|"
                        rf"la\s+cual|mism[oa]s?)\b|\s+(?:ya\s+que|pues|porque|toda\s+vez|debido\s+a|"
                        rf"por\s+lo\s+que|quien(?:es)?\s+est{_E}n?|favor\s+de|si\s+est{_A}n)\b|"
                        rf"[,;]\s+(?:y|e)\s+(?:que\s+)?(?:se\s+)?(?=\w+)|\s+y\s+que\b|\s+para\s+(?:que|crear|el|la)\b)", re.I)
RELLENOS = re.compile(rf"\b(?:nada\s+m{_A}s|solamente|solo|s{_O}lo|por\s+favor|de\s+forma|"
                      rf"de\s+manera\s+involuntaria)\b\s*", re.I)


# The copies in lower case of the patterns searched in every passage (those that have one).
EN_MINUSCULAS = {patron: copia for patron in (*REEMPLAZOS, LEYENDA, NUMERACION, ORTOGRAFIA, ACCION,
                                              *(patron for _, patron in LUGARES))
                 if (copia := _en_minusculas(patron)) is not None}
# An action whose object opens with a preposition («corregir en la página 6») only places a change
# already read; an object that is only a preposition is none (compiled once, not per action).
OBJETO_DE_LUGAR = re.compile(r"(?:en|a|de|del|al)\s")
OBJETO_VACIO = re.compile(r"(?:en|a|de|con)\s*$", re.I)

def cambios_en(texto):
    """The changes a passage asks for, in order, each with the places nearest to it."""
    return list(_cambios(texto))


@functools.lru_cache(maxsize=256)
def _cambios(texto):
    """`cambios_en`, remembered within a parse: each correction of an agenda item reads the item's
    other requests as its context, so a request is read once per item, not once per correction.
    The changes are shared between callers and only read once found (describir never alters one)."""
    cambios = []
    ocupado = []

    def libre(inicio, fin):
        return all(fin <= a or inicio >= b for a, b in ocupado)

    def agregar(cambio):
        if libre(cambio.inicio, cambio.fin):
            ocupado.append((cambio.inicio, cambio.fin))
            cambios.append(cambio)

    llano = _llano(texto)
    for patron, palabras, abre in zip(REEMPLAZOS, PALABRAS_DE_REEMPLAZO, REEMPLAZOS_QUE_ABREN_CON_SU_PALABRA):
        if not _puede(palabras, llano):
            continue
        for m in _encontrar(patron, texto, llano, _desde(palabras, llano) if abre else 0):
            viejo, nuevo = (" ".join(g.split()) for g in m.groups()[:2])
            agregar(Cambio("reemplazo", f"«{viejo}» por «{nuevo}»", m.start(), m.end(),
                           clave=_raiz(viejo) + ">" + _raiz(nuevo)))
    for m in (_encontrar(LEYENDA, texto, llano) if _puede(("leyenda",), llano) else ()):
        dice = LEYENDA_DICE.search(m.group("resto"))
        if dice:
            palabras = []
            for palabra in dice.group("dice").split():
                if palabra.lower() in PARADAS_LEYENDA and len(palabras) >= 3:
                    break
                palabras.append(palabra)
            que = f"quitar la leyenda «{' '.join(palabras)}»"
        else:
            que = "quitar la leyenda"
        fin = m.start("resto") + (dice.end() if dice else 0)
        agregar(Cambio("leyenda", que, m.start(), fin, clave="leyenda"))
    for m in (_encontrar(NUMERACION, texto, llano) if _puede(NUMERACION_PALABRAS, llano) else ()):
        que = next(g for g in m.groups() if g).lower()
        agregar(Cambio("numeracion", f"numeración de los {que}", m.start(), m.end(), clave=que))
    for m in (_encontrar(ORTOGRAFIA, texto, llano) if _puede(("ortograf",), llano) else ()):
        agregar(Cambio("ortografia", "ortografía", m.start(), m.end(), clave="ortografia"))
    estructurados = bool(cambios)
    posicion = 0
    while (m := _buscar(ACCION, texto, llano, posicion)):
        cambio = _accion(m)
        posicion = cambio.fin if cambio else m.start("objeto")
        if cambio and not (estructurados and OBJETO_DE_LUGAR.match(cambio.que.split(" ", 1)[1])):
            agregar(cambio)
    cambios.sort(key=lambda c: c.inicio)
    cambios = [c for c in cambios if not (c.tipo == "accion" and any(
        o.tipo == "reemplazo" and 0 <= o.inicio - c.fin <= 3 for o in cambios))]
    _situar(texto, cambios, llano)
    return tuple(_unir_iguales(cambios))


def _accion(m):
    verbo = VERBOS.get((m.group("subj") or m.group("subj2") or "").lower()) or m.group("inf").lower()
    objeto = m.group("objeto")
    corte = FIN_OBJETO.search(objeto)
    if corte:
        objeto = objeto[:corte.start()]
    fin = m.start("objeto") + len(objeto)
    objeto = " ".join(RELLENOS.sub("", objeto).split()).rstrip(",")
    if len(objeto) < 4 or OBJETO_VACIO.match(objeto):
        return None
    palabras = objeto.split()
    if len(palabras) > 14:
        objeto = " ".join(palabras[:14]).rstrip(",;:") + "…"
    return Cambio("accion", f"{verbo} {objeto}", m.start(), fin,
                  clave=verbo + ":" + _raiz(objeto.split()[0]))


def _raiz(palabra):
    return fold(palabra)[:6]


# The «.» first, then the three letters before it: `re` scans for the sign instead of trying a
# lookbehind at every character (same matches as «(?<=[a-záéíóú]{3})\.\s+»).
FIN_DE_FRASE = re.compile(r"\.(?<=[a-záéíóú]{3}\.)\s+")


def _situar(texto, cambios, llano):
    """Each place the passage names goes to the nearest change in its sentence (places inside a
    change's own words are its own)."""
    if not cambios:
        return
    frases = [m.start() for m in FIN_DE_FRASE.finditer(texto)]

    def frase(pos):
        return bisect.bisect_left(frases, pos)      # how many sentences end before `pos`

    frase_de = [frase(c.inicio) for c in cambios]      # each change's sentence, once
    for lugar in _lugares(texto, llano):
        suya = frase(lugar.inicio)
        candidatos = [c for c, f in zip(cambios, frase_de) if f == suya or c.inicio <= lugar.inicio < c.fin]
        if not candidatos:
            continue

        def distancia(c):
            if c.inicio <= lugar.inicio < c.fin:
                return -1
            return lugar.inicio - c.fin if lugar.inicio >= c.fin else c.inicio - lugar.fin

        cercano = min(candidatos, key=distancia)
        if distancia(cercano) <= 180:
            cercano.lugares.append(lugar)


def _unir_iguales(cambios):
    """One change of each kind and key: «errores de ortografía … en la página 10 hay algunos
    errores de ortografía» is one change, with the places of both mentions."""
    unidos = {}
    for cambio in cambios:
        llave = (cambio.tipo, cambio.clave)
        if llave in unidos:
            unidos[llave].lugares.extend(cambio.lugares)
        else:
            unidos[llave] = cambio
    return list(unidos.values())


# --- The line ---------------------------------------------------------------------------------

# Every alternative opens with «s», «a» or «c»: the lookahead spares `re` trying four alternatives
# at every other character of a long call (same matches).
LLAMADO = re.compile(rf"(?=[acs])(?:si\s+(?:est{_A}n|estamos|se\s+est{_A})\s+a\s+favor|a\s+su\s+consideraci{_O}n|"
                     rf"\bsomet\w+\s+a\s+(?:votaci{_O}n|consideraci{_O}n)|\bconsult\w+\s+si\b)", re.I)
EN_MINUSCULAS[LLAMADO] = _en_minusculas(LLAMADO)      # a pattern of lower-case words too


def texto_del_llamado(texto):
    """What a call puts to the vote: the words after its last «si están a favor de» (a call may
    close a long request in the same paragraph)."""
    ultimo = None
    for m in _encontrar(LLAMADO, texto, _llano(texto)):
        ultimo = m
    return texto[ultimo.start():] if ultimo else texto


def describir(texto, llamado=None, contexto=()):
    """The short line for a correction, or None when no change can be told short.

    Expecting text like: 'se haga el cambio de forma de la palabra ayuntamientos por la de
    distritos … en la página número 10 hay algunos errores de ortografía'
    → 'antecedentes 9 y 27: «ayuntamientos» por «distritos»; ortografía en la página 10'."""
    pedidos = cambios_en(texto or "")
    votado = texto_del_llamado(llamado) if llamado else None
    votados = cambios_en(votado) if votado else []
    del_contexto = [c for otro in contexto if otro and otro != texto for c in cambios_en(otro)]
    if votados:
        elegidos = [_completar(c, pedidos + del_contexto) for c in votados]
    else:
        elegidos = [_completar(c, del_contexto) for c in pedidos]
    if not elegidos:
        return None
    return _acortar([c.texto() for c in elegidos])


def _completar(votado, pedidos):
    """The same change as the request put it: the request names the places («en la página 6
    numeral 10 … la corrección de los incisos»), the call often only the change."""
    iguales = [p for p in pedidos if p.tipo == votado.tipo
               and (p.clave == votado.clave or votado.tipo in ("leyenda", "ortografia", "numeracion")
                    or _misma_raiz(p.clave, votado.clave))]
    if not iguales:
        return votado
    mejor = max(iguales, key=lambda p: len(_orden_lugares(p.lugares)))
    if len(_orden_lugares(mejor.lugares)) >= len(_orden_lugares(votado.lugares)):
        return mejor
    return votado


def _misma_raiz(a, b):
    return a[:4] == b[:4] and a.split(">")[-1][:4] == b.split(">")[-1][:4]


def _acortar(partes):
    """Joined with «; », under LARGO_MAXIMO characters: whole changes first, then a cut at a word."""
    texto = "; ".join(partes)
    while len(texto) > LARGO_MAXIMO and len(partes) > 1:
        partes = partes[:-1]
        texto = "; ".join(partes) + "; …"
    if len(texto) > LARGO_MAXIMO:
        texto = texto[:LARGO_MAXIMO - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return texto


# --- What a vote decided ----------------------------------------------------------------------

OMISION = re.compile(rf"^\s*(?:omitir|dispensar|la\s+dispensa\s+de|la\s+omisi{_O}n\s+de|omisi{_O}n\s+de|"
                     rf"dispensa\s+de)\s+(?:la\s+|su\s+)?lectura\b\s*(?P<resto>.*)$", re.I | re.S)
SOLO_TIPO = re.compile(rf"^(?:(?:del?|al)\s+)?(?:(?:la|el|los|las)\s+)?(?:documento|dictamen|informe|acta|"
                       rf"acuerdo|plan|proyecto|presentaci{_O}n)?\s*(?:presentad[oa]|respectiv[oa]|"
                       rf"correspondiente|mencionad[oa])?\s*[.,]?$", re.I)


def asunto_de_omision(asunto, documento):
    """«Omitir la lectura» (of what?) names the document of its agenda item: «Omisión de la
    lectura del Dictamen IEPC/UTC/PREP/DICT/001/2021». None when the asunto is no omission."""
    m = OMISION.match(asunto or "")
    if not m:
        return None
    resto = " ".join(m.group("resto").split())
    if SOLO_TIPO.match(resto) and documento:
        return f"Omisión de la lectura {_de(documento)}"
    return f"Omisión de la lectura {resto}" if resto else "Omisión de la lectura"


def asunto_de_correccion(documento, descripcion):
    """«Corrección al Dictamen IEPC/UTC/PREP/DICT/001/2021: numeración de los incisos en la
    página 6, numeral 10»."""
    if not descripcion:
        return None
    return f"Corrección {_de(documento, 'a')}: {descripcion}" if documento else f"Corrección: {descripcion}"


def _de(documento, preposicion="de"):
    """«del Dictamen …», «de la Sesión …», «al Informe …»."""
    femenino = re.match(r"(?:acta|sesi[oó]n|minuta|presentaci[oó]n|versi[oó]n|propuesta)\b", documento, re.I)
    if preposicion == "a":
        return f"a la {documento}" if femenino else f"al {documento}"
    return f"de la {documento}" if femenino else f"del {documento}"
