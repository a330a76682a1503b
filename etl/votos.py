"""Votes: nominal ones (each ballot named) and votes by show of hands (counts only).

    parse_votaciones(lector, asistentes) -> [dict]   (the contract's `votaciones`)

A nominal vote is a run of ballot lines, each a person and a sense, in any of the layouts actas
use («-Dra. X. - A favor.», «Dr. X: a favor.», «-Mtro. X.- En contra.», «CONSEJERA ELECTORAL,
MTRA. X: Me abstengo, …»), closed by the statement of its result («-El orden del día es aprobado
por unanimidad.»). A vote by show of hands is a result statement with no ballots before it
(«Aprobado por unanimidad de votos», «por mayoría de votos: dos votos a favor y uno en contra»).
"""
import re

from etl.numeros import NUMBER_WORDS_RE, fold, to_int
from etl.personas import (GRADO_RE, NAME_RE, Persona, canonical_grado, clean_name, display_name,
                          looks_like_name, resolve)

SENSE_RE = (r"(?P<sentido>a\s+favor|en\s+contra|me\s+abstengo|abstenci[oó]n|en\s+abstenci[oó]n|"
            r"abstenerme|mi\s+abstenci[oó]n|(?:mi\s+)?voto\s+es\s+a\s+favor|(?:mi\s+)?voto\s+es\s+en\s+contra)")
BALLOT_LINE_RE = re.compile(
    rf"^[\s\-–—•*]*(?:[Yy]\s+)?(?P<who>[^:\t]{{3,170}}?)\s*(?:[.,]?\s*[-–—:]+\s*|\.\s+|,\s+|\t+|\s{{3,}})"
    rf"(?i:{SENSE_RE})\b(?P<rest>.*)$")
NAME_ONLY_LINE_RE = re.compile(rf"^[\s\-–—•*]*(?:[Yy]\s+)?(?P<who>(?i:{GRADO_RE})\s+{NAME_RE}[^:]{{0,80}}?)[.:]?\s*[-–—]?\s*$")
SENSE_ONLY_RE = re.compile(rf"^[\s\-–—•*]*(?i:{SENSE_RE})[\s.!,]*$")
RESULT_RE = re.compile(
    r"\b(?:aprobaron|rechazaron)\b|\b(?:(?:es|son|ha sido|han sido|fue|fueron|queda|quedan|queda(?:n)? debidamente|resulta|resultan|resulto)\s+"
    r"(?:aprobad|rechazad)[oa]s?|se aprueba|se aprueban|se rechaza|se rechazan|se aprobo|se aprobaron|se rechazo|"
    r"se rechazaron|no se aprobo|aprobad[oa]s?\s+(?:por|con)\s+"
    r"(?:unanimidad|mayoria|\w+\s+votos?)|rechazad[oa]s?\s+(?:por|con)\s+(?:unanimidad|mayoria|\w+\s+votos?)|"
    r"no (?:es|fue|ha sido|resulta|resulto) aprobad[oa]s?|no se aprueba|no aprobad[oa]s?|"
    r"^\W*(?:aprobad[oa]s?|rechazad[oa]s?)\b|[.;]\s*(?:no\s+)?(?:aprobad[oa]s?|rechazad[oa]s?)\W*$)")
NEGATIVE_RE = re.compile(r"rechazad|se rechaz|no (?:es|fue|ha sido|resulta|resulto) aprobad|no se aprob|no aprobad")
REFERENCE_RE = re.compile(r"(aprobad[oa]s?|rechazad[oa]s?)\s+(por el|por la|por los|mediante|en la sesion|el dia|en sesion|"
                          r"en su sesion|previamente|con anterioridad|anteriormente)")
CALL_RE = re.compile(r"votaci[oó]n|\bse vot[oó]\b|\bse vota\b|someto|sometemos|somete|se consulta|consulto|les consulto|a favor de|a su consideraci|"
                     r"levantando la mano|levantar la mano|manifestarlo|sirvanse", re.IGNORECASE)
FILLER_MAX = 60


