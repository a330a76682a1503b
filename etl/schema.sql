-- Tablero COTAPREP: the facts of the actas, as ../shared/CONTRACT.md names them.
-- The ETL (`python -m etl build`) is the only writer; the dashboard, the report and the query
-- console open this database read-only. Column names are the contract's JSON keys.

-- One row per acta file loaded. `texto` is the extracted text, so that every `linea` below can be
-- shown with the acta's own words around it.
CREATE TABLE actas (
    acta_id      INTEGER PRIMARY KEY,
    archivo      VARCHAR NOT NULL,          -- file name inside the actas folder
    sha256       VARCHAR NOT NULL UNIQUE,   -- digest of the file's bytes
    formato      VARCHAR NOT NULL,          -- txt, md, pdf, docx
    bytes        BIGINT NOT NULL,
    texto        VARCHAR NOT NULL,          -- extracted text; line N is fuente.linea = N
    cargada_en   TIMESTAMP NOT NULL,
    revision     VARCHAR,                   -- digest of the staff's review applied (etl/revision.py)
    revision_estado VARCHAR NOT NULL DEFAULT 'sin revisar',  -- sin revisar, en revisión, revisada
    revisada_por VARCHAR,                   -- who marked it revisada
    revisada_en  TIMESTAMP,                 -- when (UTC)
    paginas      INTEGER[]                  -- read by OCR: paginas[N] is the page of line N
);

-- The bytes of each acta file as loaded (their sha256 is actas.sha256): the session's page offers
-- the original document for download, the very file its facts were read from.
CREATE TABLE archivos (
    acta_id      INTEGER PRIMARY KEY,
    contenido    BLOB NOT NULL
);

-- Files of the folder that could not be loaded in the last build, with the reason shown to people.
CREATE TABLE errores_carga (
    archivo      VARCHAR NOT NULL,
    sha256       VARCHAR,
    error        VARCHAR NOT NULL,
    intentada_en TIMESTAMP NOT NULL
);

-- The party catalog (data/catalogos/partidos.csv) plus any party an acta names that the catalog
-- lacks (en_catalogo = false, with an aviso on that acta).
CREATE TABLE partidos (
    partido      VARCHAR PRIMARY KEY,       -- canonical acronym: PAN, PRI, MORENA, PD…
    nombre       VARCHAR NOT NULL,
    color        VARCHAR NOT NULL,          -- #rrggbb
    ambito       VARCHAR,                   -- nacional, local
    en_catalogo  BOOLEAN NOT NULL
);

-- Parties accredited before a committee in a process (data/catalogos/acreditaciones.csv).
-- «absent» is measured against this list.
CREATE TABLE acreditaciones (
    instituto    VARCHAR NOT NULL,
    proceso      VARCHAR NOT NULL,
    partido      VARCHAR NOT NULL,
    PRIMARY KEY (instituto, proceso, partido)
);

-- One committee: an organo of an instituto in one proceso («COTAPREP · IEPC Durango · PEL
-- 2020-2021»). «Proceso» alone is shared by many bodies of many states; every page, the informe
-- and the saved queries work on one committee (etl/comites.py makes the key and the name).
CREATE TABLE comites (
    comite       VARCHAR PRIMARY KEY,       -- stable key: cotaprep-iepc-durango-pel-2020-2021
    nombre       VARCHAR NOT NULL,          -- COTAPREP · IEPC Durango · PEL 2020-2021
    organo       VARCHAR,
    instituto    VARCHAR,
    proceso      VARCHAR,
    sesiones     INTEGER NOT NULL,
    desde        DATE,                      -- its first and last session loaded
    hasta        DATE
);

-- One session per acta.
CREATE TABLE sesiones (
    sesion_id    INTEGER PRIMARY KEY,
    acta_id      INTEGER NOT NULL UNIQUE,
    organo       VARCHAR,
    instituto    VARCHAR,
    proceso      VARCHAR,
    tipo         VARCHAR,                   -- ordinaria, extraordinaria, especial, instalacion, solemne
    numero       INTEGER,
    fecha        DATE,
    hora_inicio  VARCHAR,                   -- HH:MM
    hora_fin     VARCHAR,
    duracion_min INTEGER,
    modalidad    VARCHAR,                   -- virtual, presencial, mixta
    lugar        VARCHAR,
    quorum       BOOLEAN,
    comite       VARCHAR,                   -- comites.comite
    origen       VARCHAR NOT NULL DEFAULT 'acta',  -- acta (the parser) or revision (staff)
    revisado_por VARCHAR,                   -- who corrected it (staff), when origen = revision
    revisado_en  TIMESTAMP                  -- when (UTC)
);

