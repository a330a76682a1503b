-- titulo: Correcciones pendientes por documento
-- descripcion: Por documento, las correcciones que el comité aprobó y que ninguna sesión posterior
--   informa como atendidas (la vista v_correcciones_pendientes): cuántas son, desde cuándo, cuántos
--   días llevan (hasta la última sesión cargada del comité) y qué se pidió.
--   Solo las del comité $comite (la clave de «python -m etl comites»; el tablero pone el
--   comité elegido en la barra lateral; «todos»: todos).
-- parametro: comite = todos
SELECT coalesce(d.titulo, c.documento)                          AS documento,
       d.clave,
       count(*)                                                 AS pendientes,
       min(c.fecha)                                             AS pedida_desde,
       max(c.dias_pendiente)                                    AS dias_pendiente,
       string_agg(coalesce(c.solicitante, 'sin solicitante') || ': ' || coalesce(c.descripcion, 'sin descripción'),
                  ' | ' ORDER BY c.fecha, c.linea)              AS que_se_pidio
FROM v_correcciones_pendientes c
LEFT JOIN documentos d USING (documento_id)
WHERE $comite = 'todos' OR c.comite = $comite
GROUP BY ALL
ORDER BY pendientes DESC, documento