def parse_votaciones(lector, asistentes):
    """The session's votes, in order."""
    closing = lector.closing_line or 10 ** 9
    ballots = [b for b in _ballot_lines(lector) if b["sentido"] or b["linea"] < closing]
    groups = _group_ballots(ballots, lector.doc.lines)
    votes, used_lines = [], set()
    for group in groups:
        vote = _nominal_vote(lector, group, asistentes, used_lines)
        if vote:
            votes.append(vote)
    ballot_lines = {b["linea"] for b in ballots}
    standalone = {b["linea"] for b in ballots if "parrafo" not in b}
    for vote in _economic_votes(lector, asistentes, used_lines | ballot_lines, standalone):
        votes.append(vote)
    votes.sort(key=lambda v: v["_orden"])
    for vote in votes:
        del vote["_orden"]
    return votes


# ---- nominal ---------------------------------------------------------------------------------

def _ballot_lines(lector):
    """Every line that is a ballot: (linea, who, sentido)."""
    lines = lector.doc.lines
    found = []
    columns = None
    for index, line in enumerate(lines):
        text = line.strip()
        if not text or len(text) > 260 or index + 1 in lector.agenda_lines:
            continue   # a table's separator row is blank by now; the table ends at its first non-ballot row
        header = _sense_columns(line)
        if header:
            columns = header
            continue
        if columns:
            marked = _marked_ballot(line, columns, index + 1)
            if marked:
                found.append(marked)
                continue
            columns = None
        match = BALLOT_LINE_RE.match(text)
        if match:
            who = _who(match.group("who"))
            if who:
                found.append({"linea": index + 1, "who": who, "sentido": _sense(match.group("sentido"))})
            continue
        grouped = SENSE_LIST_RE.match(text)
        if grouped:
            found.extend(_grouped_ballots(grouped, index + 1))
            continue
        name_only = NAME_ONLY_LINE_RE.match(text)
        if name_only:
            following = next((l.strip() for l in lines[index + 1:index + 3] if l.strip()), "")
            who = _who(name_only.group("who"))
            if who and SENSE_ONLY_RE.match(following):
                found.append({"linea": index + 1, "who": who, "sentido": _sense(following)})
            elif who:
                found.append({"linea": index + 1, "who": who, "sentido": None})
    found.extend(_inline_ballots(lector, {b["linea"] for b in found}))
    found.sort(key=lambda b: (b["linea"], b.get("fin", 0)))
    return found


INLINE_BALLOT_RE = re.compile(
    rf"(?P<who>(?i:{GRADO_RE})\s+[A-ZÁÉÍÓÚ][\wáéíóúñ]+(?:\s+(?:de la\s+|de\s+|del\s+)?[A-ZÁÉÍÓÚ][\wáéíóúñ]+){{0,5}})"
    rf"\s*(?:[,:]\s*|\s+vot[oó]\s+(?:tambi[eé]n\s+)?)(?P<sentido>a favor|en contra|se abstuvo|abstenci[oó]n|me abstengo)\b")

_SENSE_WORD_RE = re.compile(r"a favor|en contra|se abstuvo|abstenci[oó]n|me abstengo")


def _inline_ballots(lector, taken):
    """Ballots written in a sentence: 'Mtra. Barradas Lara, a favor; Dr. Hernández Huesca, a favor;
    Lic. Landa Jácome, a favor.', 'el Dr. X votó a favor, la Mtra. Y votó a favor…' (two or more)."""
    found = []
    for paragraph in lector.paragraphs:
        if paragraph.linea in taken or paragraph.linea in lector.agenda_lines:
            continue
        if not _SENSE_WORD_RE.search(paragraph.text):
            continue    # the full pattern is slow on long paragraphs; it needs one of these words
        matches = list(INLINE_BALLOT_RE.finditer(paragraph.text))
        if len(matches) < 2:
            continue
        for match in matches:
            who = _who(match.group("who")) or _who_surnames(match.group("who"))
            if who:
                found.append({"linea": paragraph.linea_at(match.start()), "who": who,
                              "sentido": _sense(match.group("sentido")), "fin": match.end(), "parrafo": paragraph})
    return found


def _sense_columns(line):
    """A table header naming the senses: «Integrante | A favor | En contra | Abstención»."""
    cells = [fold(c).strip() for c in line.split("\t")]
    senses = {i: _sense(c) for i, c in enumerate(cells) if re.fullmatch(r"a favor|en contra|abstencion(es)?", c)}
    return senses if len(senses) >= 2 else None


