INSERT INTO inventory (id, item, quantity) VALUES
    (1, 'bolt', 100),
    (2, 'nut; hex', 250),
    (3, 'washer ''flat''', 75);

SELECT restock(1, 20);