-- One row per person across all actas, whatever the spelling.
CREATE TABLE personas (
    persona_id   INTEGER PRIMARY KEY,
    nombre       VARCHAR NOT NULL,          -- the fullest, accented spelling seen
    clave        VARCHAR NOT NULL UNIQUE    -- accent-, case- and title-free key
);

CREATE TABLE asistencias (
    sesion_id     INTEGER NOT NULL,
    persona_id    INTEGER NOT NULL,
    nombre        VARCHAR NOT NULL,         -- as this acta writes it
    grado         VARCHAR,
    cargo         VARCHAR,
    rol           VARCHAR NOT NULL,         -- integrante, secretario, representante, invitado, otro
    con_voto      BOOLEAN NOT NULL,
    partido       VARCHAR,
    calidad       VARCHAR,                  -- propietario, suplente
    presente      BOOLEAN NOT NULL,
    llegada_punto INTEGER,                  -- null: from the start
    retiro_punto  INTEGER,                  -- null: to the end
    linea         INTEGER,
    origen       VARCHAR NOT NULL DEFAULT 'acta',  -- acta (the parser) or revision (staff)
    revisado_por VARCHAR,                   -- who corrected it (staff), when origen = revision
    revisado_en  TIMESTAMP,                 -- when (UTC)
    PRIMARY KEY (sesion_id, persona_id)
);

CREATE TABLE orden_del_dia (
    sesion_id    INTEGER NOT NULL,
    numero       INTEGER NOT NULL,
    titulo       VARCHAR NOT NULL,
    linea        INTEGER,
    origen       VARCHAR NOT NULL DEFAULT 'acta',  -- acta (the parser) or revision (staff)
    revisado_por VARCHAR,                   -- who corrected it (staff), when origen = revision
    revisado_en  TIMESTAMP,                 -- when (UTC)
    PRIMARY KEY (sesion_id, numero)
);

CREATE TABLE votaciones (
    votacion_id  INTEGER PRIMARY KEY,
    sesion_id    INTEGER NOT NULL,
    punto        INTEGER,
    asunto       VARCHAR,
    forma        VARCHAR NOT NULL,          -- nominal, economica
    resultado    VARCHAR NOT NULL,          -- aprobado, rechazado
    unanimidad   BOOLEAN NOT NULL,
    a_favor      INTEGER NOT NULL,
    en_contra    INTEGER NOT NULL,
    abstenciones INTEGER NOT NULL,
    linea        INTEGER,
    origen       VARCHAR NOT NULL DEFAULT 'acta',  -- acta (the parser) or revision (staff)
    revisado_por VARCHAR,                   -- who corrected it (staff), when origen = revision
    revisado_en  TIMESTAMP                  -- when (UTC)
);

CREATE TABLE votos (
    votacion_id  INTEGER NOT NULL,
    sesion_id    INTEGER NOT NULL,
    persona_id   INTEGER NOT NULL,
    nombre       VARCHAR NOT NULL,
    sentido      VARCHAR NOT NULL,          -- a favor, en contra, abstencion
    origen       VARCHAR NOT NULL DEFAULT 'acta',  -- acta (the parser) or revision (staff)
    revisado_por VARCHAR,                   -- who corrected it (staff), when origen = revision
    revisado_en  TIMESTAMP,                 -- when (UTC)
    PRIMARY KEY (votacion_id, persona_id)
);

-- Documents: one row per document across all actas (by clave, else by normalised title).
CREATE TABLE documentos (
    documento_id INTEGER PRIMARY KEY,
    tipo         VARCHAR NOT NULL,          -- acta, informe, dictamen, acuerdo, plan, presentacion, otro
    clave        VARCHAR,
    titulo       VARCHAR,
    llave        VARCHAR NOT NULL UNIQUE    -- normalised clave or tipo + title: how sessions are linked
);

