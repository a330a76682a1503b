"""Documents handled in the session, the corrections asked of them, and corrections reported
as attended.

    parse_documentos(lector, votaciones) -> [dict]
    parse_correcciones(lector, votaciones, documentos, asistentes) -> [dict]
    parse_correcciones_atendidas(lector, documentos, asistentes) -> [dict]

A document is what an agenda item puts before the committee («Presentación del Dictamen
IEPC/UTC/PREP/DICT/001/2021…», «Lectura … del Acta de la Sesión Ordinaria número 1»). Its state
in the session comes from the vote on it (not from the vote to omit its reading, nor from votes
on corrections), or from its withdrawal; otherwise it was presented.
"""
import bisect
import functools
import itertools
import re
from re import _constants as sre
from re import _parser as sre_parse

from etl.descripcion import asunto_de_correccion, asunto_de_omision, describir
from etl.frases import (ACEPTADA_SIN_VOTO, CLAVE_CITADA, DOCUMENTO_FUTURO, EN_LO_PARTICULAR, FE_DE_ERRATAS, INCISOS, LISTA_DE_OBSERVACIONES, LLAMADO,
                        PROPUESTA_DE, RECHAZADA_SIN_VOTO, SIN_OBSERVACIONES, TENIDO_POR_PRESENTADO)
from etl.texto import Parrafo

from etl.numeros import fold, to_int
from etl.patrones import compilar
from etl.personas import display_name, names_in, resolve, speaker_label
from etl.votos import RESULT_RE
from etl.vocabulario import CLAVE_DOCUMENTO_RE, GRADO_RE

CLAVE_RE = CLAVE_DOCUMENTO_RE   # one clave pattern for the project (etl/vocabulario.py)
DOC_TYPES = (
    ("dictamen", re.compile(r"\bdictamen(es)?\b")),
    ("acta", re.compile(r"\b(?:actas?|minutas?)\s+(?:(?:de|del)\s+(?:la|las)?\s*)?(?:\w+\.?\s+){0,3}(?:sesion|sesiones|reunion)")),
    ("informe", re.compile(r"\binformes?\b")),
    ("acuerdo", re.compile(r"\b(proyecto de )?acuerdos?\b")),
    ("plan", re.compile(r"\b(plan|programa)\s+(anual\s+)?(de\s+trabajo|operativo|de actividades|de auditoria)|"
                        r"\bcalendario\b|\bplan\b|\bproceso tecnico operativo\b|\blineamientos\b")),
    ("presentacion", re.compile(r"^(presentacion|exposicion|demostracion)\b|\bprototipo\b|\bpresentacion (de|del)\b")),
)
NOT_DOCUMENT_RE = re.compile(r"^(lista|pase de lista|verificacion|declaracion|instalacion|seguimiento (de|a) (los )?acuerdos|"
                             r"lectura,? discusion y aprobacion"
                             r"(,? en su caso,?)? del orden del dia|asuntos generales|clausura|sintesis|bienvenida|"
                             r"aprobacion del orden|orden del dia)")
OMISSION_RE = compilar(r"\b(omitir|omision|dispensa|dispensar|lectura del|su lectura)\b")
CORRECTION_WORDS = (
    r"corri(ja|jan|gir|gio|ge|jo)", r"correg\w*", "correccion", "correcciones", "corregid",
    r"errores? (de )?(ortograf|forma|redacc|dedo)",
    "modificaci", "modificar", "modifiqu", "sustitu", "cambio de", "cambiar", "quitar", "eliminar", "elimine", "suprimir",
    "agregar", "agregue", "adicionar", "precisar", "precise", "precisen", "ajust", "observaci", "numerar", "renumerar",
    "incisos", "leyenda", "redaccion", "ortografi", "errat", r"incluy\w+", "incluir", r"incluya\w*", r"incorpor\w+",
    r"anad\w+", r"agreg\w+")


def _by_first_letter(alternatives):
    """An alternation of words that each open with a letter, grouped by that letter, in their
    order: «corri…|correg…|cambiar|errat» -> «c(?:orri…|orreg…|ambiar)|e(?:rrat)». `re` tries
    every alternative at each word of a paragraph; grouped, it tries a dozen letters and then
    only the words that open with the one found. At any place only one letter's group can match,
    and within it the order is kept: the same matches as the plain alternation."""
    groups = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())


CORRECTION_WORDS_RE = re.compile(r"\b(?:" + _by_first_letter(CORRECTION_WORDS) + ")")
# Compiled with its necessary words tested first (etl/patrones.py): a long paragraph with correction
# words and no request word («solicit», «pido», «prop»…) is answered without searching it.
REQUEST_RE = compilar(
    r"\b(solicit(?!ud|ante)\w*|pido|pidi\w*|pide|piden|pedir\w*|pedimos|propong\w*|propone\w*|propus\w*|propuestas?|sugier\w*|sugerir\w*|sugiero|sugirio|convendria|quisiera|"
    r"me gustaria|se corrija\w*|sean corregid\w*|se modifiqu\w*|se sustitu\w*|se elimin\w*|se agregu\w*|"
    r"hacer (nada mas )?la correccion|senal\w+ que|"
    r"(formul\w+|hizo|hace|hago|hacer|realiz\w+|present\w+|plante\w+|expres\w+|tengo|tenemos|tiene|una|unas|dos|tres|"
    r"mis|nuestras|algunas|las siguientes|sus) (\w+ ){0,2}observaciones? (al|a la|del|de la|en el|en la))\b")
ATTENDED_RE = compilar(
    r"((fueron|han sido|se|quedaron|quedan|ya)\s+(debidamente\s+)?(atendid|solventad|realizad|incorporad|subsanad|"
    r"atendieron|solventaron|incorporaron|realizaron|subsanaron)\w*\s+(las|los|todas las|la|el)?\s*"
    r"(observaciones|correcciones|ajustes|modificaciones|cambios|comentarios|precisiones)|"
    r"(observaciones|correcciones|modificaciones|ajustes|comentarios|precisiones|solicitud|solicitudes|peticion)\b"
    r"(?:[^.;]|\.(?=\s*[a-z0-9]))*?\b(fue|fueron|ha sido|han sido|quedo|quedaron|se encuentran?|estan|ya estan|se tienen? por)\s+"
    r"(debidamente\s+)?(atendid|solventad|incorporad|realizad|subsanad)\w*)")
WITH_CORRECTIONS_RE = re.compile(r"(con|incluyendo|considerando|incorporando) (las|los|la|el|dicha|dichas|dicho|dichos|esa|esas|"
                                 r"tal|tales|esta|estas|estos) (correccion|correcciones|modificacion|modificaciones|observacion|"
                                 r"observaciones|ajuste|ajustes|propuestas?|cambios?|precision|precisiones)")
WITHDRAWN_RE = compilar(r"se retira (del orden del dia|el punto|el proyecto|el documento|el dictamen|el informe|el acuerdo)|"
                          r"(proyecto|punto|dictamen|documento|informe|acuerdo) (se retira|queda retirad|es retirad|fue retirad|se retiro)|"
                          r"retirad[oa] del orden|queda retirad|retirar (el|este) punto|se retiro (el|del)")
FUTURE_RE = re.compile(r"deber[aá]n?\s+(ser\s+)?(solventar|atender|realizar|incorporar)|ser[aá]n\s+(atendid|solventad|incorporad)|"
                       r"se atender[aá]n?|para la proxima sesion|pendientes? de (atender|solventar)")