def _marked_ballot(line, columns, linea):
    """«Dra. Karen Ocegueda Ramos | X | | |» under a header of senses."""
    cells = line.rstrip("\n").split("\t")
    who = _who(cells[0]) if cells else None
    marks = [i for i, c in enumerate(cells) if i in columns and re.fullmatch(r"\s*[xX✓✔•]\s*", c)]
    if who and len(marks) == 1:
        return {"linea": linea, "who": who, "sentido": columns[marks[0]]}
    return None


SENSE_LIST_RE = re.compile(r"^\W*(?P<sentido>(?i:a favor|en contra|abstenci[oó]n(?:es)?|se abstienen?|se abstuvo))\s*:\s*(?P<lista>.+)$")


def _grouped_ballots(match, linea):
    """«A favor: Mtra. Ruiz Matus, Dr. Jiménez Toledo e Ing. Mendoza Cruz.» — one ballot per name;
    «En contra: ninguno.» none."""
    lista = re.split(r"\.\s+(?=(?i:a favor|en contra|abstenci))", match.group("lista"))[0]
    if re.match(r"(?i)\s*(ninguno|ninguna|nadie|0|cero)\b", lista):
        return []
    ballots = []
    for part in re.split(r",\s*|\s+(?:y|e)\s+(?=(?i:" + GRADO_RE + r")\s)", lista):
        who = _who(part) or _who_surnames(part)
        if who:
            ballots.append({"linea": linea, "who": who, "sentido": _sense(match.group("sentido"))})
    return ballots


def _who_surnames(text):
    """«Mtra. Ruiz Matus»: a title and surnames only."""
    match = re.match(rf"^\W*(?P<grado>(?i:{GRADO_RE}))\s+(?P<nombre>[A-ZÁÉÍÓÚ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚ][\wáéíóúñ]+)?)", text)
    if match:
        return {"grado": canonical_grado(match.group("grado")), "nombre": match.group("nombre")}
    return None


def _who(text):
    """The voter named on a ballot line: 'Dra. Alejandra del Carmen Arreola Delgado, Asesora
    Técnica del COTAPREP', 'CONSEJERA ELECTORAL, MTRA. ANA RUIZ SOTO', 'Dr. Martín Gallardo'."""
    text = text.strip(" .-–—")
    match = re.search(rf"(?P<grado>(?i:{GRADO_RE}))\s+(?P<nombre>{NAME_RE})", text)
    if match:
        name = clean_name(match.group("nombre"))
        if looks_like_name(name):
            return {"grado": canonical_grado(match.group("grado")), "nombre": name}
    match = re.match(rf"^(?P<nombre>{NAME_RE})", text)
    if match:
        name = clean_name(match.group("nombre"))
        if looks_like_name(name):
            return {"grado": None, "nombre": name}
    return None


def _sense(text):
    folded = fold(text)
    if "contra" in folded:
        return "en contra"
    if "absten" in folded:
        return "abstencion"
    return "a favor"


def _group_ballots(ballots, lines):
    """Runs of ballot lines with only blank lines or courtesies («Gracias.») between them; a
    voter named twice with a sense starts a new run (a second vote)."""
    groups, current = [], []
    for ballot in ballots:
        if current and ballot["linea"] - current[-1]["linea"] > 6 and \
                _content_lines_between(lines, current[-1]["linea"], ballot["linea"]) > 3:
            groups.append(current)
            current = []
        if current and ballot["sentido"] and any(
                b["sentido"] and _same_voter(b["who"]["nombre"], ballot["who"]["nombre"]) for b in current):
            groups.append(current)
            current = []
        current.append(ballot)
    if current:
        groups.append(current)
    groups = [g for g in groups if any(b["sentido"] for b in g)]
    for group in groups:   # a run ends at its last ballot with a sense
        while not group[-1]["sentido"]:
            group.pop()
    return groups


def _content_lines_between(lines, first, last):
    """Lines with text between two ballots, page headers and blanks not counted."""
    return sum(1 for n in range(first + 1, last) if n <= len(lines) and lines[n - 1].strip())


def _same_voter(a, b):
    from etl.personas import same_person
    return same_person(a, b) or fold(a) == fold(b)


