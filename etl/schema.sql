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
    cargada_en   TIMESTAMP NOT NULL
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
    quorum       BOOLEAN
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
    PRIMARY KEY (sesion_id, persona_id)
);

CREATE TABLE orden_del_dia (
    sesion_id    INTEGER NOT NULL,
    numero       INTEGER NOT NULL,
    titulo       VARCHAR NOT NULL,
    linea        INTEGER,
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
    linea        INTEGER
);

CREATE TABLE votos (
    votacion_id  INTEGER NOT NULL,
    sesion_id    INTEGER NOT NULL,
    persona_id   INTEGER NOT NULL,
    nombre       VARCHAR NOT NULL,
    sentido      VARCHAR NOT NULL,          -- a favor, en contra, abstencion
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
    linea        INTEGER
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
    linea         INTEGER
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
    linea         INTEGER
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