def parse_documentos(lector, votaciones):
    """One entry per document an agenda item handles, with its state in this session."""
    documentos = []
    for numero, titulo, linea in lector.orden:
        found = _documents_in_title(titulo)
        for tipo, clave, nombre in found:
            key = _session_key(nombre) if tipo == "acta" and len(found) > 1 else None
            estado, fuente, concluye = _state(lector, numero, votaciones, linea, key)
            documento = {"tipo": tipo, "clave": clave, "titulo": nombre, "punto": numero,
                         "estado": estado, "fuente": {"linea": fuente}}
            if concluye:
                documento["concluye"] = True
            documentos.append(documento)
    return documentos


# A document the committee receives without deciding on it: its life ends as presented, it is not
# waiting for a vote. «Las personas integrantes tuvieron por presentado el Informe mensual»; «se
# da por recibido el informe»; «el dictamen no será sometido a votación». Every alternative opens
# with one of «dnqstu»: the lookahead spares `re` trying six alternatives at every other character
# (same matches, a third of the time).
CONCLUDED_RE = compilar(
    r"(?=[dnqstu])(?:"
    r"\b(tuvo|tiene|tienen|tuvieron|tenga|da|dio|dan|dieron|de) por (presentad|recibid|rendid|conocid)|"
    r"\bse (tiene|tuvo|da|dio) por (presentad|recibid|rendid|conocid)|"
    r"queda(n|ron)? (debidamente )?(presentad|recibid)|"
    r"no (sera|seran|es|fue|fueron|se) (sometid\w+|somete|sometera|somet\w+) a (votacion|aprobacion|consideracion)|"
    r"no (requiere|requieren|amerita|ameritan) (de )?(votacion|aprobacion)|"
    r"(unicamente|solo|solamente) (para|de) (su )?conocimiento)")


ACTA_SESSION_RE = re.compile(r"sesion\s+(ordinaria|extraordinaria|especial|solemne|de instalacion)\s+(?:numero\s+|no\.?\s*)?(\w+)")


def _session_key(nombre):
    """(tipo, número) of the session an acta records: «Acta de la sesión extraordinaria número uno»."""
    match = ACTA_SESSION_RE.search(fold(nombre))
    return (match.group(1), to_int(match.group(2))) if match else None


def _mentions_session(lector, vote, key):
    paragraph = lector.doc.paragraph_at_line(vote["fuente"]["linea"])
    call = vote.get("_llamado")
    text = fold((paragraph.text if paragraph else "") + " " + (call.text if call else ""))
    return any(m.group(1) == key[0] and to_int(m.group(2)) == key[1] for m in ACTA_SESSION_RE.finditer(text))



def _documents_in_title(titulo):
    """(tipo, clave, titulo) of each document an agenda item names."""
    titulo = SPLIT_KEY_RE.sub(r"\1", titulo)      # «TEEM-⏎JDC-045/2024», joined with a space
    folded = fold(titulo).strip()
    if NOT_DOCUMENT_RE.search(folded) and not CLAVE_RE.search(titulo):
        return []
    claves = _own_claves(titulo)
    tipo = next((name for name, regex in DOC_TYPES if regex.search(folded)), None)
    if tipo is None:
        return []
    nombre = _document_name(titulo, tipo)
    if claves and tipo in ("dictamen", "acuerdo", "informe", "plan"):
        return [(tipo, clave, nombre if len(claves) == 1 else f"{nombre} ({clave})") for clave in claves]
    if tipo == "acta" and re.search(r"\bactas\b", folded):
        sessions = ACTA_SESSION_RE.findall(folded)
        if len(sessions) > 1:
            return [("acta", None, f"Acta de la sesión {kind} número {number}") for kind, number in sessions]
    return [(tipo, None, nombre)]


SPLIT_KEY_RE = re.compile(r"\b([A-Z]{2,}[A-Z0-9]*-)\s+(?=[A-Z]{2,}[A-Z0-9]*[-/][A-Z0-9])")


def _own_claves(titulo):
    """The keys of the documents a title names, not those it cites: in «Proyecto de Acuerdo
    IEM-CG-100/2024, por el que se da cumplimiento a la sentencia … en el expediente
    TEEM-JDC-045/2024» only the first is a document of the session."""
    found = [(m.group(0), m.start()) for m in CLAVE_RE.finditer(titulo)]
    own = [clave for clave, start in found if not CLAVE_CITADA.regex.search(fold(titulo[max(0, start - 120):start]))]
    return own or [clave for clave, _ in found]


def _document_name(titulo, tipo):
    """The document's own name, without the agenda's verbs: «Presentación y, en su caso,
    aprobación del Informe parcial …» -> «Informe parcial …»."""
    words = {"dictamen": r"dictamen", "acta": r"(acta|minuta)", "informe": r"informe", "acuerdo": r"(proyecto de )?acuerdo",
             "plan": r"(plan|programa|calendario|lineamientos|proceso)", "presentacion": r"(prototipo|presentaci[oó]n)"}
    match = re.search(words[tipo], titulo, re.IGNORECASE)
    name = titulo[match.start():] if match and tipo != "presentacion" else re.sub(
        r"^(presentaci[oó]n|exposici[oó]n)\s+(de la|del|de los|de las|de)\s+", "", titulo, flags=re.IGNORECASE)
    name = " ".join((name[:1].upper() + name[1:]).split()).strip(" ;,.")
    if len(name) > 300:
        name = name[:300].rsplit(" ", 1)[0].rstrip(" ,;") + "…"
    return name


SHOWN_RE = compilar(r"\b(presento|presentaron|expuso|expusieron|rindio)\b")
FOLLOW_UP_RE = compilar(r"\bseguimiento (de|a) (los |las )?(acuerdos|observaciones|correcciones)")


def _state(lector, numero, votaciones, agenda_line, key=None):
    """What happened to the document of agenda item `numero`, and the line that says it.

    A withdrawal decides first; then the vote on the document; only without a vote does the item's
    text tell how it was presented, so that text is read for more than the withdrawal only then
    (same answer, a fraction of the searches)."""
    start = next((line for line, n in lector.puntos if n == numero and line > 0), None)
    paragraphs = [p for p in _paragraphs_of_item(lector, numero) if start and p.linea >= start]
    votes = [v for v in votaciones if v["punto"] == numero and _decides_document(v)]
    general = [v for v in votes if not EN_LO_PARTICULAR.search(fold(v.get("asunto") or "") + " " +
                                                               fold(_call_text(v.get("_llamado"))))]
    votes = general or votes       # voted in parts: the vote «en lo general» decides the document
    if key:
        votes = [v for v in votes if _mentions_session(lector, v, key)]
    folded = [paragraph.plegado for paragraph in paragraphs]
    withdrawn = _first_line(WITHDRAWN_RE, paragraphs, folded)
    if withdrawn is not None:
        return "retirado", withdrawn, False
    if votes:
        vote = votes[-1]
        return vote["resultado"], vote["fuente"]["linea"], False
    explicit_line = _first_line(TENIDO_POR_PRESENTADO.regex, paragraphs, folded)
    presented = _first_line(SHOWN_RE, paragraphs, folded)
    concluded = _first_line(CONCLUDED_RE, paragraphs, folded) is not None
    return "presentado", explicit_line or presented or start or agenda_line, concluded