-- What happened to a document in each session.
CREATE TABLE documento_eventos (
    documento_id INTEGER NOT NULL,
    sesion_id    INTEGER NOT NULL,
    punto        INTEGER,
    estado       VARCHAR NOT NULL,          -- presentado, aprobado, rechazado, retirado
    linea        INTEGER,
    concluye     BOOLEAN NOT NULL DEFAULT false, -- presented and done: «se tiene por presentado»,
                                            -- «se da por recibido», «no será sometido a votación»
    origen       VARCHAR NOT NULL DEFAULT 'acta',  -- acta (the parser) or revision (staff)
    revisado_por VARCHAR,                   -- who corrected it (staff), when origen = revision
    revisado_en  TIMESTAMP                  -- when (UTC)
);

-- Corrections asked of a document in a session.
CREATE TABLE correcciones (
    correccion_id INTEGER PRIMARY KEY,
    sesion_id     INTEGER NOT NULL,
    punto         INTEGER,
    documento     VARCHAR,                  -- as the acta names it
    documento_id  INTEGER,                  -- the documentos row, when it could be linked
    solicitante   VARCHAR,
    persona_id    INTEGER,                  -- the solicitante's personas row
    descripcion   VARCHAR,
    aprobada      BOOLEAN,
    linea         INTEGER,
    origen       VARCHAR NOT NULL DEFAULT 'acta',  -- acta (the parser) or revision (staff)
    revisado_por VARCHAR,                   -- who corrected it (staff), when origen = revision
    revisado_en  TIMESTAMP                  -- when (UTC)
);

-- Corrections a session reports as attended, and the request each answers when it could be linked.
CREATE TABLE correcciones_atendidas (
    atendida_id   INTEGER PRIMARY KEY,
    sesion_id     INTEGER NOT NULL,
    punto         INTEGER,
    documento     VARCHAR,
    documento_id  INTEGER,
    solicitante   VARCHAR,
    persona_id    INTEGER,
    descripcion   VARCHAR,
    correccion_id INTEGER,                  -- the request it attends; null when no link was found
    vinculo       VARCHAR,                  -- how it was linked: documento+solicitante, documento, ambiguo, ninguno
    linea         INTEGER,
    origen       VARCHAR NOT NULL DEFAULT 'acta',  -- acta (the parser) or revision (staff)
    revisado_por VARCHAR,                   -- who corrected it (staff), when origen = revision
    revisado_en  TIMESTAMP                  -- when (UTC)
);

CREATE TABLE avisos (
    sesion_id    INTEGER,
    acta_id      INTEGER NOT NULL,
    mensaje      VARCHAR NOT NULL,
    linea        INTEGER
);

-- When and from what this database was built.
CREATE TABLE metadatos (
    clave        VARCHAR PRIMARY KEY,
    valor        VARCHAR
);

-- ---------------------------------------------------------------------------------------------
-- Views: the dashboard's questions, answered once here (documented in README.md).

-- Attendance of each party in each session: one row per session × party accredited before that
-- session's instituto and proceso (acreditaciones); when there is no accreditation row for them,
-- the parties seen in any session of the same organo and proceso. A party that attended without
-- being on that list still gets its row (acreditado = false). When a party has several
-- representatives in a session, the row is the one who was there longest.
CREATE VIEW v_asistencia_partido AS
-- Without accreditation rows, the parties expected are those seen in any session of the same
-- committee (instituto + organo + proceso), from the first session that names them (present or
-- absent) on: a representation accredited in January is not absent from November's session.
-- Computed once per committee, so that a national archive never crosses every session with
-- every other, nor one state's parties with another's.
WITH vistos AS (
    SELECT s.instituto, s.organo, s.proceso, x.partido, min(s.fecha) AS desde
    FROM sesiones s JOIN asistencias x ON x.sesion_id = s.sesion_id AND x.partido IS NOT NULL
    GROUP BY ALL
),
esperados AS (
    SELECT s.sesion_id, a.partido, true AS acreditado
    FROM sesiones s JOIN acreditaciones a ON a.instituto = s.instituto AND a.proceso = s.proceso
    UNION
    SELECT s.sesion_id, v.partido, true AS acreditado
    FROM sesiones s
    JOIN vistos v ON v.instituto IS NOT DISTINCT FROM s.instituto
                 AND v.organo IS NOT DISTINCT FROM s.organo
                 AND v.proceso IS NOT DISTINCT FROM s.proceso
                 AND (v.desde IS NULL OR s.fecha IS NULL OR s.fecha >= v.desde)
    WHERE NOT EXISTS (SELECT 1 FROM acreditaciones a
                      WHERE a.instituto = s.instituto AND a.proceso = s.proceso)
),
presentes AS (
    SELECT DISTINCT sesion_id, partido FROM asistencias WHERE partido IS NOT NULL
),
filas AS (
    SELECT sesion_id, partido, bool_or(acreditado) AS acreditado FROM (
        SELECT * FROM esperados
        UNION ALL
        SELECT sesion_id, partido, false FROM presentes
    ) GROUP BY sesion_id, partido
),
representantes AS (
    SELECT a.*, row_number() OVER (
        PARTITION BY a.sesion_id, a.partido
        ORDER BY a.presente DESC, a.llegada_punto NULLS FIRST, a.retiro_punto DESC NULLS FIRST,
                 a.calidad = 'propietario' DESC, a.linea) AS orden
    FROM asistencias a WHERE a.partido IS NOT NULL
)
SELECT f.sesion_id, s.fecha, f.partido, f.acreditado,
       CASE WHEN r.persona_id IS NULL OR NOT r.presente THEN 'ausente'
            WHEN r.llegada_punto IS NOT NULL THEN 'llegada tarde'
            WHEN r.retiro_punto IS NOT NULL THEN 'retiro anticipado'
            ELSE 'desde el inicio' END AS estado,
       r.persona_id, r.nombre, r.calidad, r.llegada_punto, r.retiro_punto, r.linea,
       r.origen, r.revisado_por, r.revisado_en
