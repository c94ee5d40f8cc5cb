-- The inventory table and a function whose body is dollar-quoted; statements end with semicolons.
CREATE TABLE inventory (
    id       integer PRIMARY KEY,
    item     text    NOT NULL,
    quantity integer NOT NULL CHECK (quantity >= 0)
);

CREATE FUNCTION restock(p_id integer, p_amount integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    result integer;
BEGIN
    UPDATE inventory SET quantity = quantity + p_amount WHERE id = p_id RETURNING quantity INTO result;
    RETURN result; -- a semicolon inside the body must not split the statement
END;
$$;