def _first_line(regex, paragraphs, folded):
    """The line of the first match of `regex` in `paragraphs` (`folded`, their folded texts), as
    one search per paragraph finds it, or None. A pattern that can never match a line break
    searches them all at once, joined by line breaks: no match crosses one, and the leftmost match
    is the first paragraph's."""
    if not _JOINABLE.get((regex.pattern, regex.flags), False):
        for paragraph, text in zip(paragraphs, folded):
            match = regex.search(text)
            if match:
                return paragraph.linea_at(match.start())
        return None
    match = regex.search("\n".join(folded))
    if match is None:
        return None
    starts = list(itertools.accumulate((len(text) + 1 for text in folded[:-1]), initial=0))
    index = bisect.bisect_right(starts, match.start()) - 1
    return paragraphs[index].linea_at(match.start() - starts[index])


_CATEGORIES_WITHOUT_LINE_BREAK = {sre.CATEGORY_DIGIT, sre.CATEGORY_WORD, sre.CATEGORY_NOT_SPACE}


def _never_matches_line_break(pattern, flags=0):
    """Whether no part of `pattern` can match «\\n» and its only anchors are word boundaries, read
    from its syntax: then it matches a text joined by line breaks exactly where it matches each
    part alone (a lookaround reaching a break fails or succeeds as at the text's end). Anything
    not known to be safe (`.`, `\\s`, a negated class, `^`, `$`, a backreference) says no."""
    return _items_without_line_break(sre_parse.parse(pattern, flags))


def _items_without_line_break(items):
    for op, av in items:
        if op is sre.LITERAL:
            safe = av != ord("\n")
        elif op is sre.IN:
            safe = all((kind is sre.LITERAL and value != ord("\n")) or
                       (kind is sre.RANGE and not value[0] <= ord("\n") <= value[1]) or
                       (kind is sre.CATEGORY and value in _CATEGORIES_WITHOUT_LINE_BREAK) for kind, value in av)
        elif op is sre.AT:
            safe = av in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY)
        elif op is sre.BRANCH:
            safe = all(_items_without_line_break(branch) for branch in av[1])
        elif op is sre.SUBPATTERN:
            safe = _items_without_line_break(av[3])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            safe = _items_without_line_break(av[2])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            safe = _items_without_line_break(av[1])
        elif op is sre.ATOMIC_GROUP:
            safe = _items_without_line_break(av)
        else:
            safe = False
        if not safe:
            return False
    return True


# The patterns a document's state reads, and whether each may search joined paragraphs: read from
# their syntax once, at import (constants of the module, not a memory kept between actas).
# CONCLUDED_RE goes paragraph by paragraph: its word test rules out most of them at once, which
# costs less than its search over them all.
_JOINABLE = {(regex.pattern, regex.flags): _never_matches_line_break(regex.pattern, regex.flags)
             for regex in (WITHDRAWN_RE, TENIDO_POR_PRESENTADO.regex, SHOWN_RE)}


def _paragraphs_of_item(lector, numero):
    """The paragraphs read under agenda item `numero`, in line order: grouped once per acta
    (each document of the agenda asks), not found by walking every paragraph per document."""
    cached = getattr(lector, "_item_paragraphs", None)
    if cached is None or cached[0] is not lector.puntos or cached[1] is not lector.paragraphs:
        grouped = {}
        for paragraph, punto in zip(lector.paragraphs, _items_of_paragraphs(lector)):
            grouped.setdefault(punto, []).append(paragraph)
        cached = lector._item_paragraphs = (lector.puntos, lector.paragraphs, grouped)
    return cached[2].get(numero, [])


def _items_of_paragraphs(lector):
    """The agenda item under way at each paragraph (`lector.punto_at` of its line), in one walk
    over paragraphs and items together, both in line order (a paragraph out of order starts the
    walk again), kept on the reader: documents and reports of attended corrections both ask."""
    cached = getattr(lector, "_paragraph_items", None)
    if cached is None or cached[0] is not lector.puntos or cached[1] is not lector.paragraphs:
        starts, items, index, previous = [start for start, _ in lector.puntos], [], 0, None
        for paragraph in lector.paragraphs:
            if previous is not None and paragraph.linea < previous:
                index = 0
            while index < len(starts) and starts[index] <= paragraph.linea:
                index += 1
            items.append(lector.puntos[index - 1][1] if index else None)
            previous = paragraph.linea
        cached = lector._paragraph_items = (lector.puntos, lector.paragraphs, items)
    return cached[2]


def _decides_document(vote):
    """A vote on the document itself: not on omitting its reading, nor on a correction."""
    call = fold(vote.get("_llamado").text) if vote.get("_llamado") else ""
    asunto = fold(vote.get("asunto") or "")
    if OMISSION_RE.search(asunto) or (OMISSION_RE.search(call) and not re.search(r"somete a votacion (el|la) (acta|informe|dictamen|proyecto|plan)", call)):
        return False
    if "orden del dia" in asunto[:40]:
        return False
    return not (_is_correction_vote(vote) or _is_proposal_vote(vote))


def _is_proposal_vote(vote):
    """A vote on someone's proposal («la propuesta del Ing. Holguín»), not on the document."""
    return bool(re.match(r"^(la|las|una|dicha|dichas|esta|estas) propuestas?\b", fold(vote.get("asunto") or "")))


# A wish for a future document is not a correction of this one: «pidió que el siguiente informe
# incluya un cuadro por distrito».
FUTURE_DOCUMENT_RE = DOCUMENTO_FUTURO.regex
NONE_RE = SIN_OBSERVACIONES.regex      # «sin observaciones», «no habiendo observaciones»


def _is_correction_vote(vote):
    return _is_correction_text(vote.get("asunto") or "", _call_text(vote.get("_llamado")) if vote.get("_llamado") else None)


@functools.lru_cache(maxsize=1 << 10)
def _is_correction_text(asunto, call_text):
    """`_is_correction_vote` of a vote's asunto and call (remembered within a parse: the state of
    each document and the corrections ask it of the same votes)."""
    text = NONE_RE.sub("", fold(asunto))
    call = NONE_RE.sub("", fold(call_text)) if call_text is not None else ""
    if WITH_CORRECTIONS_RE.search(text):
        return False
    return bool(CORRECTION_WORDS_RE.search(text) or (re.search(r"\bpropuestas?\b", call) and CORRECTION_WORDS_RE.search(call)))


def _call_text(call):
    """What a vote's call says: in a long narrative paragraph, only the sentences that call the
    vote («Suficientemente discutido el asunto, la secretaria sometió a votación económica el
    proyecto …»), not the requests and replies before them."""
    return "" if call is None else _said_in_call(call.text)


@functools.lru_cache(maxsize=1 << 10)
def _said_in_call(text):
    """`_call_text` of a call's text (remembered within a parse: each vote's call is read by the
    document's state, the correction tests and the proposal search)."""
    if len(text) <= 400 or speaker_label(text):
        return text
    sentences = re.split(r"(?<=[a-z0-9)»\"]{2})\.\s+", text)
    said = [s for s in sentences if LLAMADO.regex.search(s) or RESULT_RE.search(fold(s))]
    return " ".join(said) if said else text


# ---- corrections -----------------------------------------------------------------------------

