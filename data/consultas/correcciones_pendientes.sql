-- titulo: Correcciones pendientes por documento
-- descripcion: Por documento, las correcciones que el comité pidió (y no rechazó) y que ninguna
--   sesión posterior informa como atendidas: cuántas son, desde cuándo y qué se pidió.
SELECT coalesce(d.titulo, c.documento)                 AS documento,
       d.clave,
       count(*)                                        AS pendientes,
       min(s.fecha)                                    AS pedida_desde,
       string_agg(coalesce(c.solicitante, 'sin solicitante') || ': ' || coalesce(c.descripcion, 'sin descripción'),
                  ' | ' ORDER BY s.fecha, c.linea)     AS que_se_pidio
FROM correcciones c
JOIN sesiones s USING (sesion_id)
LEFT JOIN documentos d USING (documento_id)
WHERE c.aprobada IS DISTINCT FROM false
  AND NOT EXISTS (SELECT 1 FROM correcciones_atendidas a WHERE a.correccion_id = c.correccion_id)
GROUP BY ALL
ORDER BY pendientes DESC, documento
