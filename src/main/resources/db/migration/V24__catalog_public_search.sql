-- catalog: substring search of product names for the public shop. Under the database's C
-- locale pg_trgm only sees ASCII letters and digits (show_trgm('立碑酸菜') is empty), so
-- the names are indexed through catalog_search_key: each character, lower-cased (ASCII),
-- becomes 'u' and six hex digits of its code point. Every character is then a word
-- character for pg_trgm, a substring of a name is a substring of its key (the 'u' marks
-- where a character starts: no false matches across characters), and '%' or '_' typed
-- by a buyer are characters like any other. ProductManagement encodes the query alike.
-- The function is costly to run row by row (declared so): the planner then answers a
-- search from the trigram indexes rather than by computing the keys of a whole county.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION catalog_search_key(value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000
AS
$$
SELECT pg_catalog.string_agg('u' || pg_catalog.lpad(pg_catalog.to_hex(pg_catalog.ascii(t.c)), 6, '0'), '' ORDER BY t.n)
FROM pg_catalog.regexp_split_to_table(pg_catalog.lower(value), '') WITH ORDINALITY AS t (c, n)
$$;

CREATE INDEX catalog_product_name_zh_search_idx ON catalog_product USING gin (catalog_search_key(name_zh) gin_trgm_ops);
CREATE INDEX catalog_product_name_en_search_idx ON catalog_product USING gin (catalog_search_key(name_en) gin_trgm_ops);
CREATE INDEX catalog_product_name_fr_search_idx ON catalog_product USING gin (catalog_search_key(name_fr) gin_trgm_ops);