def parse_correcciones(lector, votaciones, documentos, asistentes):
    """Corrections asked of a document. Each vote on a correction is one correction, traced to
    the request it answers (a vote on lettered items, «las observaciones a), b) y c)», is one
    correction per item); requests never put to a vote are kept when the acta says whether they
    were accepted, and reported in an `aviso` when it does not."""
    requests = _request_paragraphs(lector)
    consumed, correcciones = set(), []
    by_punto = {}
    for paragraph in requests:
        by_punto.setdefault(lector.punto_at(paragraph.linea), []).append(paragraph)
    for vote in votaciones:
        if OMISSION_RE.search(fold(vote.get("asunto") or "")):
            _name_omission(vote, documentos)
            continue
        lettered = _lettered_requests(lector, vote, by_punto.get(vote["punto"], []), consumed)
        if lettered:
            for request in lettered:
                consumed.add(id(request))
                correcciones.append(_correction(lector, vote["punto"], request, documentos, asistentes,
                                                aprobada=vote["resultado"] == "aprobado", vote=None))
            consumed.add(id(vote.get("_llamado")))
            continue
        request = _proposal_voted(lector, vote, by_punto.get(vote["punto"], []), consumed, asistentes) or \
            _request_for(vote, by_punto, consumed)
        if not _is_correction_vote(vote) and not ((_is_proposal_vote(vote) or vote.get("_propuesta"))
                                                  and request is not None):
            continue
        source = request or vote.get("_llamado")
        consumed.add(id(source))
        consumed.add(id(vote.get("_llamado")))
        correcciones.append(_correction(lector, vote["punto"], source, documentos, asistentes,
                                        aprobada=vote["resultado"] == "aprobado", vote=vote))
    voted = list(correcciones)
    for paragraph in requests:
        if id(paragraph) in consumed:
            continue
        punto = lector.punto_at(paragraph.linea)
        if any(c["punto"] == punto and c["fuente"]["linea"] in range(paragraph.linea, paragraph.ultima_linea + 1)
               for c in voted):
            continue        # a vote already answered the request read in its call
        aprobada = _accepted_later(lector, paragraph, punto)
        if aprobada is None:
            # Precision first: a change asked and never answered in the acta is not a fact.
            quien = _requester(lector, paragraph, None, asistentes)
            lector.aviso(f"{quien or 'Alguien'} pidió un cambio a un documento y el acta no dice si se aceptó: "
                         "no se registra como corrección; revise la línea.", paragraph.linea)
            continue
        correcciones.append(_correction(lector, punto, paragraph, documentos, asistentes,
                                        aprobada=aprobada, vote=None))
    return correcciones


LETTER_ITEM_RE = re.compile(r"^\s*\(?([a-z])\)\s")


def _lettered_requests(lector, vote, requests, consumed):
    """The requests a vote on lettered items decides: «Las observaciones a), b) y c) se
    aprobaron» -> the requests of its agenda item that open with «a)», «b)» and «c)»."""
    said = vote.get("asunto") or ""
    call = vote.get("_llamado")
    match = INCISOS.regex.search(said) or (INCISOS.regex.search(_call_text(call)) if call else None)
    if not match:
        return []
    letters = set(re.findall(r"([a-z])\)", match.group("letras")))
    return [r for r in requests if id(r) not in consumed and lector.punto_at(r.linea) == vote["punto"]
            and LETTER_ITEM_RE.match(r.text) and LETTER_ITEM_RE.match(r.text).group(1) in letters]


def _proposal_voted(lector, vote, requests, consumed, asistentes):
    """«Se sometió a votación la propuesta de la Dra. Camacho Quintero»: the request of that
    person in the vote's agenda item."""
    call = vote.get("_llamado")
    for text in (vote.get("asunto") or "", _call_text(call) if call else "", _preceding_call(lector, vote)):
        match = PROPUESTA_DE.regex.search(text)
        if not match:
            continue
        quien = _person_in(match.group("quien"), asistentes)
        if quien is None:
            continue
        for request in requests:
            if id(request) in consumed or lector.punto_at(request.linea) != vote["punto"]:
                continue
            if _subject_of(request, asistentes) == quien:
                vote["_propuesta"] = True
                return request
    return None


def _preceding_call(lector, vote):
    """A vote read without its call: the call just before it in the same item, «Se sometió a
    votación la propuesta de la Dra. Camacho Quintero.» above «Votación: a favor 1; …»."""
    if vote.get("_llamado") is not None:
        return ""
    line = vote["fuente"]["linea"]
    return " ".join(p.text for p in lector.paragraphs_between(max(1, line - 6), line)
                    if p.linea < line and lector.punto_at(p.linea) == vote["punto"] and LLAMADO.regex.search(p.text))


TITLED_SURNAME_RE = re.compile(GRADO_RE + r"\s+(?P<nombre>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)?)")


def _person_in(text, asistentes):
    """The full name of the person a phrase names: «la Dra. Camacho Quintero», «del Mtro.
    Servín» -> the roster's name, or None."""
    for grado, name, start, end in names_in(text):
        persona = resolve(name, asistentes, single_word=True)
        return display_name(persona.nombre) if persona else None
    short = TITLED_SURNAME_RE.search(text)
    if short:
        persona = resolve(short.group("nombre"), asistentes, single_word=True)
        return display_name(persona.nombre) if persona else None
    return None


def _subject_of(unit, asistentes):
    """The person a request unit opens with («El Dr. Julián Priego Lastra expresó …»), or its
    speaker label's."""
    label = speaker_label(unit.text)
    if label:
        return _full_name(label["nombre"], asistentes)
    names = names_in(unit.text[:160])
    if names and _opens_with_person(unit.text[:160]):
        return _full_name(names[0][1], asistentes)
    return None


def _request_paragraphs(lector):
    """Paragraphs where someone asks for a change to a document, found once per acta (each
    correction's description asks again)."""
    if getattr(lector, "_requests", None) is None:
        lector._requests = _find_request_paragraphs(lector)
    return lector._requests


def _find_request_paragraphs(lector):
    """Request units: a speaker's paragraph, or, in a narrative paragraph where several people
    speak in turn («El Ing. X propuso …; su propuesta no fue secundada. La Lic. Y pidió …»), the
    sentences from one person's name to the next."""
    found = []
    reported = {id(p) for report in _attended_reports(lector) for p in report.paragraphs}
    for paragraph in lector.paragraphs:
        if paragraph.linea in lector.agenda_lines or paragraph.linea >= (lector.closing_line or 10 ** 9):
            continue
        if id(paragraph) in reported:
            continue
        for unit in _units(paragraph):
            folded = fold(unit.text)
            if (_asks_correction(folded) or _proposal_declined(folded)) and not ATTENDED_RE.search(folded) \
                    and not re.search(r"acuerdos tomados", folded):
                found.append(unit)
    return found


class _Tramo(Parrafo):
    """Part of a paragraph: the sentences one person says or does. `padre` is the paragraph,
    `inicio` where the part starts in it."""

    def __init__(self, padre, inicio, fin):
        spans = [(0, padre.linea_at(inicio))] + [(o - inicio, l) for o, l in padre.spans if inicio < o < fin]
        super().__init__(padre.text[inicio:fin].rstrip(), spans)
        self.padre, self.inicio = padre, inicio