def _nominal_vote(lector, group, asistentes, used_lines):
    """One nominal vote from its run of ballots and the result statement after it."""
    if _gap_has_prose(lector, group):
        return None
    votos, seen = [], {}
    for ballot in group:
        if not ballot["sentido"]:
            continue
        persona = _voter(lector, ballot, asistentes)
        name = display_name(persona.nombre)
        if name in seen:
            if seen[name] != ballot["sentido"]:
                lector.aviso(f"{name} vota dos veces con sentidos distintos; se toma el último.", ballot["linea"])
                votos = [v for v in votos if v["nombre"] != name]
            else:
                continue
        seen[name] = ballot["sentido"]
        votos.append({"nombre": name, "sentido": ballot["sentido"]})
    if not votos:
        return None
    last = group[-1]["linea"]
    statement = _statement_after(lector, last, group)
    first = group[0]["linea"]
    call = _call_before(lector, first)
    counts = {s: sum(1 for v in votos if v["sentido"] == s) for s in ("a favor", "en contra", "abstencion")}
    resultado = "aprobado" if counts["a favor"] > counts["en contra"] else "rechazado"
    unanimidad = len({v["sentido"] for v in votos}) == 1 and counts["abstencion"] == 0
    linea = first
    if statement:
        text, linea = statement
        used_lines.add(linea)
        declared = "rechazado" if NEGATIVE_RE.search(fold(text)) else "aprobado"
        if declared != resultado:
            lector.aviso(f"El acta declara «{text.strip()[:80]}» pero los votos nominales dan {counts['a favor']} a favor "
                         f"y {counts['en contra']} en contra.", linea)
            resultado = declared
        if "unanimidad" in fold(text) and not unanimidad:
            lector.aviso(f"El acta declara unanimidad pero los votos no son unánimes "
                         f"({counts['a favor']} a favor, {counts['en contra']} en contra, "
                         f"{counts['abstencion']} abstenciones).", linea)
        _check_declared_counts(lector, text, counts, linea)
    return {
        "punto": lector.punto_at(first), "asunto": _asunto(call, statement, lector, first),
        "forma": "nominal", "resultado": resultado, "unanimidad": unanimidad,
        "a_favor": counts["a favor"], "en_contra": counts["en contra"], "abstenciones": counts["abstencion"],
        "votos": votos, "fuente": {"linea": linea}, "_orden": linea, "_llamado": call,
    }


def _gap_has_prose(lector, group):
    """A 'ballot' run broken by long prose is not a vote (a speech that ends «… a favor»)."""
    if len([b for b in group if b["sentido"]]) >= 2:
        return False
    line = lector.doc.line(group[0]["linea"])
    return len(line) > 160


def _voter(lector, ballot, asistentes):
    """The roster person a ballot names; an unknown voter is added, with an aviso."""
    persona = resolve(ballot["who"]["nombre"], asistentes, single_word=True)
    if persona:
        persona.add_spelling(ballot["who"]["nombre"])
        return persona
    persona = Persona(nombre=ballot["who"]["nombre"], grado=ballot["who"]["grado"], rol="integrante",
                      con_voto=True, linea=ballot["linea"], origen="voto")
    asistentes.append(persona)
    lector.aviso(f"{display_name(persona.nombre)} vota pero no figura en la lista de asistencia.", ballot["linea"])
    return persona


def _statement_after(lector, last_line, group):
    """The result statement within the few paragraphs after the last ballot (or, for ballots
    written in a sentence, later in that same paragraph)."""
    own = group[-1].get("parrafo")
    if own is not None:
        rest = fold(own.text[group[-1]["fin"]:])
        match = RESULT_RE.search(rest)
        if match:
            offset = group[-1]["fin"] + match.start()
            return own.text[group[-1]["fin"]:], own.linea_at(offset)
    for paragraph in lector.paragraphs_between(last_line + 1, last_line + 12):
        folded = fold(paragraph.text)
        if BALLOT_LINE_RE.match(paragraph.text.strip()) and paragraph.linea not in {b["linea"] for b in group}:
            break
        match = RESULT_RE.search(folded)
        if match and not REFERENCE_RE.search(folded[match.start():match.end() + 30]):
            return paragraph.text, paragraph.linea_at(match.start())
        if len(paragraph.text) > 200:
            break
    return None


