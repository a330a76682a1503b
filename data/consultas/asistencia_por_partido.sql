-- titulo: Asistencia por partido
-- descripcion: Para cada partido, en cuántas sesiones de su proceso estuvo presente alguna de sus
--   representaciones (propietaria o suplente), en cuántas llegó tarde o se retiró antes, en cuántas
--   faltó y su porcentaje de asistencia. Cuentan las sesiones del proceso en que el partido está
--   acreditado, más aquellas a las que asistió sin estarlo (la vista v_asistencia_partido, la misma
--   de la página Asistencia).
--   Solo las del comité $comite (la clave de «python -m etl comites»; el tablero pone el
--   comité elegido en la barra lateral; «todos»: todos).
-- parametro: comite = todos
SELECT a.partido,
       p.nombre,
       count(*)                                                  AS sesiones,
       count(*) FILTER (WHERE a.estado <> 'ausente')             AS asistio,
       count(*) FILTER (WHERE a.estado = 'llegada tarde')        AS llego_tarde,
       count(*) FILTER (WHERE a.estado = 'retiro anticipado')    AS se_retiro_antes,
       count(*) FILTER (WHERE a.estado = 'ausente')              AS falto,
       round(100.0 * count(*) FILTER (WHERE a.estado <> 'ausente') / count(*), 1) AS porcentaje,
       bool_and(a.acreditado)                                    AS acreditado
FROM v_asistencia_partido a
JOIN sesiones s USING (sesion_id)
LEFT JOIN partidos p ON p.partido = a.partido
WHERE $comite = 'todos' OR s.comite = $comite
GROUP BY a.partido, p.nombre
ORDER BY porcentaje DESC, a.partido