# The «.» or «;» first, then what stands before it: `re` scans for the sign instead of trying two
# lookbehinds at every character (same matches).
SENTENCE_BREAK_RE = re.compile(r"[.;](?<=[a-z0-9]{2}[.;]|[a-z][\"»”)][.;])\s+")
SUBJECT_WINDOW = 45       # a sentence's subject is named in its first words


def _sentences(text):
    """(start, end) of each sentence, split at «.» and «;» (also after a closing quote), not at
    a title's dot («la Mtra. Elena …»)."""
    spans, start = [], 0
    for match in SENTENCE_BREAK_RE.finditer(text):
        before = fold(text[max(0, match.start() - 6):match.start()]).split()
        if before and before[-1].strip(".") in GRADO_WORDS:
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _units(paragraph):
    """A paragraph, split where a sentence opens with a titled person as its subject («. La Lic.
    Adriana Zárate pidió …»); a speaker's turn («Dra. X: …») and a lettered item stay whole."""
    text = paragraph.text
    if len(text) < 200 or speaker_label(text):     # the length first: most paragraphs are short
        return [paragraph]
    starts = [0] + [start for start, _ in _sentences(text)[1:] if _opens_with_person(text[start:start + 160])]
    if len(starts) == 1:
        return [paragraph]
    ends = starts[1:] + [len(text)]
    return [_Tramo(paragraph, start, end) for start, end in zip(starts, ends)]


def _opens_with_person(text):
    """The sentence's subject is a titled person, named in its first words and before any other
    sentence starts: «La Lic. Adriana Zárate pidió …», not «su propuesta no fue secundada. El C. …»."""
    names = names_in(text)
    return bool(names) and names[0][2] <= SUBJECT_WINDOW and not re.search(r"[a-z0-9)»\"][.;]\s", text[:names[0][2]])


GRADO_WORDS = {"dr", "dra", "mtro", "mtra", "lic", "ing", "c", "sr", "sra", "srta", "prof", "profa", "arq", "act",
               "mc", "md", "psic", "dip", "sen"}
PROPOSAL_RE = compilar(r"\b(propus\w*|propone\w*|propuesta|plante\w+)\b")


def _proposal_declined(folded):
    """«… propuso que los recuentos se realicen en la sala de sesiones; su propuesta no fue
    secundada»: a proposal on the document, declined without a vote."""
    return bool(PROPOSAL_RE.search(folded) and RECHAZADA_SIN_VOTO.regex.search(folded)
                and re.search(r"secundad|no se acept|desech", folded))


def _asks_correction(folded):
    """Some sentence asks for a change: correction words with a request, or an error stated with
    its fix («dice … y debe decir …»); not a question, not «sin observaciones»."""
    return _request_sentence_end(folded) is not None


# A question or a doubt, not a request. Every alternative opens with «?», «c», «d», «p» or «s»:
# the lookahead spares `re` trying five alternatives at every other character (same matches).
ASKS_OR_DOUBTS_RE = re.compile(r"(?=[?cdps])(?:pregunt\w*|\?|\bdudas?\b|consult\w* si|\bse aprobo\b)")
ANSWER_CLAUSE_RE = re.compile(r",\s*(?:lo que|lo cual|a lo que|misma que|mismas que|cosa que|propuesta que|precision que)\b")


@functools.lru_cache(maxsize=1 << 12)
def _request_sentence_end(folded):
    """Where the first sentence that asks for a change ends (or where its answer starts: «…, lo
    que la consejera presidenta aceptó incluir en el acuerdo»), or None. Remembered within a
    parse: the search for requests, the reports of attended corrections and the answer to each
    request read the same paragraphs."""
    # Removing «sin observaciones» cannot give a paragraph a correction word or an erratum's
    # word it did not have: what it removes opens and closes a word, so what is joined meets
    # across two signs, and those words hold no two signs in a row. A paragraph without them is
    # answered before removing anything (most paragraphs).
    if not CORRECTION_WORDS_RE.search(folded) and not FE_DE_ERRATAS.regex.puede(folded):
        return None
    text = NONE_RE.sub("", folded)
    if not ((CORRECTION_WORDS_RE.search(text) and REQUEST_RE.search(text)) or FE_DE_ERRATAS.regex.search(text)):
        return None    # what no sentence can hold if the paragraph does not: most paragraphs end here
    for start, end in _sentences(text):
        # Searched in place (`pos`, `endpos`), not in a copy of the sentence: every pattern here
        # opens with «\b» and a sentence starts after a space, so what it finds is the copy's.
        if not ((CORRECTION_WORDS_RE.search(text, start, end) and REQUEST_RE.search(text, start, end))
                or FE_DE_ERRATAS.regex.search(text, start, end)):
            continue
        sentence = text[start:end]
        if \
                not ASKS_OR_DOUBTS_RE.search(sentence) and \
                not FUTURE_DOCUMENT_RE.search(sentence) and not LISTA_DE_OBSERVACIONES.regex.search(sentence) and \
                not re.search(r"\bpresent(o|aron)\b.{0,160}\bque propone", sentence) and \
                not WITH_CORRECTIONS_RE.search(sentence) and not RESULT_RE.search(sentence):
            answer = ANSWER_CLAUSE_RE.search(sentence)
            return start + answer.start() if answer else end
    return None


def _request_for(vote, by_punto, consumed):
    """The earliest request not yet answered in the vote's agenda item, up to its call.
    `by_punto`: the requests of each item number, in line order. Answered requests only grow, so
    those at the head of an item's list are dropped for good: each vote looks at one or two
    requests, not at every request of the acta (that made a long acta quadratic)."""
    call = vote.get("_llamado")
    limit = call.ultima_linea if call else vote["fuente"]["linea"]   # a request may open inside the call's paragraph
    pending = by_punto.get(vote["punto"], [])
    while pending and id(pending[0]) in consumed:
        pending.pop(0)
    for paragraph in pending:
        if paragraph.linea > limit:
            return None
        if id(paragraph) not in consumed:
            return paragraph
    return None


def _accepted_later(lector, paragraph, punto):
    """A correction not voted on is accepted when the item's document is approved «con las
    observaciones» or the presiding officer takes note of it («tomó nota», «aceptó incluir»,
    «consideró procedente»), declined when «su propuesta no fue secundada» or «no es
    procedente»; None when the acta does not say before the next request."""
    folded = paragraph.plegado
    end = _request_sentence_end(folded)
    texts = [folded[end:] if end is not None and not _proposal_declined(folded[:end]) else folded]
    padre = getattr(paragraph, "padre", paragraph)
    requests = {id(r) for r in _request_paragraphs(lector)}
    if padre is not paragraph:
        for unit in _units(padre):
            if unit.inicio > paragraph.inicio:
                if id(unit) in requests or _asks_correction(fold(unit.text)):
                    return _outcome_or(texts, lambda: _answered_together(lector, padre, punto))
                texts.append(fold(unit.text))
    for later in lector.paragraphs[lector.paragraph_index(padre.linea) + 1:]:
        if lector.punto_at(later.linea) != punto:
            break
        later_folded = fold(later.text)
        if _asks_correction(later_folded) and not ATTENDED_RE.search(later_folded):
            texts.append(later_folded[:_request_sentence_end(later_folded) or 0])
            return _outcome_or(texts, lambda: _answered_together(lector, later, punto))
        texts.append(later_folded)
    return _outcome(texts)