def _call_before(lector, first_line):
    """The paragraph that calls the vote: '…se somete a votación el orden del día por lo que
    procedo a tomar la votación nominal.' Looking back from the vote, a paragraph that records a
    finished vote ends the search: what lies before it called that vote, not this one."""
    end = start = lector.paragraph_index(first_line)
    while start and first_line - lector.paragraphs[start - 1].ultima_linea <= 14:
        start -= 1      # paragraphs do not overlap: those within reach are the last ones
    before = lector.paragraphs[start:end]
    for paragraph in reversed(before):
        last = _call_sentences(paragraph.text)[-1] if paragraph.text.strip() else ""
        result, called = RESULT_RE.search(fold(last)), CALL_RE.search(last)
        if result and (not called or result.start() > called.start()):
            return None
        if called and len(paragraph.text) > 40:
            return paragraph
        if CALL_RE.search(paragraph.text) and len(paragraph.text) > 40 and not RESULT_RE.search(fold(paragraph.text)):
            return paragraph
    return None


def _asunto(call, statement, lector, line):
    """What was voted, in the acta's words: the object of «se somete a votación …» or «si están
    a favor de …», else the subject of the statement, else the agenda item."""
    if call is not None:
        for sentence in reversed(_call_sentences(call.text)):
            asunto = _asunto_in(sentence)
            if asunto:
                return asunto
    if statement:
        sentence = next((s for s in _call_sentences(statement[0]) if RESULT_RE.search(fold(s))), statement[0])
        sentence = re.sub(r"^[\W]*(?:(?:gracias[^,]*|en el punto \w+|sin (?:observaciones|comentarios)|"
                          r"en votaci[oó]n (?:econ[oó]mica|nominal)|puest[oa] a (?:consideraci[oó]n|votaci[oó]n)[^,]*|"
                          r"sometid[oa] a (?:consideraci[oó]n|votaci[oó]n)[^,]*|acto seguido|enseguida),\s*)+", "",
                          sentence, flags=re.IGNORECASE)
        match = re.match(r"^(?P<a>.+?)\s+(?:es|son|ha sido|fue|queda|quedo|se)\s+(?:aprob|rechaz)", sentence, re.IGNORECASE)
        if match and len(match.group("a")) > 3:
            return _trim_asunto(match.group("a"))
    punto = lector.punto_at(line)
    return next((t for n, t, _ in lector.orden if n == punto), None)


def _call_sentences(text):
    return [s for s in re.split(r"(?<=[a-záéíóúñ]{3})[.;]\s+", text) if s.strip()]


# What a call puts to the vote, in the acta's words; the first pattern that matches wins.
ASUNTO_RES = [re.compile(p, re.IGNORECASE) for p in (
    # «Enseguida se tomó la votación del informe con la corrección», «recabó la votación de …»
    r"(?:se vot[oó]|(?:se )?tom[oó] la votaci[oó]n|tomo la votaci[oó]n|recab[oó] la votaci[oó]n)"
    r"(?:\s+nominal|\s+econ[oó]mica)?\s+(?:(?:de\s+(?!las y los)|del\s+)(?P<a>.+)|"
    r"(?:(?:primero|despu[eé]s|luego|enseguida)\s+)?(?P<b>(?:el|la|los|las)\s+(?!y\b).+))",
    # «se somete a votación el orden del día», «Se somete ahora el Dictamen con la modificación»
    r"(?:se somete|someto|sometemos|somete|someti[oó]|sometieron|sometid[oa]s?|se pone|puso|se puso|puest[oa])\s+"
    r"(?:ahora\s+|a continuaci[oó]n\s+|enseguida\s+)?"
    r"(?:a (?:su )?(?:votaci[oó]n|consideraci[oó]n)(?:\s+(?:econ[oó]mica|nominal))?(?: de [^,]{0,40})?\s*(?:,\s*)?)?"
    r"(?P<a>(?:el|la|los|las)\b.+)",
    # «si están a favor de omitir la lectura …»
    r"(?:est[aá]n|estan|esten|est[eé]n)\s+a favor de(?:\s+la aprobaci[oó]n(?:,)?\s*(?:de)?)?\s*(?P<a>.+)",
    # «consultó si se aprobaba el acta con dicha corrección, lo que …»
    r"(?:consult\w+|pregunt\w+)\s+si\s+(?:se\s+)?(?:aprobaba[n]?|aprueba[n]?|(?:estaban|est[aá]n) de acuerdo con)"
    r"\s+(?P<a>.+?)(?:,\s*lo que|$)",
    r"aprobaci[oó]n de\s+(?P<a>.+)",
)]


