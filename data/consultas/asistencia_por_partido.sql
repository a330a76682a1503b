-- titulo: Asistencia por partido
-- descripcion: Para cada partido, en cuántas sesiones de su proceso estuvo presente al menos una
--   de sus representaciones (propietaria o suplente), en cuántas faltó y el porcentaje de asistencia.
--   Las sesiones que cuentan son las del proceso en que el partido está acreditado, más aquellas a
--   las que asistió aunque no figure en el catálogo de acreditaciones.
WITH presentes AS (
    SELECT DISTINCT sesion_id, partido
    FROM asistencias
    WHERE rol = 'representante' AND presente AND partido IS NOT NULL
),
esperados AS (
    SELECT s.sesion_id, a.partido
    FROM acreditaciones a
    JOIN sesiones s USING (instituto, proceso)
    UNION
    SELECT sesion_id, partido FROM presentes
)
SELECT e.partido,
       p.nombre,
       count(*)                                           AS sesiones,
       count(pr.sesion_id)                                AS asistio,
       count(*) - count(pr.sesion_id)                     AS falto,
       round(100.0 * count(pr.sesion_id) / count(*), 1)   AS porcentaje
FROM esperados e
LEFT JOIN presentes pr USING (sesion_id, partido)
LEFT JOIN partidos p ON p.partido = e.partido
GROUP BY e.partido, p.nombre
ORDER BY porcentaje DESC, e.partido