def _answered_together(lector, following, punto):
    """After the next request, only what answers every request at once: «el acta, con las
    correcciones señaladas, fue aprobada»."""
    for later in lector.paragraphs[lector.paragraph_index(following.linea):]:
        if lector.punto_at(later.linea) != punto:
            break
        if WITH_CORRECTIONS_RE.search(fold(later.text)):
            return True
    return None


def _outcome_or(texts, otherwise):
    """The outcome the texts say (read once), or else what `otherwise()` finds."""
    outcome = _outcome(texts)
    return outcome if outcome is not None else otherwise()


def _outcome(texts):
    for folded in texts:
        if RECHAZADA_SIN_VOTO.regex.search(folded):
            return False
        if WITH_CORRECTIONS_RE.search(folded) or ACEPTADA_SIN_VOTO.regex.search(folded):
            return True
    return None


def _correction(lector, punto, paragraph, documentos, asistentes, aprobada, vote):
    documento = _document_of(lector, punto, paragraph, documentos)
    solicitante = _requester(lector, paragraph, vote, asistentes)
    linea = paragraph.linea if paragraph else vote["fuente"]["linea"]
    if paragraph is not None and PROPUESTA_DE.regex.search(paragraph.text):
        linea = _proposal_line(lector, punto, paragraph, solicitante, asistentes) or linea
    descripcion = _short_description(lector, punto, paragraph, vote)
    if descripcion is None:
        descripcion = _description(paragraph.text if paragraph else "")
        lector.aviso("No se pudo resumir en una línea la corrección pedida (dónde y qué): "
                     "revise su descripción en la página «Revisar acta».", linea)
    elif vote is not None:
        vote["asunto"] = asunto_de_correccion(_short_label(lector, punto, documentos, documento),
                                              descripcion) or vote.get("asunto")
    return {"punto": punto, "documento": documento, "solicitante": solicitante,
            "descripcion": descripcion, "aprobada": aprobada, "fuente": {"linea": linea}}


def _proposal_line(lector, punto, paragraph, solicitante, asistentes):
    """Where the person whose proposal is taken up made it: «El Lic. Pech Cauich … propuso
    trasladarlo a la Escuela Secundaria Técnica número 12», before «incorporar al proyecto la
    propuesta del Lic. Pech Cauich»."""
    line = None
    for earlier in _paragraphs_of_item(lector, punto):
        if earlier.linea >= paragraph.linea:
            break
        for unit in _units(earlier):
            if _subject_of(unit, asistentes) == solicitante and PROPOSAL_RE.search(fold(unit.text)):
                line = unit.linea
    return line


def _short_description(lector, punto, paragraph, vote):
    """Where and what, in a line (etl/descripcion.py): from what the vote put to the members,
    with the places the request gave; the item's other requests complete what the call omits."""
    call = vote.get("_llamado") if vote else None
    linea = paragraph.linea if paragraph else vote["fuente"]["linea"]
    contexto = [p.text for p in _requests_in_item(lector, linea) if lector.punto_at(p.linea) == punto]
    return describir(paragraph.text if paragraph else "", call.text if call else None, contexto)


def _requests_in_item(lector, linea):
    """The requests between the start of the agenda item under way at `linea` and the next
    item's start: the same item, found by bisection, so a long acta stays linear."""
    requests = _request_paragraphs(lector)
    cached = getattr(lector, "_request_lines", None)
    if cached is None or cached[0] is not lector.puntos or cached[1] is not requests:
        cached = lector._request_lines = (lector.puntos, requests,    # once per acta, not per request
                                          [start for start, _ in lector.puntos], [p.linea for p in requests])
    starts, lines = cached[2], cached[3]
    index = bisect.bisect_right(starts, linea)
    first = starts[index - 1] if index else 0
    last = starts[index] if index < len(starts) else 10 ** 9
    return requests[bisect.bisect_left(lines, first):bisect.bisect_left(lines, last)]


def _short_label(lector, punto, documentos, documento):
    """A document as a vote's subject names it: its type and clave when it has one."""
    for doc in documentos:
        if doc["punto"] == punto and doc["clave"] and doc["clave"] in (documento or ""):
            return f"{TIPOS_NOMBRE.get(doc['tipo'], 'Documento')} {doc['clave']}"
    return documento


TIPOS_NOMBRE = {"dictamen": "Dictamen", "informe": "Informe", "acta": "Acta", "acuerdo": "Acuerdo",
                "plan": "Plan", "presentacion": "Presentación", "otro": "Documento"}


def _name_omission(vote, documentos):
    """«Omitir la lectura» says of what: the document of its agenda item."""
    of_punto = [d for d in documentos if d["punto"] == vote["punto"]]
    label = None
    if of_punto:
        doc = of_punto[0]
        label = (f"{TIPOS_NOMBRE.get(doc['tipo'], 'Documento')} {doc['clave']}" if doc["clave"]
                 else _doc_label(doc))
    vote["asunto"] = asunto_de_omision(vote.get("asunto"), label) or vote.get("asunto")


def _document_of(lector, punto, paragraph, documentos):
    """The document of the agenda item, named with its clave when it has one."""
    of_punto = [d for d in documentos if d["punto"] == punto]
    text = paragraph.text if paragraph else ""
    for doc in of_punto:
        if doc["clave"] and doc["clave"] in text:
            return _doc_label(doc)
    said = {(kind, to_int(number)) for kind, number in ACTA_SESSION_RE.findall(fold(text))}
    for doc in of_punto:
        if doc["tipo"] == "acta" and _session_key(doc["titulo"] or "") in said:
            return _doc_label(doc)
    if of_punto:
        return _doc_label(of_punto[0])
    for clave in CLAVE_RE.findall(text):
        return clave
    folded = fold(text)
    for tipo, regex in (("Informe", r"\binforme\b"), ("Dictamen", r"\bdictamen\b"), ("Acta", r"\bacta\b"),
                        ("Plan de trabajo", r"\bplan\b"), ("Acuerdo", r"\bacuerdo\b")):
        if re.search(regex, folded):
            match = re.search(rf"({tipo.split()[0]}[^,;.]{{0,120}})", text, re.IGNORECASE)
            return match.group(1).strip() if match else tipo
    return next((t for n, t, _ in lector.orden if n == punto), None)


def _doc_label(doc):
    if doc["clave"] and doc["clave"] not in (doc["titulo"] or ""):
        return f"{doc['titulo']} {doc['clave']}"
    return doc["titulo"] or doc["clave"]


# «las propuestas realizadas por la Doctora Alejandra Arreola». Every match opens with «f», «h»,
# «p» or «r»: the lookahead spares `re` trying five alternatives at every other character.
MADE_BY_RE = re.compile(r"(?=[fhpr])(?:realizad[oa]s?|formulad[oa]s?|hechas?|presentad[oa]s?|planteadas?)"
                        r"\s+por\s+(?:el|la)\s+(.{0,80})", re.IGNORECASE)