def _asunto_in(text):
    """The object of a call in one sentence, or None."""
    for regex in ASUNTO_RES:
        match = regex.search(text)
        if match:
            return _trim_asunto(match.groupdict().get("a") or match.group("b"))
    return None


def _trim_asunto(text):
    text = re.split(r",\s+con\s+(?:\w+\s+){0,2}votos?\b|,?\s+(?:por lo que|quienes est|quien est|les pido|les solicito|favor de manifestarlo|"
                    r"sirvanse|s[ií]rvanse|levantando|y procedo|procedo|de manera nominal|para lo cual)", text,
                    flags=re.IGNORECASE)[0]
    text = text.strip(" ,.;:")
    return (text[:1].upper() + text[1:])[:240] if text else None


def _check_declared_counts(lector, text, counts, linea):
    declared = _declared_counts(text)
    for key, label in (("a favor", "a favor"), ("en contra", "en contra"), ("abstencion", "abstenciones")):
        if declared.get(key) is not None and declared[key] != counts[key]:  # noqa: quoted below
            words = declared.get("_" + key) or str(declared[key])
            lector.aviso(f"El acta declara «{words}» y los votos nominales {label} son {counts[key]}.", linea)


_COUNT = rf"(\d+|{NUMBER_WORDS_RE})"


def _declared_counts(text):
    """Counts stated in words or digits: 'dos votos a favor y uno en contra', 'con cuatro votos a
    favor y una abstención', '3 votos en contra'."""
    folded = fold(text)
    counts = {}
    for key, pattern in (("a favor", rf"{_COUNT}\s+(?:votos?\s+)?a favor"),
                         ("en contra", rf"{_COUNT}\s+(?:votos?\s+)?en contra"),
                         ("abstencion", rf"{_COUNT}\s+(?:votos?\s+(?:de\s+|en\s+)?)?abstenci(?:on|ones)")):
        match = re.search(pattern, folded)
        if match:
            counts[key] = to_int(match.group(1))
            counts["_" + key] = match.group(0)
    return counts


# ---- show of hands ---------------------------------------------------------------------------

def _economic_votes(lector, asistentes, used_lines, ballot_lines=frozenset()):
    """Result statements with no ballots before them: 'Aprobado por unanimidad de votos', 'se
    aprueba por mayoría de votos: dos votos a favor y uno en contra', 'no es aprobada'."""
    votes = []
    skip_puntos = _summary_puntos(lector)
    for index, paragraph in enumerate(lector.paragraphs):
        if paragraph.linea in lector.agenda_lines or paragraph.linea >= (lector.closing_line or 10 ** 9):
            continue
        folded = fold(paragraph.text)
        match = RESULT_RE.search(folded)
        if not match or paragraph.linea_at(match.start()) in used_lines:
            continue
        if any(paragraph.linea <= l <= paragraph.ultima_linea for l in used_lines):
            continue
        if paragraph.text.rstrip().endswith(":") or any(
                l in ballot_lines for l in range(paragraph.ultima_linea + 1, paragraph.ultima_linea + 4)):
            continue   # «Sometido a votación nominal, el orden del día se aprobó así:» introduces ballots
        window = folded[max(0, match.start() - 60):match.end() + 40]
        if match.group(0).startswith("se aprob") and re.search(
                r"\b(por el que|por la que|por los que|mediante el cual|mediante la cual|en el que|con el que)\s*$",
                folded[max(0, match.start() - 25):match.start()]):
            continue   # «el acuerdo … por el que se aprobó …» names an earlier decision
        if REFERENCE_RE.search(folded[match.start():match.end() + 30]) or re.search(r"\b(fue aprobad[oa]|se aprobo) en (la|el) (sesion|reunion|acuerdo)\b", window):
            continue
        linea = paragraph.linea_at(match.start())
        punto = lector.punto_at(linea)
        if punto in skip_puntos:
            continue
        previous = lector.paragraphs[index - 1].text if index else ""
        if not _is_vote_statement(folded, fold(previous)):
            continue
        votes.append(_economic_vote(lector, paragraph.text, linea, punto, asistentes, index))
    return votes