FROM filas f
JOIN sesiones s USING (sesion_id)
LEFT JOIN representantes r ON r.sesion_id = f.sesion_id AND r.partido = f.partido AND r.orden = 1;

-- Share of the session's votes that were unanimous (porcentaje_unanimidad is null without votes).
CREATE VIEW v_unanimidad_sesion AS
SELECT s.sesion_id, s.fecha,
       count(v.votacion_id) AS votaciones,
       count(v.votacion_id) FILTER (WHERE v.unanimidad) AS unanimes,
       round(100.0 * count(v.votacion_id) FILTER (WHERE v.unanimidad)
             / nullif(count(v.votacion_id), 0), 1) AS porcentaje_unanimidad
FROM sesiones s LEFT JOIN votaciones v USING (sesion_id)
GROUP BY s.sesion_id, s.fecha;

-- How long each session lasted, in minutes.
CREATE VIEW v_duracion_sesion AS
SELECT sesion_id, fecha, tipo, numero, hora_inicio, hora_fin, duracion_min
FROM sesiones;

-- Approved corrections that no later session reports as attended, and for how many days: up to
-- the committee's last session loaded (al_dia), not today — a 2021 request of a process that
-- ended in 2021 is not 2,000 days late.
CREATE VIEW v_correcciones_pendientes AS
SELECT c.correccion_id, c.sesion_id, s.comite, s.fecha, c.punto, c.documento, c.documento_id,
       c.solicitante, c.persona_id, c.descripcion, c.linea,
       k.hasta - s.fecha AS dias_pendiente, k.hasta AS al_dia
FROM correcciones c JOIN sesiones s USING (sesion_id) LEFT JOIN comites k USING (comite)
WHERE c.aprobada
  AND NOT EXISTS (SELECT 1 FROM correcciones_atendidas a WHERE a.correccion_id = c.correccion_id);

-- Each document with its latest state (the last session that dealt with it) and in how many
-- sessions it appeared.
CREATE VIEW v_estado_documentos AS
WITH eventos AS (
    SELECT e.*, s.fecha, row_number() OVER (
        PARTITION BY e.documento_id ORDER BY s.fecha DESC NULLS LAST, e.sesion_id DESC,
                                             e.punto DESC NULLS LAST, e.linea DESC NULLS LAST
    ) AS orden
    FROM documento_eventos e JOIN sesiones s USING (sesion_id)
)
SELECT d.documento_id, d.tipo, d.clave, d.titulo, e.estado, e.concluye, e.fecha, e.sesion_id,
       (SELECT count(DISTINCT x.sesion_id) FROM documento_eventos x
        WHERE x.documento_id = d.documento_id) AS sesiones
FROM documentos d LEFT JOIN eventos e ON e.documento_id = d.documento_id AND e.orden = 1;