def _requester(lector, paragraph, vote, asistentes):
    """Who asked: the paragraph's speaker label; a person named as asking ('la Dra. X solicita');
    the person a call names ('las propuestas realizadas por la Doctora Alejandra Arreola'); else
    the last labelled speaker (the one conducting, when the request is in the first person)."""
    if paragraph is not None:
        label = speaker_label(paragraph.text)
        if label:
            return _full_name(label["nombre"], asistentes)
        whose = PROPUESTA_DE.regex.search(paragraph.text)
        if whose and _person_in(whose.group("quien"), asistentes):
            return _person_in(whose.group("quien"), asistentes)     # «incorporar la propuesta del Lic. X»
        for grado, name, start, end in names_in(paragraph.text):
            after = fold(paragraph.text[end:end + 60])
            if re.match(r"\W*(\w+\W+){0,8}?(solicit|propon|propus|pide|pidio|sugier|sugirio|senal|observ|manifest)", after):
                return _full_name(name, asistentes)
        subject = _subject_of(paragraph, asistentes)
        if subject:
            return subject
    call = vote.get("_llamado") if vote else None
    for text in filter(None, [call.text if call else None, paragraph.text if paragraph else None]):
        match = MADE_BY_RE.search(text)
        if match:
            for grado, name, start, end in names_in(match.group(1)):
                return _full_name(name, asistentes)
    speaker = lector.speaker_at(paragraph.linea if paragraph else vote["fuente"]["linea"])
    if speaker:
        return _full_name(speaker["nombre"], asistentes)
    secretario = next((p for p in asistentes if p.rol == "secretario"), None)
    return display_name(secretario.nombre) if secretario else None


def _full_name(name, asistentes):
    persona = resolve(name, asistentes, single_word=True)
    return display_name(persona.nombre) if persona else display_name(name)


def _description(text):
    """The request in the acta's words, without the speaker's label and courtesies."""
    text = re.sub(r"^[^:]{3,160}:\s*", "", text) if re.match(r"^[^:]{3,160}:\s", text) else text
    sentences = re.split(r"(?<=[a-z]{3})\.\s+", text)
    wanted = [s for s in sentences if CORRECTION_WORDS_RE.search(fold(s))] or sentences[:1]
    description = " ".join(wanted).strip()
    return description[:500]


# ---- corrections reported as attended ------------------------------------------------------
# Secretaries report in prose that earlier corrections were made: a sentence saying that the
# observations approved in an earlier session were attended, then one paragraph per document
# saying what was changed and where, sometimes closed by «Se tiene por atendida» or by the member
# who asked confirming it. Expecting text like:
#
#   El Secretario Técnico informó que las observaciones aprobadas en la sesión de instalación al
#   Plan de Trabajo … fueron atendidas en su totalidad, conforme a lo siguiente:
#   En el Plan de Trabajo …, apartado 4, se corrigió la numeración … se sustituyó «PREP Casilla» …
#   La Mtra. Lorena Patricia Esparza Muro, quien formuló las observaciones, confirmó que …
#
#   El Secretario Técnico dio cuenta del estado de las observaciones aprobadas en la primera sesión:
#   Acta de la sesión de instalación. En la página 2 … se sustituyó «Dávalos» por «Dávila» … Se
#   tiene por atendida.
#   Informe bimestral … Las correcciones solicitadas por la Dra. Sifuentes Robles están en proceso …
#
# None of those paragraphs is a new request; each attended document is one attended row.

STATUS_INTRO_RE = compilar(
    r"\b(dio|da|dan|rindio|rinde|presento|informo|expuso) (cuenta|un informe|el informe|informe)? ?"
    r"(del|de|sobre el|acerca del) (estado|seguimiento|avance|atencion|cumplimiento) (de|a) (las|los) "
    r"(observaciones|correcciones|acuerdos|ajustes|modificaciones)")
PAST_CHANGE_RE = re.compile(
    r"\bse (corrigio|corrigieron|sustituyo|sustituyeron|reemplazo|reemplazaron|retiro|retiraron|elimino|"
    r"eliminaron|agrego|agregaron|ajusto|ajustaron|modifico|modificaron|incorporo|incorporaron|actualizo|"
    r"actualizaron|renumero|renumeraron|suprimio|suprimieron|cambio|cambiaron|preciso|precisaron|homologo|"
    r"integro|integraron|adiciono|adicionaron|anadio|anadieron|subsano|subsanaron)\b|\b(quedo|quedaron|fue|fueron|ha sido|han sido) "
    r"(corregid|sustituid|incorporad|atendid|solventad|subsanad|modificad|retirad|eliminad)\w*|"
    r"\bse tienen? por (atendid|solventad|cumplid)\w*")
PENDING_RE = re.compile(
    r"\ben proceso\b|\b(sigue|siguen|continua|continuan|queda|quedan|permanece|permanecen) "
    r"(pendientes?|en revision|sin atender)|\ben revision\b|\bpendientes? de\b|\bse informara\b|"
    r"\bse dara cuenta\b|\baun no\b|\btodavia no\b")
CONFIRM_RE = re.compile(
    r"\b(confirmo|confirma|manifesto|senalo|expreso|reconocio|coincidio|agradecio)\b.{0,160}?"
    r"\b(solventad|atendid|recoge|recogen|incorporad|corregid|realizad|conforme|satisfech)|"
    r"\b(dio|da|dan|dieron|tuvo|tiene|tienen) por (solventad|atendid)")
QUESTION_RE = compilar(r"\bpregunt\w*|\?")


class _Report:
    """One report of attended corrections: its opening paragraph (None when it is only a status
    list), the paragraphs that detail each document, and who confirmed."""

    def __init__(self, intro, attended):
        self.intro, self.attended = intro, attended
        self.details, self.confirms = [], []

    @property
    def paragraphs(self):
        return ([self.intro] if self.intro is not None else []) + self.details + self.confirms


def _attended_reports(lector):
    """The reports of attended corrections in the session, each with its paragraphs (cached on
    the reader: corrections and attended corrections both ask)."""
    cached = getattr(lector, "_informes_atencion", None)
    if cached is not None:
        return cached
    closing = lector.closing_line or 10 ** 9
    reports, paragraphs, items = [], [], []
    for paragraph, punto in zip(lector.paragraphs, _items_of_paragraphs(lector)):
        if paragraph.linea not in lector.agenda_lines and paragraph.linea < closing:
            paragraphs.append(paragraph)
            items.append(punto)
    index, follow_up = 0, _follow_up_items(lector)
    while index < len(paragraphs):
        paragraph, punto = paragraphs[index], items[index]
        folded = paragraph.plegado
        index += 1
        if QUESTION_RE.search(folded):
            continue
        match = ATTENDED_RE.search(folded)
        attended = bool(match) and not FUTURE_RE.search(folded[max(0, match.start() - 40):match.end() + 20])
        if attended or STATUS_INTRO_RE.search(folded):
            report = _Report(paragraph, attended)
        elif punto in follow_up and _names_document(paragraph.text) \
                and PAST_CHANGE_RE.search(folded):
            # An item «Seguimiento de acuerdos y observaciones» whose paragraphs go straight to
            # each document: «En el Informe mensual de enero se corrigió el cronograma del anexo 1».
            report = _Report(None, False)
            report.details.append(paragraph)
        else:
            continue
        while index < len(paragraphs):
            following = paragraphs[index]
            text = fold(following.text)
            if items[index] != punto or following.text.isupper() \
                    or QUESTION_RE.search(text) or RESULT_RE.search(text):
                break
            names = _names_document(following.text)
            if not names and _asks_correction(text):
                break       # «La Ing. X pidió que en la gráfica 2 se corrija …»: a new request
            if names and (PAST_CHANGE_RE.search(text) or PENDING_RE.search(text)):
                report.details.append(following)
            elif CONFIRM_RE.search(text) and not PAST_CHANGE_RE.search(text[:40]):
                report.confirms.append(following)
            elif PAST_CHANGE_RE.search(text):
                report.details.append(following)
            else:
                break
            index += 1
        reports.append(report)
    lector._informes_atencion = reports
    return reports