def _is_vote_statement(folded, previous):
    """A declaration of a result, not a report of one («En esta sesión se aprobó el acta…»)."""
    if re.search(r"unanimidad|mayoria|votos?\b|\bvotacion\b|levant\w+ la mano|se aprueba|no se aprueba", folded):
        return True
    return bool(re.search(r"votacion|levant\w+ la mano|sirvanse|manifestarlo|quienes esten", previous))


def _summary_puntos(lector):
    """Agenda items that recount rather than decide («Síntesis de los acuerdos tomados»)."""
    return {n for n, t, _ in lector.orden
            if re.search(r"sintesis|resumen|relacion de acuerdos|acuerdos tomados|clausura|lectura de acuerdos", fold(t))}


def _economic_vote(lector, text, linea, punto, asistentes, index):
    folded = fold(text)
    declared = _declared_counts(text)
    negative = bool(NEGATIVE_RE.search(folded))
    unanimous_said = "unanimidad" in folded
    voters = [p for p in asistentes if p.presente and (p.rol == "integrante" or p.con_voto)
              and _present_at(p, punto)]
    a_favor = declared.get("a favor")
    en_contra = declared.get("en contra") or _named_count(text, r"(?:el|los) votos? en contra")
    abstenciones = declared.get("abstencion") or _named_count(text, r"(?:la|las) abstenci(?:o|ó)n(?:es)?")
    if a_favor is None and "mayoria" in folded and (en_contra or abstenciones) and not negative:
        a_favor = max(len(voters) - en_contra - abstenciones, 0)
    if a_favor is None:
        if unanimous_said and not negative:
            a_favor = len(voters)
        elif unanimous_said and negative:
            a_favor, en_contra = 0, declared.get("en contra") or len(voters)
        else:
            a_favor = 0
            lector.aviso("Votación económica sin recuento de votos: se registra el resultado sin cifras.", linea)
    resultado = "rechazado" if negative else "aprobado"
    if declared.get("a favor") is not None and ((resultado == "aprobado") != (a_favor > en_contra)):
        lector.aviso(f"El resultado declarado ({resultado}) no corresponde al recuento: {a_favor} a favor y "
                     f"{en_contra} en contra.", linea)
    unanimidad = (unanimous_said or (en_contra == 0 and abstenciones == 0 and a_favor > 0)) and not (
        (en_contra and a_favor) or abstenciones)
    if unanimous_said and (abstenciones or (en_contra and a_favor)):
        lector.aviso("El acta declara unanimidad pero el recuento no es unánime.", linea)
    own = lector.paragraphs[index]
    call = own if re.search(r"consult\w*\s+si|pregunt\w*\s+si|somet\w+ a (votacion|consideracion)|puest[oa] a (votacion|consideracion)", folded) \
        else (_call_before(lector, linea) if index else None)
    return {
        "punto": punto, "asunto": _asunto(call, (text, linea), lector, linea), "forma": "economica",
        "resultado": resultado, "unanimidad": bool(unanimidad), "a_favor": a_favor, "en_contra": en_contra,
        "abstenciones": abstenciones, "votos": [], "fuente": {"linea": linea}, "_orden": linea, "_llamado": call,
    }


def _named_count(text, phrase):
    """How many people a sentence names after «con el voto en contra del Dr. X y de la Mtra. Y»."""
    match = re.search(rf"(?i:{phrase})\s+(?:del?|de la|de los|de las)\s+(?P<rest>[^;]{{3,200}})", text)
    if not match:
        return 0
    return max(1, len(re.findall(rf"(?<![\w.])(?i:{GRADO_RE})\s+[A-ZÁÉÍÓÚ]", match.group("rest"))))


def _present_at(persona, punto):
    if punto is None:
        return True
    if persona.llegada_punto is not None and punto < persona.llegada_punto:
        return False
    return not (persona.retiro_punto is not None and punto > persona.retiro_punto)
