CREATE OR REPLACE VIEW inventory_low AS
    SELECT id, item, quantity FROM inventory WHERE quantity < 200;