def _follow_up_items(lector):
    """The agenda items that are a follow-up of agreements or observations: «Seguimiento de
    acuerdos y observaciones», «Seguimiento a las observaciones formuladas a los informes
    anteriores» (by number, from the first title of each; read once, not per paragraph)."""
    titulos = {}
    for numero, titulo, _ in lector.orden:
        titulos.setdefault(numero, titulo)
    return {numero for numero, titulo in titulos.items() if FOLLOW_UP_RE.search(fold(titulo))}


def _names_document(text):
    """A detail paragraph that opens with the document it is about: «Acta de la sesión de
    instalación. En la página 2 …», «Informe bimestral de actividades …. Las correcciones …»,
    «Respecto de las correcciones al considerando IV del Dictamen …»."""
    head = fold(text[:160])
    return bool(re.match(r"(en |respecto (de|a) |sobre |por lo que hace a |en cuanto a )?(el |la |los |las )?"
                         r"(acta|informe|dictamen|plan|programa|acuerdo|proyecto|calendario|lineamientos|"
                         r"las correcciones|las observaciones)", head))


def _detail_document(paragraph):
    """The document a detail paragraph names first: «Acta de la sesión de instalación.» or the one
    after «En el …» / «al …»."""
    first = re.split(r"(?<=[a-zá-ú0-9)])\.\s+", paragraph.text, maxsplit=1)[0]
    named = _named_document(first)
    if named:
        return named
    match = re.match(r"\s*(?:En|Respecto (?:de|a)|Sobre)?\s*(?:el|la|los|las)?\s*((?:Acta|Informe|Dictamen|Plan|Programa|"
                     r"Acuerdo|Proyecto|Calendario)\b[^,;:]{3,160})", first, re.IGNORECASE)
    return match.group(1).strip() if match else None


def _confirmer(report, asistentes):
    """The member who confirmed the report («La Mtra. X, quien formuló las observaciones,
    confirmó …»; «La Dra. X manifestó que … quedaron solventadas»)."""
    for paragraph in report.confirms:
        names = names_in(paragraph.text[:200])
        if names:
            return _full_name(names[0][1], asistentes)
    return None


def _asked_by(text, asistentes):
    """Who asked, as the report says it: «realizadas por la Dra. X», «a propuesta de la Dra. X»,
    «solicitadas por …»."""
    by = re.search(r"(?:realizad[oa]s?|formulad[oa]s?|hechas?|solicitad[oa]s?|planteadas?|propuestas?|"
                   r"pedid[oa]s?)\s+por\s+(?:el|la|los|las)?\s*(.{0,120})|a (?:propuesta|solicitud|peticion|petición) "
                   r"(?:de|del)\s+(?:el|la)?\s*(.{0,120})", text, re.IGNORECASE)
    if by:
        names = names_in(by.group(1) or by.group(2))
        if names:
            return _full_name(names[0][1], asistentes)
    return None


def _changes(paragraphs):
    """What the report says was changed, in its words."""
    text = " ".join(p.text for p in paragraphs)
    sentences = re.split(r"(?<=[a-z»)0-9]{2})\.\s+", text)
    said = [s for s in sentences if PAST_CHANGE_RE.search(fold(s)) or CORRECTION_WORDS_RE.search(fold(s))]
    return " ".join(said or sentences[:1]).strip()[:500]


def parse_correcciones_atendidas(lector, documentos, asistentes):
    """Corrections a session reports as attended, one row per document attended. Expecting text
    like: 'se informa que fueron atendidas las observaciones realizadas por la Dra. Ana Ruiz al
    Informe mensual de febrero', or a report and its detail paragraphs (see _attended_reports)."""
    atendidas = []
    for report in _attended_reports(lector):
        intro = report.intro
        confirmer = _confirmer(report, asistentes)
        attended_details = [d for d in report.details if not PENDING_RE.search(fold(d.text))]
        punto = lector.punto_at((intro or report.details[0]).linea)
        folded = fold(intro.text) if intro else ""
        match = ATTENDED_RE.search(folded)
        said = intro.text[match.start():] if match and len(folded) == len(intro.text) else \
            (intro.text if intro else "")
        named = _named_document(said[:400]) or (_named_document(intro.text) if match else None)
        if intro is not None and report.attended and (named or not any(_names_document(d.text) for d in report.details)):
            # One report about one document (or about several without saying which): one row.
            solicitante = _asked_by(intro.text, asistentes) or confirmer or _named_in_match(intro, match, asistentes)
            documento = named or _document_of(lector, punto, intro, documentos)
            atendidas.append({"punto": punto, "documento": documento, "solicitante": solicitante,
                              "descripcion": _changes(attended_details) if attended_details
                              else _description(intro.text),
                              "fuente": {"linea": intro.linea_at(match.start()) if match else intro.linea}})
            continue
        # A status list: each document's paragraph says whether it was attended.
        for detail in attended_details:
            documento = _detail_document(detail)
            if documento is None:
                continue
            atendidas.append({"punto": punto, "documento": documento,
                              "solicitante": _asked_by(detail.text, asistentes) or confirmer,
                              "descripcion": _changes([detail]), "fuente": {"linea": detail.linea}})
    return atendidas


def _named_in_match(paragraph, match, asistentes):
    """«la solicitud que el Dr. Fausto Jiménez Toledo formuló en la sesión anterior … fue
    atendida»: the person named inside the sentence that reports it."""
    if match is None or len(paragraph.plegado) != len(paragraph.text):
        return None
    names = names_in(paragraph.text[match.start():match.end()])
    return _full_name(names[0][1], asistentes) if names else None


def _named_document(text):
    """A document named in a sentence: its clave, or «Informe …», «Dictamen …», «Acta de la …»."""
    claves = CLAVE_RE.findall(text)
    if claves:
        match = re.search(r"((?:Dictamen|Informe|Acuerdo|Plan)[^,;]{0,40}?" + re.escape(claves[0]) + ")", text,
                          re.IGNORECASE)
        return match.group(1) if match else claves[0]
    match = re.search(r"\b(?:al|del|en el|sobre el|el)\s+((?i:Informe|Dictamen|Plan|Programa|Proyecto)\b[^,;.]{3,120}|"
                      r"(?:Acta)\s+de\s+la\s+[^,;]{3,120})", text)
    if match:
        return _until_verb(match.group(1))
    match = re.search(r"\b(?:a la|de la|en la)\s+(Acta\s+de\s+la\s+[^,;]{3,120})", text)
    return _until_verb(match.group(1)) if match else None


def _until_verb(name):
    """A document's name without the sentence that follows it: «Plan de Trabajo y Calendario de
    Sesiones del Comité fueron atendidas en su totalidad» -> «Plan de Trabajo … del Comité»."""
    cut = re.search(r"\s+(?:fue|fueron|ha|han|quedo|quedó|quedaron|se|que|est[aá]n?|son|es|y que|"
                    r"aprobad[oa]s?|realizad[oa]s?|formulad[oa]s?|solicitad[oa]s?)\b", name)
    return (name[:cut.start()] if cut else name).strip()
