-- statistics: V36 wrote every sale row again while its four arrays were still columns, then
-- dropped them; a dropped column's values stay inside a row until the row is written
-- again, so each row kept them beside its new lines (218 bytes for a one-line sale instead
-- of 90, measured). Written once more, the rows hold NULL where the dropped columns were;
-- the space their old versions take is reused by the rows written after.
UPDATE statistics_sale SET lines = lines;
